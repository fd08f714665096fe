import "server-only";
import { and, asc, count, eq, inArray, ne, or, sql, type SQL } from "drizzle-orm";
import { getDb, writeTransaction, type Tx } from "@/db";
import { articles, references, revisionCitations, revisions, type RevisionState } from "@/db/schema";
import { appendAuditEvent } from "@/lib/dal/audit";
import { hashRevisionContent } from "@/lib/dal/revision-content";
import { notifyReviewersToSignAgain } from "@/lib/dal/sign-offs";
import type { CurrentUser } from "@/lib/dal/session";
import { createCitekeyAllocator, citekeyBase } from "@/lib/citations/citekey";
import { formatAmaList, type AmaEntry } from "@/lib/citations/format-ama";
import { normalizeDoi, normalizePmid } from "@/lib/citations/identifiers";
import type { CitableReference, ReferenceFields, ReferenceType } from "@/lib/citations/reference";
import { clampPage, pageCount, pageOffset } from "@/lib/pagination";
import type { ReferenceValues } from "@/lib/validations/reference";

/** A library row as pages and exports need it: the bibliographic fields plus bookkeeping. */
export type LibraryReference = CitableReference & {
  id: number;
  retracted: boolean;
  retractionNote: string | null;
  retractedAt: string | null;
  updatedAt: string;
};

export type ReferenceListItem = LibraryReference & { ama: AmaEntry; citingArticles: number };

export type ReferenceFilters = {
  q?: string;
  type?: ReferenceType;
  year?: number;
  doi?: string;
  pmid?: string;
  retracted?: boolean;
  page?: number;
};

export const REFERENCE_PAGE_SIZE = 25;

const libraryColumns = {
  id: references.id,
  citekey: references.citekey,
  type: references.type,
  title: references.title,
  authors: references.authors,
  source: references.source,
  sourceAbbrev: references.sourceAbbrev,
  publisher: references.publisher,
  year: references.year,
  volume: references.volume,
  issue: references.issue,
  pages: references.pages,
  doi: references.doi,
  pmid: references.pmid,
  url: references.url,
  accessedAt: references.accessedAt,
  retracted: references.retracted,
  retractionNote: references.retractionNote,
  retractedAt: references.retractedAt,
  updatedAt: references.updatedAt,
};

/** LIKE treats % and _ as wildcards; a search for "10.1136/bjsports_2018" means them literally. */
const likeContains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function filterConditions(filters: ReferenceFilters): SQL | undefined {
  const conditions: SQL[] = [];
  const q = filters.q?.trim();
  if (q) {
    const pattern = likeContains(q.toLowerCase());
    conditions.push(
      sql`(lower(${references.title}) LIKE ${pattern} ESCAPE '\\' OR lower(${references.source}) LIKE ${pattern} ESCAPE '\\'
        OR lower(${references.authors}) LIKE ${pattern} ESCAPE '\\' OR lower(${references.citekey}) LIKE ${pattern} ESCAPE '\\'
        OR lower(coalesce(${references.sourceAbbrev}, '')) LIKE ${pattern} ESCAPE '\\')`,
    );
  }
  if (filters.type) conditions.push(eq(references.type, filters.type));
  if (filters.year) conditions.push(eq(references.year, filters.year));
  const doi = filters.doi?.trim() ? normalizeDoi(filters.doi) : "";
  if (doi) conditions.push(sql`${references.doi} LIKE ${likeContains(doi)} ESCAPE '\\'`);
  const pmid = filters.pmid?.trim() ? normalizePmid(filters.pmid) : "";
  if (pmid) conditions.push(eq(references.pmid, pmid));
  if (filters.retracted !== undefined) conditions.push(eq(references.retracted, filters.retracted));
  return conditions.length ? and(...conditions) : undefined;
}

/** Distinct articles with any revision citing the reference. */
const citingCount = sql<number>`(SELECT count(DISTINCT r.article_id) FROM revision_citations rc JOIN revisions r ON r.id = rc.revision_id WHERE rc.reference_id = ${references.id})`;

/** One page of the library, formatted in AMA style (citeproc runs only for the page shown). */
export function listReferences(filters: ReferenceFilters = {}): {
  rows: ReferenceListItem[];
  total: number;
  page: number;
  pageCount: number;
} {
  const db = getDb();
  const where = filterConditions(filters);
  const total = db.select({ n: count() }).from(references).where(where).get()?.n ?? 0;
  const page = clampPage(filters.page ?? 1, total, REFERENCE_PAGE_SIZE);
  const rows = db
    .select({ ...libraryColumns, citingArticles: citingCount })
    .from(references)
    .where(where)
    .orderBy(asc(references.citekey))
    .limit(REFERENCE_PAGE_SIZE)
    .offset(pageOffset(page, REFERENCE_PAGE_SIZE))
    .all();
  const ama = formatAmaList(rows);
  return { rows: rows.map((row, i) => ({ ...row, ama: ama[i] })), total, page, pageCount: pageCount(total, REFERENCE_PAGE_SIZE) };
}

export function getReference(id: number): (LibraryReference & { ama: AmaEntry }) | null {
  const row = getDb().select(libraryColumns).from(references).where(eq(references.id, id)).get();
  return row ? { ...row, ama: formatAmaList([row])[0] } : null;
}

/** References by id, in the order asked (unknown ids are left out). */
export function referencesByIds(ids: readonly number[]): LibraryReference[] {
  if (ids.length === 0) return [];
  const rows = getDb()
    .select(libraryColumns)
    .from(references)
    .where(inArray(references.id, [...ids]))
    .all();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export type CitingArticle = {
  articleId: number;
  slug: string;
  question: string;
  state: RevisionState;
  /** The published revision cites it (readers see it). */
  citedLive: boolean;
  reReviewFlagged: boolean;
};

/** Every article with a revision citing the reference, described by its working revision. */
export function citingArticles(referenceId: number, db: Pick<Tx, "select"> = getDb()): CitingArticle[] {
  const working = sql`working`;
  return db
    .select({
      articleId: articles.id,
      slug: articles.slug,
      question: sql<string>`${working}.question`,
      state: sql<RevisionState>`${working}.state`,
      citedLive: sql<number>`EXISTS (SELECT 1 FROM revision_citations lc WHERE lc.revision_id = ${articles.liveRevisionId} AND lc.reference_id = ${referenceId})`,
      reReviewFlagged: sql<number>`${articles.reReviewFlaggedAt} IS NOT NULL`,
    })
    .from(articles)
    .innerJoin(sql`revisions AS working`, sql`working.id = ${articles.workingRevisionId}`)
    .where(
      sql`${articles.id} IN (SELECT r.article_id FROM revision_citations rc JOIN revisions r ON r.id = rc.revision_id WHERE rc.reference_id = ${referenceId})`,
    )
    .orderBy(asc(articles.slug))
    .all()
    .map((r) => ({ ...r, citedLive: !!r.citedLive, reReviewFlagged: !!r.reReviewFlagged }));
}

/** Retracted references with the articles citing each, for the "Retracted references" view. */
export function retractedReferences(): Array<LibraryReference & { ama: AmaEntry; articles: CitingArticle[] }> {
  const rows = getDb().select(libraryColumns).from(references).where(eq(references.retracted, true)).orderBy(asc(references.citekey)).all();
  const ama = formatAmaList(rows);
  return rows.map((row, i) => ({ ...row, ama: ama[i], articles: citingArticles(row.id) }));
}

/** Every citekey, DOI and PMID in the library: what an import must not duplicate. */
export function libraryIdentifiers(): { citekeys: string[]; dois: string[]; pmids: string[] } {
  const rows = getDb().select({ citekey: references.citekey, doi: references.doi, pmid: references.pmid }).from(references).all();
  return {
    citekeys: rows.map((r) => r.citekey),
    dois: rows.flatMap((r) => (r.doi ? [r.doi] : [])),
    pmids: rows.flatMap((r) => (r.pmid ? [r.pmid] : [])),
  };
}

export type ExistingReference = { id: number; citekey: string; title: string };

/** Titles compared without case, punctuation or spacing: "Williams Obstetrics." = "williams obstetrics". */
export const titleFingerprint = (title: string) =>
  title
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^\p{L}\p{N}]+/gu, "");

/** Library entries by title fingerprint, to warn about a likely duplicate that has no DOI or PMID to match on. */
export function referencesByTitle(): Map<string, ExistingReference> {
  const rows = getDb().select({ id: references.id, citekey: references.citekey, title: references.title }).from(references).all();
  const byTitle = new Map<string, ExistingReference>();
  for (const row of rows) {
    const key = titleFingerprint(row.title);
    if (key.length >= 12 && !byTitle.has(key)) byTitle.set(key, row);
  }
  return byTitle;
}

/** The library entry holding this DOI or PMID (other than `exceptId`), if any. */
export function findDuplicate(
  db: Pick<Tx, "select">,
  ids: { doi?: string | null; pmid?: string | null },
  exceptId?: number,
): (ExistingReference & { field: "doi" | "pmid" }) | null {
  const matches: SQL[] = [];
  if (ids.doi) matches.push(eq(references.doi, ids.doi));
  if (ids.pmid) matches.push(eq(references.pmid, ids.pmid));
  if (matches.length === 0) return null;
  const row = db
    .select({ id: references.id, citekey: references.citekey, title: references.title, doi: references.doi, pmid: references.pmid })
    .from(references)
    .where(and(or(...matches), exceptId ? ne(references.id, exceptId) : undefined))
    .get();
  if (!row) return null;
  return { id: row.id, citekey: row.citekey, title: row.title, field: ids.doi && row.doi === ids.doi ? "doi" : "pmid" };
}

export function referencesByIdentifier(field: "doi" | "pmid", values: readonly string[]): Map<string, ExistingReference> {
  if (values.length === 0) return new Map();
  const column = field === "doi" ? references.doi : references.pmid;
  const rows = getDb()
    .select({ id: references.id, citekey: references.citekey, title: references.title, value: column })
    .from(references)
    .where(inArray(column, [...values]))
    .all();
  return new Map(rows.map((r) => [r.value ?? "", { id: r.id, citekey: r.citekey, title: r.title }]));
}

function citekeyTaken(tx: Tx, citekey: string, exceptId?: number): boolean {
  return !!tx
    .select({ id: references.id })
    .from(references)
    .where(and(sql`lower(${references.citekey}) = ${citekey.toLowerCase()}`, exceptId ? ne(references.id, exceptId) : undefined))
    .get();
}

/** A fresh citekey for the reference: its base if free, else the base with the first free letter. */
export function allocateCitekey(tx: Tx, fields: ReferenceFields): string {
  const base = citekeyBase(fields);
  const taken = tx
    .select({ citekey: references.citekey })
    .from(references)
    .where(sql`lower(${references.citekey}) LIKE ${`${base}%`}`)
    .all()
    .map((r) => r.citekey);
  return createCitekeyAllocator(taken)(fields);
}

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
function rehashCitingRevisions(tx: Tx, referenceId: number): number[] {
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
      notifyReviewersToSignAgain(tx, revision.id, revision.contentHash);
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
    const rehashed = rehashCitingRevisions(tx, id);
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
          ? { retracted: true, retractionNote: note, retractedAt: current.retracted ? current.retractedAt : now, updatedAt: now }
          : { retracted: false, retractionNote: null, retractedAt: null, updatedAt: now },
      )
      .where(eq(references.id, id))
      .run();
    const rehashed = current.retracted === retracted ? [] : rehashCitingRevisions(tx, id);
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

/**
 * Saves one batch of previewed references. Duplicates are checked again inside the transaction
 * (the library may have changed since the preview); a citekey taken meanwhile is replaced by a
 * fresh one. One audit event records the batch.
 */
export function importReferenceBatch(user: CurrentUser, batch: ReadonlyArray<ReferenceValues & { citekey: string }>): ImportBatchOutcome {
  return writeTransaction((tx) => {
    const outcome: ImportBatchOutcome = { created: [], skipped: [] };
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
      const row = tx
        .insert(references)
        .values({ ...columnsOf(values), citekey, createdById: user.id })
        .returning({ id: references.id })
        .get();
      outcome.created.push({ id: row.id, citekey });
    }
    if (outcome.created.length > 0) {
      appendAuditEvent(tx, {
        actor: user,
        action: "reference.import",
        targetType: "reference",
        targetId: null,
        summary: { count: outcome.created.length, citekeys: outcome.created.map((c) => c.citekey), skipped: outcome.skipped.length },
      });
    }
    return outcome;
  });
}

export type ArticleReferences = { articleId: number; slug: string; references: LibraryReference[] } | null;

/** What an article's working revision cites: clinician wording first, then the patient wording's own. */
export function articleReferences(articleId: number): ArticleReferences {
  const db = getDb();
  const article = db
    .select({ id: articles.id, slug: articles.slug, workingRevisionId: articles.workingRevisionId })
    .from(articles)
    .where(eq(articles.id, articleId))
    .get();
  if (!article) return null;
  if (!article.workingRevisionId) return { articleId, slug: article.slug, references: [] };
  const cited = db
    .select({ referenceId: revisionCitations.referenceId })
    .from(revisionCitations)
    .where(eq(revisionCitations.revisionId, article.workingRevisionId))
    .orderBy(sql`CASE ${revisionCitations.audience} WHEN 'clinician' THEN 0 ELSE 1 END`, asc(revisionCitations.position))
    .all();
  const ids = [...new Set(cited.map((c) => c.referenceId))];
  return { articleId, slug: article.slug, references: referencesByIds(ids) };
}
