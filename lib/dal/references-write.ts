import "server-only";
import { and, eq, inArray, isNull, ne, or } from "drizzle-orm";
import { writeTransaction, type Tx } from "@/db";
import { articles, references, reviewAssignments, revisionCitations, revisions } from "@/db/schema";
import { appendAuditEvent } from "@/lib/dal/audit";
import { citingArticles, type CitingArticle } from "@/lib/dal/references-read";
import { allocateCitekey, citekeyTaken, findDuplicate, type ExistingReference } from "@/lib/dal/references-identity";
import { notifyEach } from "@/lib/dal/notifications";
import { hashRevisionContent } from "@/lib/dal/revision-content";
import { notifyReviewersToSignAgain } from "@/lib/dal/sign-offs";
import type { CurrentUser } from "@/lib/dal/session";
import type { ReferenceFields } from "@/lib/citations/reference";
import type { ImportedIntegrity, ReferenceValues } from "@/lib/validations/reference";

/**
 * Changing the reference library: create, update, delete, retract and import, each in one
 * immediate transaction with its audit event. An update or a retraction re-hashes the open
 * revisions citing the entry, so approvals given on the old data stop counting.
 */

/** The stored columns of validated form or import values. */
function columnsOf(values: ReferenceFields) {
  return {
    type: values.type,
    title: values.title,
    authors: values.authors,
    source: values.source,
    sourceAbbrev: values.sourceAbbrev ?? null,
    publisher: values.publisher ?? null,
    year: values.year ?? null,
    volume: values.volume ?? null,
    issue: values.issue ?? null,
    pages: values.pages ?? null,
    doi: values.doi ?? null,
    pmid: values.pmid ?? null,
    url: values.url ?? null,
    accessedAt: values.accessedAt ?? null,
  };
}

export type ReferenceWriteOutcome =
  | { ok: true; id: number; citekey: string; cited: boolean }
  | { ok: false; reason: "duplicate"; field: "doi" | "pmid"; existing: ExistingReference }
  | { ok: false; reason: "citekey_taken"; citekey: string }
  | { ok: false; reason: "citekey_changed" }
  | { ok: false; reason: "not_found" };

export function createReference(user: CurrentUser, values: ReferenceValues): ReferenceWriteOutcome {
  return writeTransaction((tx) => {
    const duplicate = findDuplicate(tx, values);
    if (duplicate) return { ok: false, reason: "duplicate", field: duplicate.field, existing: duplicate };
    let citekey = values.citekey ?? null;
    if (citekey && citekeyTaken(tx, citekey)) return { ok: false, reason: "citekey_taken", citekey };
    citekey ??= allocateCitekey(tx, values);
    const row = tx
      .insert(references)
      .values({ ...columnsOf(values), citekey, createdById: user.id })
      .returning({ id: references.id })
      .get();
    appendAuditEvent(tx, {
      actor: user,
      action: "reference.create",
      targetType: "reference",
      targetId: row.id,
      summary: { after: { citekey, title: values.title, doi: values.doi ?? null, pmid: values.pmid ?? null } },
    });
    return { ok: true, id: row.id, citekey, cited: false };
  });
}

/**
 * Revisions still in the editorial process hash the data of what they cite (lib/content-hash.ts):
 * when a cited reference changes, their stored hash is brought up to date, so an approval given
 * on the old data stops counting exactly as it would after an edit to the text. Approved
 * revisions keep the hash their sign-offs were given on.
 */
function rehashCitingRevisions(tx: Tx, referenceId: number, actorId: number): number[] {
  const open = tx
    .select({
      id: revisions.id,
      question: revisions.question,
      clinicianBody: revisions.clinicianBody,
      patientBody: revisions.patientBody,
      disclosure: revisions.disclosure,
      contentHash: revisions.contentHash,
    })
    .from(revisions)
    .where(
      and(
        ne(revisions.state, "approved"),
        inArray(
          revisions.id,
          tx
            .selectDistinct({ id: revisionCitations.revisionId })
            .from(revisionCitations)
            .where(eq(revisionCitations.referenceId, referenceId)),
        ),
      ),
    )
    .all();
  const changed: number[] = [];
  for (const revision of open) {
    const hash = hashRevisionContent(tx, revision);
    if (hash !== revision.contentHash) {
      tx.update(revisions).set({ contentHash: hash }).where(eq(revisions.id, revision.id)).run();
      notifyReviewersToSignAgain(tx, revision.id, revision.contentHash, actorId);
      changed.push(revision.id);
    }
  }
  return changed;
}

const isCited = (tx: Tx, referenceId: number) =>
  !!tx
    .select({ id: revisionCitations.revisionId })
    .from(revisionCitations)
    .where(eq(revisionCitations.referenceId, referenceId))
    .limit(1)
    .get();

/** Fields that differ, for the audit summary. */
function changedFields(before: Record<string, unknown>, after: Record<string, unknown>) {
  const diff: Record<string, { before: unknown; after: unknown }> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null))
      diff[key] = { before: before[key] ?? null, after: after[key] ?? null };
  }
  return diff;
}

export function updateReference(user: CurrentUser, id: number, values: ReferenceValues): ReferenceWriteOutcome {
  return writeTransaction((tx) => {
    const current = tx.select().from(references).where(eq(references.id, id)).get();
    if (!current) return { ok: false, reason: "not_found" };
    if (values.citekey && values.citekey !== current.citekey) return { ok: false, reason: "citekey_changed" };
    const duplicate = findDuplicate(tx, values, id);
    if (duplicate) return { ok: false, reason: "duplicate", field: duplicate.field, existing: duplicate };
    const next = columnsOf(values);
    const changes = changedFields(current, next);
    if (Object.keys(changes).length === 0) return { ok: true, id, citekey: current.citekey, cited: false };
    tx.update(references)
      .set({ ...next, updatedAt: new Date().toISOString() })
      .where(eq(references.id, id))
      .run();
    const rehashed = rehashCitingRevisions(tx, id, user.id);
    appendAuditEvent(tx, {
      actor: user,
      action: "reference.update",
      targetType: "reference",
      targetId: id,
      summary: { citekey: current.citekey, changes, rehashedRevisions: rehashed },
    });
    return { ok: true, id, citekey: current.citekey, cited: isCited(tx, id) };
  });
}

export type DeleteOutcome =
  { ok: true; citekey: string } | { ok: false; reason: "not_found" } | { ok: false; reason: "cited"; articles: CitingArticle[] };

/** Refused while any revision, current or historical, cites the reference: sign-offs vouch for those. */
export function deleteReference(user: CurrentUser, id: number): DeleteOutcome {
  return writeTransaction((tx) => {
    const current = tx.select().from(references).where(eq(references.id, id)).get();
    if (!current) return { ok: false, reason: "not_found" };
    if (isCited(tx, id)) return { ok: false, reason: "cited", articles: citingArticles(id, tx) };
    tx.delete(references).where(eq(references.id, id)).run();
    appendAuditEvent(tx, {
      actor: user,
      action: "reference.delete",
      targetType: "reference",
      targetId: id,
      summary: { before: { citekey: current.citekey, title: current.title, doi: current.doi, pmid: current.pmid } },
    });
    return { ok: true, citekey: current.citekey };
  });
}

/**
 * A newly retracted reference: the editors (authors of the live and the in-review revision) and
 * the assigned reviewers of every live or in-review article citing it are told, once per article.
 */
function notifyRetraction(tx: Tx, user: CurrentUser, reference: { id: number; citekey: string; note: string; retractedAt: string }) {
  const citing = tx
    .select({ articleId: articles.id, revisionId: revisions.id, authorId: revisions.authorId, question: revisions.question })
    .from(revisionCitations)
    .innerJoin(revisions, eq(revisions.id, revisionCitations.revisionId))
    .innerJoin(
      articles,
      or(
        eq(articles.liveRevisionId, revisions.id),
        and(eq(articles.workingRevisionId, revisions.id), inArray(revisions.state, ["submitted", "under_review"])),
      ),
    )
    .where(eq(revisionCitations.referenceId, reference.id))
    .orderBy(revisions.id)
    .all();
  const byArticle = new Map<number, typeof citing>();
  for (const row of citing) byArticle.set(row.articleId, [...(byArticle.get(row.articleId) ?? []), row]);
  for (const [articleId, rows] of byArticle) {
    const revisionIds = rows.map((r) => r.revisionId);
    const reviewers = tx
      .selectDistinct({ id: reviewAssignments.reviewerId })
      .from(reviewAssignments)
      .where(and(inArray(reviewAssignments.revisionId, revisionIds), isNull(reviewAssignments.removedAt)))
      .all()
      .map((r) => r.id);
    // The newest citing revision: the one in review when there is one, else the live one.
    const newest = rows[rows.length - 1];
    notifyEach(
      tx,
      [...rows.map((r) => r.authorId), ...reviewers],
      "reference_retracted",
      `“${newest.question}” cites ${reference.citekey}, which was just marked retracted (${reference.note}). Check whether the article needs changes.`,
      { articleId, revisionId: newest.revisionId },
      { actorId: user.id, eventKey: `reference_retracted:${reference.id}:${reference.retractedAt}:${articleId}` },
    );
  }
}

export type RetractionOutcome = { ok: true; citekey: string; flaggedArticles: number; cited: boolean } | { ok: false; reason: "not_found" };

/**
 * Marks a reference retracted (with the editor's note) or clears the mark. Retracting flags every
 * approved article whose live revision cites it for re-review; clearing the mark leaves those flags
 * for an editor to resolve, since the article may have been changed meanwhile.
 */
export function setReferenceRetracted(user: CurrentUser, id: number, retracted: boolean, note: string): RetractionOutcome {
  return writeTransaction((tx) => {
    const current = tx.select().from(references).where(eq(references.id, id)).get();
    if (!current) return { ok: false, reason: "not_found" };
    const now = new Date().toISOString();
    tx.update(references)
      .set(
        retracted
          ? {
              retracted: true,
              retractionNote: note,
              retractedAt: current.retracted ? current.retractedAt : now,
              retractionSource: "manual",
              updatedAt: now,
            }
          : { retracted: false, retractionNote: null, retractedAt: null, retractionSource: null, updatedAt: now },
      )
      .where(eq(references.id, id))
      .run();
    const rehashed = current.retracted === retracted ? [] : rehashCitingRevisions(tx, id, user.id);
    if (retracted && !current.retracted) notifyRetraction(tx, user, { id, citekey: current.citekey, note, retractedAt: now });
    const flagged: number[] = [];
    if (retracted) {
      const live = tx
        .select({ id: articles.id, flaggedAt: articles.reReviewFlaggedAt })
        .from(articles)
        .innerJoin(revisionCitations, eq(revisionCitations.revisionId, articles.liveRevisionId))
        .where(eq(revisionCitations.referenceId, id))
        .groupBy(articles.id)
        .all();
      const reason = `Cites ${current.citekey}, marked retracted: ${note}`;
      for (const article of live.filter((a) => !a.flaggedAt)) {
        tx.update(articles).set({ reReviewFlaggedAt: now, reReviewReason: reason }).where(eq(articles.id, article.id)).run();
        appendAuditEvent(tx, {
          actor: user,
          action: "article.flag_re_review",
          targetType: "article",
          targetId: article.id,
          articleId: article.id,
          summary: { reason, referenceId: id },
        });
        flagged.push(article.id);
      }
    }
    appendAuditEvent(tx, {
      actor: user,
      action: retracted ? "reference.retract" : "reference.unretract",
      targetType: "reference",
      targetId: id,
      summary: {
        citekey: current.citekey,
        before: { retracted: current.retracted, note: current.retractionNote },
        after: { retracted, note: retracted ? note : null },
        flaggedArticles: flagged,
        rehashedRevisions: rehashed,
      },
    });
    return { ok: true, citekey: current.citekey, flaggedArticles: flagged.length, cited: isCited(tx, id) };
  });
}

export type ImportBatchOutcome = {
  created: Array<{ id: number; citekey: string }>;
  /** Entries that became duplicates since the preview (someone else added them meanwhile). */
  skipped: Array<{ citekey: string; reason: string; existing?: ExistingReference }>;
};

/** The columns a record's own retraction or notice sets (source `import`), stamped now. */
function integrityColumns(integrity: ImportedIntegrity | undefined, now: string) {
  if (!integrity) return {};
  if (integrity.status === "retracted")
    return { retracted: true, retractionNote: integrity.note, retractedAt: now, retractionSource: "import" as const };
  return { noticeKind: integrity.kind, noticeNote: integrity.note, noticeAt: now, noticeSource: "import" as const };
}

/**
 * Saves one batch of previewed references. Duplicates are checked again inside the transaction
 * (the library may have changed since the preview); a citekey taken meanwhile is replaced by a
 * fresh one. A reference whose record says it was retracted is saved retracted, one with a
 * correction or expression of concern with that notice (`integrity`, by the preview's citekey).
 * One audit event records the batch.
 */
export function importReferenceBatch(
  user: CurrentUser,
  batch: ReadonlyArray<ReferenceValues & { citekey: string }>,
  integrity: readonly ImportedIntegrity[] = [],
): ImportBatchOutcome {
  const integrityOf = new Map(integrity.map((entry) => [entry.citekey, entry]));
  return writeTransaction((tx) => {
    const outcome: ImportBatchOutcome = { created: [], skipped: [] };
    const now = new Date().toISOString();
    const retracted: string[] = [];
    const noticed: string[] = [];
    for (const values of batch) {
      const duplicate = findDuplicate(tx, values);
      if (duplicate) {
        outcome.skipped.push({
          citekey: values.citekey,
          reason: `Already in the library as ${duplicate.citekey} (same ${duplicate.field.toUpperCase()})`,
          existing: duplicate,
        });
        continue;
      }
      const citekey = citekeyTaken(tx, values.citekey) ? allocateCitekey(tx, values) : values.citekey;
      const status = integrityOf.get(values.citekey);
      const row = tx
        .insert(references)
        .values({ ...columnsOf(values), ...integrityColumns(status, now), citekey, createdById: user.id })
        .returning({ id: references.id })
        .get();
      outcome.created.push({ id: row.id, citekey });
      if (status?.status === "retracted") retracted.push(citekey);
      else if (status) noticed.push(citekey);
    }
    if (outcome.created.length > 0) {
      appendAuditEvent(tx, {
        actor: user,
        action: "reference.import",
        targetType: "reference",
        targetId: null,
        summary: {
          count: outcome.created.length,
          citekeys: outcome.created.map((c) => c.citekey),
          skipped: outcome.skipped.length,
          ...(retracted.length ? { retractedPerRecord: retracted } : {}),
          ...(noticed.length ? { noticePerRecord: noticed } : {}),
        },
      });
    }
    return outcome;
  });
}
