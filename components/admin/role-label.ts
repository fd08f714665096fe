export const ROLE_LABEL = { admin: "Administrator", editor: "Editor", reviewer: "Board reviewer" } as const;
