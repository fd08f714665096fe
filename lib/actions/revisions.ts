"use server";

import { forbidden, invalid, unauthenticated, type ActionResult } from "@/lib/action-result";
import { getCurrentUser } from "@/lib/dal/session";
import { saveRevision, type SavedRevision, type ServerCopy } from "@/lib/dal/revision-editing";
import { canEditRevision } from "@/lib/permissions";
import { revalidateReaderArticle } from "@/lib/reader-cache";
import { saveRevisionSchema } from "@/lib/validations/revision";

/** A refused save because the revision moved on; carries the newer copy for the compare view. */
export type SaveConflict = { ok: false; code: "conflict"; message: string; server: ServerCopy };

export type SaveRevisionResult = ActionResult<SavedRevision> | SaveConflict;

/**
 * Autosave and explicit save of the article editor. Checks the session and permission itself,
 * accepts exactly the editor's fields (unknown ones are refused), and saves only on top of the
 * version the writer was editing.
 */
export async function saveRevisionAction(input: unknown): Promise<SaveRevisionResult> {
  const actor = await getCurrentUser();
  if (!actor) return unauthenticated();
  if (!canEditRevision(actor)) return forbidden("edit articles");
  const parsed = saveRevisionSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error.flatten().fieldErrors, "Not saved: some fields need correcting.");

  const outcome = saveRevision(actor, parsed.data);
  switch (outcome.kind) {
    case "not_found":
      return { ok: false, code: "not_found", message: "This article no longer exists." };
    case "forbidden":
      return { ok: false, code: "forbidden", message: outcome.reason };
    case "invalid":
      return invalid(outcome.fieldErrors, "Not saved: some fields need correcting.");
    case "conflict":
      return {
        ok: false,
        code: "conflict",
        message:
          "Someone saved a newer version of this article while you were editing. Your text is still here: compare and choose what to keep.",
        server: outcome.server,
      };
    case "saved":
      if (outcome.readerVisibleChange) revalidateReaderArticle(outcome.saved.slug);
      return { ok: true, data: outcome.saved };
  }
}
