"use server";

import { revalidatePath } from "next/cache";
import { forbidden, invalid, unauthenticated, type ActionResult } from "@/lib/action-result";
import { saveBoardProfile } from "@/lib/dal/board-profiles";
import { getCurrentUser } from "@/lib/dal/session";
import { canEditBoardProfile } from "@/lib/permissions";
import { revalidateAllReaderPages } from "@/lib/reader-cache";
import { boardProfileSchema } from "@/lib/validations/board-profile";

/** Reviewers save their own profile; admins anyone's (the userId is checked, never trusted). */
export async function saveBoardProfileAction(input: unknown): Promise<ActionResult> {
  const actor = await getCurrentUser();
  if (!actor) return unauthenticated();
  const parsed = boardProfileSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error.flatten().fieldErrors);
  if (!canEditBoardProfile(actor, parsed.data.userId)) return forbidden("edit this board profile");
  saveBoardProfile(actor, parsed.data);
  revalidatePath("/account/profile");
  revalidatePath(`/admin/users/${parsed.data.userId}`);
  revalidatePath("/admin/users");
  // The public board page and reviewer bylines show this profile.
  revalidateAllReaderPages();
  return {
    ok: true,
    message: parsed.data.isPublic ? "Profile saved. It is listed on the public board page." : "Profile saved. It is not listed publicly.",
  };
}
