"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { saveBoardProfile } from "@/lib/dal/board-profiles";
import { canEditBoardProfile, canUseEditorArea } from "@/lib/permissions";
import { revalidateAllReaderPages } from "@/lib/reader-cache";
import { boardProfileSchema } from "@/lib/validations/board-profile";

/** Reviewers save their own profile; admins anyone's (the userId is checked, never trusted). */
export const saveBoardProfileAction = defineAction({
  schema: boardProfileSchema,
  can: canUseEditorArea,
  canWithInput: (user, input) => canEditBoardProfile(user, input.userId),
  forbidden: "edit this board profile",
  run: ({ user, input }) => saveBoardProfile(user, input),
  refresh: (_, { input }) => {
    revalidatePath("/account/profile");
    revalidatePath(`/admin/users/${input.userId}`);
    revalidatePath("/admin/users");
    // The public board page and reviewer bylines show this profile.
    revalidateAllReaderPages();
  },
  message: (_, { input }) =>
    input.isPublic ? "Profile saved. It is listed on the public board page." : "Profile saved. It is not listed publicly.",
});
