"use server";

import { ActionError } from "@/lib/action-result";
import { defineAction, type ServerAction } from "@/lib/actions/define-action";
import { saveRevision, type SavedRevision, type ServerCopy } from "@/lib/dal/revision-editing";
import { canEditRevision } from "@/lib/permissions";
import { revalidateReaderArticle } from "@/lib/reader-cache";
import { saveRevisionSchema } from "@/lib/validations/revision";

/** A refused save because the revision moved on carries the newer copy, for the compare view. */
export type SaveConflictDetails = { server: ServerCopy };

const NOT_SAVED = "Not saved: some fields need correcting.";

/**
 * Autosave and explicit save of the article editor: accepts exactly the editor's fields (unknown
 * ones are refused), and saves only on top of the version the writer was editing.
 */
export const saveRevisionAction: ServerAction<SavedRevision, SaveConflictDetails> = defineAction({
  schema: saveRevisionSchema,
  invalidMessage: NOT_SAVED,
  can: (user) => canEditRevision(user),
  forbidden: "edit articles",
  run: ({ user, input }) => {
    const outcome = saveRevision(user, input);
    switch (outcome.kind) {
      case "not_found":
        throw new ActionError("not_found", "This article no longer exists.");
      case "forbidden":
        throw new ActionError("forbidden", outcome.reason);
      case "invalid":
        throw new ActionError("invalid", NOT_SAVED, outcome.fieldErrors);
      case "conflict":
        throw new ActionError(
          "conflict",
          "Someone saved a newer version of this article while you were editing. Your text is still here: compare and choose what to keep.",
          undefined,
          { server: outcome.server } satisfies SaveConflictDetails,
        );
      case "saved":
        return outcome;
    }
  },
  refresh: (outcome) => {
    if (outcome.readerVisibleChange) revalidateReaderArticle(outcome.saved.slug);
  },
  data: (outcome) => outcome.saved,
});
