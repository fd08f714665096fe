"use server";

import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { ActionError, INVALID_REQUEST, type FieldErrors } from "@/lib/action-result";
import { defineAction, fieldErrorsOf, type ServerAction } from "@/lib/actions/define-action";
import { libraryEntryWith, type ExistingReference } from "@/lib/dal/references-identity";
import { parseLookupQuery } from "@/lib/citations/identifiers";
import { describeSignal, integrityVerdict, type IntegrityVerdict } from "@/lib/citations/integrity";
import type { ReferenceFields } from "@/lib/citations/reference";
import { LookupError, referenceLookup } from "@/lib/reference-lookup";
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
  lookupReferenceSchema,
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

export type LookedUpReference = {
  reference: ReferenceFields;
  /** Where it came from: "doi.org" or "PubMed". */
  source: string;
  /** What the record says about itself ("Retracted, per the record's own metadata (…): “…”"). */
  signals: string[];
  integrity: IntegrityVerdict;
};

/**
 * "Add by DOI or PMID": fills the new-reference form from doi.org (CSL-JSON) or PubMed (esummary)
 * for the editor to check and save. Nothing is written: the library is only asked first whether
 * the identifier is already there, so a duplicate costs no network request.
 */
export const lookupReferenceAction: ServerAction<LookedUpReference, DuplicateDetails> = defineAction({
  schema: lookupReferenceSchema,
  ...editorial,
  prepare: async ({ input }): Promise<LookedUpReference> => {
    const query = parseLookupQuery(input.query)!;
    const label = query.kind === "doi" ? "DOI" : "PMID";
    const value = query.kind === "doi" ? query.doi : query.pmid;
    const existing = libraryEntryWith(query.kind === "doi" ? { doi: query.doi } : { pmid: query.pmid });
    if (existing) {
      throw new ActionError(
        "conflict",
        `This ${label} is already in the library as ${existing.citekey}. Use that entry instead of adding it again.`,
        { query: [`Already in the library as ${existing.citekey}`] },
        { existing } satisfies DuplicateDetails,
      );
    }
    const source = query.kind === "doi" ? "doi.org" : "PubMed";
    let found;
    try {
      found = await referenceLookup().lookup(query);
    } catch (error) {
      if (error instanceof LookupError) throw new ActionError("unavailable", error.message);
      throw error;
    }
    if (!found) {
      throw new ActionError("not_found", `${source} has no record of ${label} ${value}. Check it, or enter the reference by hand.`, {
        query: [`No record of this ${label} at ${source}`],
      });
    }
    // The record may carry a DOI or PMID the library already holds under the other identifier.
    const twin = libraryEntryWith({ doi: found.reference.doi, pmid: found.reference.pmid });
    if (twin) {
      throw new ActionError(
        "conflict",
        `This work is already in the library as ${twin.citekey} (same ${twin.field.toUpperCase()}). Use that entry instead of adding it again.`,
        { query: [`Already in the library as ${twin.citekey}`] },
        { existing: twin } satisfies DuplicateDetails,
      );
    }
    return { reference: found.reference, source, signals: found.signals.map(describeSignal), integrity: integrityVerdict(found.signals) };
  },
  run: ({ prepared }) => prepared,
  message: (out) => `Found it at ${out.source}. Check the details below, then add the reference.`,
  data: (out) => out,
});
