"use server";

import { revalidatePath } from "next/cache";
import { forbidden, invalid, unauthenticated, type ActionResult } from "@/lib/action-result";
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
import { getCurrentUser } from "@/lib/dal/session";
import { canManageReferences } from "@/lib/permissions";
import { revalidateAllReaderPages } from "@/lib/reader-cache";
import {
  deleteReferenceSchema,
  importBatchSchema,
  referenceSchema,
  retractionSchema,
  updateReferenceSchema,
} from "@/lib/validations/reference";

/**
 * A refusal that says what it collided with: the existing entry a duplicate points to (so the
 * form can link to it), or the articles that still cite a reference being deleted.
 */
export type ReferenceRefusal = Extract<ActionResult, { ok: false }> & { existing?: ExistingReference; citingArticles?: CitingArticle[] };
type ReferenceResult<T = undefined> = ActionResult<T> | ReferenceRefusal;

async function editorialUser() {
  const user = await getCurrentUser();
  if (!user) return { error: unauthenticated() };
  if (!canManageReferences(user)) return { error: forbidden("manage the reference library") };
  return { user };
}

function writeRefusal(outcome: Exclude<ReferenceWriteOutcome, { ok: true }>): ReferenceResult<never> {
  switch (outcome.reason) {
    case "duplicate": {
      const label = outcome.field === "doi" ? "DOI" : "PMID";
      return {
        ok: false,
        code: "conflict",
        message: `This ${label} is already in the library as ${outcome.existing.citekey}. Use that entry instead of adding it again.`,
        fieldErrors: { [outcome.field]: [`Already in the library as ${outcome.existing.citekey}`] },
        existing: outcome.existing,
      };
    }
    case "citekey_taken":
      return invalid({ citekey: [`The citekey ${outcome.citekey} is taken; leave it blank to get one made for you`] });
    case "citekey_changed":
      return invalid({ citekey: ["A citekey can't change once given: articles cite it"] });
    case "not_found":
      return { ok: false, code: "not_found", message: "That reference no longer exists." };
  }
}

export async function createReferenceAction(input: unknown): Promise<ReferenceResult<{ id: number; citekey: string }>> {
  const { user, error } = await editorialUser();
  if (error) return error;
  const parsed = referenceSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error.flatten().fieldErrors);
  const outcome = createReference(user, parsed.data);
  if (!outcome.ok) return writeRefusal(outcome);
  revalidatePath("/editor/references");
  return { ok: true, message: `Added ${outcome.citekey} to the library.`, data: { id: outcome.id, citekey: outcome.citekey } };
}

export async function updateReferenceAction(input: unknown): Promise<ReferenceResult<{ id: number; citekey: string }>> {
  const { user, error } = await editorialUser();
  if (error) return error;
  const parsed = updateReferenceSchema.safeParse(input);
  if (!parsed.success) {
    const flat = parsed.error.flatten((issue) => issue.message);
    // Field errors of the nested reference are reported under the form's own field names.
    const nested = parsed.error.issues.reduce<Record<string, string[]>>((acc, issue) => {
      const [head, field] = issue.path;
      if (head === "reference" && typeof field === "string") (acc[field] ??= []).push(issue.message);
      return acc;
    }, {});
    return invalid({ ...flat.fieldErrors, ...nested });
  }
  const outcome = updateReference(user, parsed.data.id, parsed.data.reference);
  if (!outcome.ok) return writeRefusal(outcome);
  revalidatePath("/editor/references");
  // Reader pages show the formatted entry: refresh them when a cited reference changed.
  if (outcome.cited) revalidateAllReaderPages();
  return { ok: true, message: `Saved ${outcome.citekey}.`, data: { id: outcome.id, citekey: outcome.citekey } };
}

export async function deleteReferenceAction(input: unknown): Promise<ReferenceResult> {
  const { user, error } = await editorialUser();
  if (error) return error;
  const parsed = deleteReferenceSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error.flatten().fieldErrors, "That request was not valid.");
  const outcome = deleteReference(user, parsed.data.id);
  if (!outcome.ok) {
    if (outcome.reason === "not_found") return { ok: false, code: "not_found", message: "That reference no longer exists." };
    const names = outcome.articles.map((a) => `“${a.question || a.slug}”`).join(", ");
    return {
      ok: false,
      code: "conflict",
      message: `This reference can't be deleted: ${outcome.articles.length === 1 ? "an article cites it" : `${outcome.articles.length} articles cite it`} (${names}).`,
      citingArticles: outcome.articles,
    };
  }
  revalidatePath("/editor/references");
  return { ok: true, message: `Deleted ${outcome.citekey}.` };
}

export async function setReferenceRetractedAction(input: unknown): Promise<ActionResult<{ flaggedArticles: number }>> {
  const { user, error } = await editorialUser();
  if (error) return error;
  const parsed = retractionSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error.flatten().fieldErrors);
  const { id, retracted, note } = parsed.data;
  const outcome = setReferenceRetracted(user, id, retracted, note);
  if (!outcome.ok) return { ok: false, code: "not_found", message: "That reference no longer exists." };
  revalidatePath("/editor/references");
  if (outcome.cited) revalidateAllReaderPages();
  const flagged = outcome.flaggedArticles;
  return {
    ok: true,
    message: retracted
      ? `Marked ${outcome.citekey} retracted.${flagged ? ` ${flagged} approved ${flagged === 1 ? "article was" : "articles were"} flagged for re-review.` : ""}`
      : `${outcome.citekey} is no longer marked retracted.`,
    data: { flaggedArticles: flagged },
  };
}

/** Saves one batch of an import the editor previewed and picked from. */
export async function importReferencesAction(input: unknown): Promise<ActionResult<ImportBatchOutcome>> {
  const { user, error } = await editorialUser();
  if (error) return error;
  const parsed = importBatchSchema.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return invalid(parsed.error.flatten().fieldErrors, `The import batch was not valid: ${first?.message ?? "unknown problem"}`);
  }
  // No revalidatePath per batch: the library pages render per request, and the import page refreshes once at the end.
  const outcome = importReferenceBatch(user, parsed.data.references);
  return { ok: true, message: `Imported ${outcome.created.length}.`, data: outcome };
}
