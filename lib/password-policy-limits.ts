// Kept apart from lib/password-policy.ts so browser forms can import the limits
// without pulling the 49,000-entry common-password list into the client bundle.
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;
