"use server";

import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { ActionError, INVALID_REQUEST, type FieldErrors } from "@/lib/action-result";
import { defineAction, fieldErrorsOf, type ServerAction } from "@/lib/actions/define-action";
import type { ExistingReference } from "@/lib/dal/references-identity";
import type { CitingArticle } from "@/lib/dal/references-read";
import {
  createReference,
  deleteReference,
  importReferenceBatch,
  setReferenceRetracted,
  updateReference,
  type ImportBatchOutcome,
  type ReferenceWriteOutcome,
} from "@/lib/dal/references-write";
import { canManageReferences } from "@/lib/permissions";
import { revalidateAllReaderPages } from "@/lib/reader-cache";
import {
  deleteReferenceSchema,
  importBatchSchema,
  referenceSchema,
  retractionSchema,
  updateReferenceSchema,
} from "@/lib/validations/reference";

/** Every reference action is the editorial staff's. */
const editorial = { can: canManageReferences, forbidden: "manage the reference library" } as const;

/** A refused duplicate names the entry it collided with, so the form can link to it. */
export type DuplicateDetails = { existing: ExistingReference };
/** A refused delete lists the articles that still cite the reference. */
export type CitedDetails = { citingArticles: CitingArticle[] };

type Saved = { id: number; citekey: string };

function saved(outcome: ReferenceWriteOutcome): Saved {
  if (outcome.ok) return { id: outcome.id, citekey: outcome.citekey };
  switch (outcome.reason) {
    case "duplicate": {
      const label = outcome.field === "doi" ? "DOI" : "PMID";
      throw new ActionError(
        "conflict",
        `This ${label} is already in the library as ${outcome.existing.citekey}. Use that entry instead of adding it again.`,
        { [outcome.field]: [`Already in the library as ${outcome.existing.citekey}`] },
        { existing: outcome.existing } satisfies DuplicateDetails,
      );
    }
    case "citekey_taken":
      throw ActionError.field("citekey", `The citekey ${outcome.citekey} is taken; leave it blank to get one made for you`);
    case "citekey_changed":
      throw ActionError.field("citekey", "A citekey can't change once given: articles cite it");
    case "not_found":
      throw new ActionError("not_found", "That reference no longer exists.");
  }
}

export const createReferenceAction: ServerAction<Saved, DuplicateDetails> = defineAction({
  schema: referenceSchema,
  ...editorial,
  run: ({ user, input }) => saved(createReference(user, input)),
  refresh: () => revalidatePath("/editor/references"),
  message: (out) => `Added ${out.citekey} to the library.`,
  data: (out) => out,
});

/** Field errors of the nested reference are reported under the form's own field names. */
function updateFieldErrors(error: z.ZodError): FieldErrors {
  const nested: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const [head, field] = issue.path;
    if (head === "reference" && typeof field === "string") (nested[field] ??= []).push(issue.message);
  }
  return { ...fieldErrorsOf(error), ...nested };
}

export const updateReferenceAction: ServerAction<Saved, DuplicateDetails> = defineAction({
  schema: updateReferenceSchema,
  fieldErrorsOf: updateFieldErrors,
  ...editorial,
  run: ({ user, input }) => {
    const outcome = updateReference(user, input.id, input.reference);
    return { ...saved(outcome), cited: outcome.ok && outcome.cited };
  },
  refresh: (out) => {
    revalidatePath("/editor/references");
    // Reader pages show the formatted entry: refresh them when a cited reference changed.
    if (out.cited) revalidateAllReaderPages();
  },
  message: (out) => `Saved ${out.citekey}.`,
  data: ({ id, citekey }) => ({ id, citekey }),
});

export const deleteReferenceAction: ServerAction<undefined, CitedDetails> = defineAction({
  schema: deleteReferenceSchema,
  invalidMessage: INVALID_REQUEST,
  ...editorial,
  run: ({ user, input }) => {
    const outcome = deleteReference(user, input.id);
    if (outcome.ok) return outcome.citekey;
    if (outcome.reason === "not_found") throw new ActionError("not_found", "That reference no longer exists.");
    const names = outcome.articles.map((a) => `“${a.question || a.slug}”`).join(", ");
    const count = outcome.articles.length === 1 ? "an article cites it" : `${outcome.articles.length} articles cite it`;
    throw new ActionError("conflict", `This reference can't be deleted: ${count} (${names}).`, undefined, {
      citingArticles: outcome.articles,
    } satisfies CitedDetails);
  },
  refresh: () => revalidatePath("/editor/references"),
  message: (citekey) => `Deleted ${citekey}.`,
});

export const setReferenceRetractedAction = defineAction({
  schema: retractionSchema,
  ...editorial,
  run: ({ user, input }) => {
    const outcome = setReferenceRetracted(user, input.id, input.retracted, input.note);
    if (!outcome.ok) throw new ActionError("not_found", "That reference no longer exists.");
    return outcome;
  },
  refresh: (out) => {
    revalidatePath("/editor/references");
    if (out.cited) revalidateAllReaderPages();
  },
  message: ({ citekey, flaggedArticles: flagged }, { input }) =>
    input.retracted
      ? `Marked ${citekey} retracted.${flagged ? ` ${flagged} approved ${flagged === 1 ? "article was" : "articles were"} flagged for re-review.` : ""}`
      : `${citekey} is no longer marked retracted.`,
  data: (out) => ({ flaggedArticles: out.flaggedArticles }),
});

/** Saves one batch of an import the editor previewed and picked from. */
export const importReferencesAction = defineAction({
  schema: importBatchSchema,
  invalidMessage: (error) => `The import batch was not valid: ${error.issues[0]?.message ?? "unknown problem"}`,
  ...editorial,
  // No refresh per batch: the library pages render per request, and the import page refreshes once at the end.
  run: ({ user, input }): ImportBatchOutcome => importReferenceBatch(user, input.references, input.integrity),
  message: (out) => `Imported ${out.created.length}.`,
  data: (out) => out,
});
