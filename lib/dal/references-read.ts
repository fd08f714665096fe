import "server-only";
import { and, asc, count, eq, inArray, sql, type SQL } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
import { articles, references, revisionCitations, type RevisionState } from "@/db/schema";
import { formatAmaList, type AmaEntry } from "@/lib/citations/format-ama";
import { doiKey, normalizePmid } from "@/lib/citations/identifiers";
import type { CitableReference, ReferenceNoticeKind, ReferenceStatusSource, ReferenceType } from "@/lib/citations/reference";
import { clampPage, pageCount, pageOffset } from "@/lib/pagination";

/** Reading the reference library: the paged list, one entry, the articles citing an entry, exports. */

/** A library row as pages and exports need it: the bibliographic fields plus bookkeeping. */
export type LibraryReference = CitableReference & {
  id: number;
  retracted: boolean;
  retractionNote: string | null;
  retractedAt: string | null;
  retractionSource: ReferenceStatusSource | null;
  /** A correction or expression of concern published about the work. */
  noticeKind: ReferenceNoticeKind | null;
  noticeNote: string | null;
  noticeSource: ReferenceStatusSource | null;
  noticeAt: string | null;
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
  retractionSource: references.retractionSource,
  noticeKind: references.noticeKind,
  noticeNote: references.noticeNote,
  noticeSource: references.noticeSource,
  noticeAt: references.noticeAt,
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
  const doi = filters.doi?.trim() ? doiKey(filters.doi) : "";
  if (doi) conditions.push(sql`${references.doiKey} LIKE ${likeContains(doi)} ESCAPE '\\'`);
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
