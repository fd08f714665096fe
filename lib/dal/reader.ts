import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { articles, boardProfiles, references, revisions, signOffs, users, type RevisionState } from "@/db/schema";
import { citedKeys } from "@/lib/citations/markers";
import type { ReferenceAuthor } from "@/lib/citations/reference";
import { getSiteSettings } from "@/lib/dal/settings";
import { markdownToPlainText } from "@/lib/markdown";
import { noticeLabel, renderFormattedWording } from "@/lib/rendered-wording";
import type { ReaderAudience } from "@/lib/reader/audience";
import type { ReaderArticle, ReaderArticleSummary, ReaderReference, ReaderReviewer, ReaderStatus } from "@/lib/reader/types";
import type { SearchQuery } from "@/lib/reader/search-query";
import { readerRevisionId, type PublishPolicy } from "@/lib/visibility";
import { stepperStage } from "@/lib/workflow/stepper";

export type { ReaderArticleSummary } from "@/lib/reader/types";

const READER_STATES: readonly RevisionState[] = ["submitted", "under_review", "approved"];
const isReaderStatus = (state: RevisionState): state is ReaderStatus => READER_STATES.includes(state);

type ArticleRow = typeof articles.$inferSelect;
type RevisionRow = typeof revisions.$inferSelect;

/** What a listing (home, topics, search) needs of a revision: no bodies, so the wide rows' overflow pages are never read. */
const SUMMARY_COLUMNS = {
  id: revisions.id,
  articleId: revisions.articleId,
  question: revisions.question,
  state: revisions.state,
  updatedAt: revisions.updatedAt,
  approvedAt: revisions.approvedAt,
};
type SummaryRevision = Pick<RevisionRow, keyof typeof SUMMARY_COLUMNS>;

/**
 * The revision anonymous readers may see of each article, or nothing. The state is checked again
 * on the revision itself, so a draft or changes-requested revision can never leak even if an
 * article's pointers were wrong. `full` reads whole revisions (an article page); listings read the summary columns.
 */
function visibleRevisions(
  rows: { article: ArticleRow; workingState: RevisionState | null }[],
  policy: PublishPolicy,
  full: true,
): { article: ArticleRow; revision: RevisionRow & { state: ReaderStatus } }[];
function visibleRevisions(
  rows: { article: ArticleRow; workingState: RevisionState | null }[],
  policy: PublishPolicy,
): { article: ArticleRow; revision: SummaryRevision & { state: ReaderStatus } }[];
function visibleRevisions(rows: { article: ArticleRow; workingState: RevisionState | null }[], policy: PublishPolicy, full = false) {
  const ids = new Map<number, ArticleRow>();
  for (const row of rows) {
    const id = readerRevisionId(row.article, row.workingState, policy);
    if (id) ids.set(id, row.article);
  }
  if (ids.size === 0) return [];
  const where = inArray(revisions.id, [...ids.keys()]);
  const revs: SummaryRevision[] = full
    ? getDb().select().from(revisions).where(where).all()
    : getDb().select(SUMMARY_COLUMNS).from(revisions).where(where).all();
  const byId = new Map(revs.map((r) => [r.id, r]));
  const out: { article: ArticleRow; revision: SummaryRevision & { state: ReaderStatus } }[] = [];
  for (const [id, article] of ids) {
    const revision = byId.get(id);
    if (revision && revision.articleId === article.id && isReaderStatus(revision.state))
      out.push({ article, revision: revision as SummaryRevision & { state: ReaderStatus } });
  }
  return out;
}

function articleRows(where?: ReturnType<typeof eq>) {
  const query = getDb()
    .select({ article: articles, workingState: revisions.state })
    .from(articles)
    .leftJoin(revisions, eq(revisions.id, articles.workingRevisionId));
  return (where ? query.where(where) : query).all();
}

function lastReviewedOf(article: ArticleRow, revision: SummaryRevision): string | null {
  if (revision.state !== "approved") return null;
  return article.lastReviewedAt ?? revision.approvedAt ?? null;
}

function summaryOf(article: ArticleRow, revision: SummaryRevision & { state: ReaderStatus }): ReaderArticleSummary {
  return {
    slug: article.slug,
    topic: article.topic,
    question: revision.question,
    status: revision.state,
    lastUpdated: revision.updatedAt,
    lastReviewed: lastReviewedOf(article, revision),
  };
}

function authorName(a: ReferenceAuthor): string {
  if (a.literal) return a.literal;
  const initials = (a.given ?? "")
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((part) => part[0]?.toUpperCase())
    .join("");
  return [a.family, initials].filter(Boolean).join(" ");
}

/** Reviewers whose approval counts for this exact content (same hash), in signing order. */
function reviewersOf(revision: RevisionRow): ReaderReviewer[] {
  if (revision.state !== "approved") return [];
  const rows = getDb()
    .select({ reviewerId: signOffs.reviewerId, name: signOffs.signerName, credentials: signOffs.signerCredentials })
    .from(signOffs)
    .where(and(eq(signOffs.revisionId, revision.id), eq(signOffs.decision, "approve"), eq(signOffs.contentHash, revision.contentHash)))
    .orderBy(asc(signOffs.signedAt), asc(signOffs.id))
    .all();
  const seen = new Set<number>();
  return rows.filter((r) => !seen.has(r.reviewerId) && seen.add(r.reviewerId)).map((r) => ({ name: r.name, credentials: r.credentials }));
}

/** A meta description: the first sentences of the wording, skipping short blocks such as headings. */
function excerpt(text: string, max = 155): string {
  const blocks = text.split(/\n{2,}/);
  const flat = (blocks.filter((b) => b.length >= 60).join(" ") || text).replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  return `${cut.slice(0, cut.lastIndexOf(" ") > 80 ? cut.lastIndexOf(" ") : cut.length)}…`;
}

/** One visible article in one wording, or null when readers may not see it. */
export function getReaderArticle(slug: string, audience: ReaderAudience): ReaderArticle | null {
  const found = visibleRevisions(articleRows(eq(articles.slug, slug)), getSiteSettings().publishPolicy, true)[0];
  if (!found) return null;
  return readerArticleOf(found.article, found.revision, audience);
}

/** How a revision in any state shows to a reader: one in the workflow's early or late steps as pending. */
const AS_READER_STATUS: Readonly<Record<RevisionState, ReaderStatus>> = {
  draft: "submitted",
  submitted: "submitted",
  under_review: "under_review",
  changes_requested: "under_review",
  approved: "approved",
};

/**
 * One given revision exactly as the reader page would render it (same renderer, references,
 * disclaimer), whatever its state, for a preview link (lib/dal/preview-links.ts). The caller has
 * already decided the viewer may see this revision; nothing here checks visibility.
 */
export function previewReaderArticle(articleId: number, revisionId: number, audience: ReaderAudience): ReaderArticle | null {
  const article = getDb().select().from(articles).where(eq(articles.id, articleId)).get();
  const revision = getDb().select().from(revisions).where(eq(revisions.id, revisionId)).get();
  if (!article || !revision || revision.articleId !== article.id) return null;
  const built = readerArticleOf(article, { ...revision, state: AS_READER_STATUS[revision.state] }, audience);
  // The stepper tells where this revision really is (a draft has reached no step yet).
  return { ...built, stepper: stepperStage(revision.state), lastReviewed: revision.state === "approved" ? revision.approvedAt : null };
}

function readerArticleOf(article: ArticleRow, revision: RevisionRow & { state: ReaderStatus }, audience: ReaderAudience): ReaderArticle {
  const settings = getSiteSettings();
  const body = audience === "clinician" ? revision.clinicianBody : revision.patientBody;
  const other = audience === "clinician" ? revision.patientBody : revision.clinicianBody;
  const keys = citedKeys(body);
  const refs = keys.length ? getDb().select().from(references).where(inArray(references.citekey, keys)).all() : [];
  const rendered = renderFormattedWording(body, refs);
  const referenceList: ReaderReference[] = rendered.referenceList.map((entry) => {
    const r = entry.reference;
    return {
      number: entry.number,
      citekey: entry.citekey,
      type: r.type,
      typeLabel: entry.typeLabel,
      title: r.title,
      authors: r.authors.map(authorName),
      source: r.source,
      year: r.year ?? null,
      doi: r.doi ?? null,
      pmid: r.pmid ?? null,
      url: r.url ?? null,
      retracted: r.retracted,
      notice: noticeLabel(r),
      formatted: entry.ama.text,
      formattedHtml: entry.ama.html,
      backlinks: entry.backlinks,
    };
  });
  return {
    slug: article.slug,
    topic: article.topic,
    question: revision.question,
    audience,
    status: revision.state,
    stepper: stepperStage(revision.state),
    html: rendered.html,
    summary: excerpt(markdownToPlainText(body)),
    references: referenceList,
    datePublished: article.firstPublishedAt ?? revision.submittedAt ?? null,
    lastUpdated: revision.updatedAt,
    lastReviewed: lastReviewedOf(article, revision),
    reviewedBy: reviewersOf(revision),
    disclaimer: audience === "clinician" ? settings.clinicianDisclaimer : settings.patientDisclaimer,
    hasOtherWording: other.trim().length > 0,
  };
}

/** The article and the revision readers see behind a visible slug (questions and error reports are only taken about these). */
export function visibleArticleRevision(slug: string): { articleId: number; revisionId: number } | null {
  const found = visibleRevisions(articleRows(eq(articles.slug, slug)), getSiteSettings().publishPolicy)[0];
  return found ? { articleId: found.article.id, revisionId: found.revision.id } : null;
}

/** The article id behind a visible slug (follow-up questions may only be asked about these). */
export function visibleArticleId(slug: string): number | null {
  return visibleArticleRevision(slug)?.articleId ?? null;
}

export type BoardMember = { name: string; credentials: string; specialty: string; bio: string };

/** Public board profiles of active members, by name. */
export function listBoardMembers(): BoardMember[] {
  return getDb()
    .select({ name: users.name, credentials: boardProfiles.credentials, specialty: boardProfiles.specialty, bio: boardProfiles.bio })
    .from(boardProfiles)
    .innerJoin(users, eq(users.id, boardProfiles.userId))
    .where(and(eq(boardProfiles.isPublic, true), eq(users.active, true)))
    .orderBy(asc(users.name))
    .all();
}

export type SearchHit = ReaderArticleSummary & { snippet: string; matchedPatientOnly: boolean };

export type SearchResults = { hits: SearchHit[]; total: number };

/** At most this many ranked matches are counted and paged through (the top 500 of the index, as before). */
const MAX_SEARCH_HITS = 500;

/**
 * FTS5 search over the question and both wordings, ranked by bm25 (the question weighs most).
 * The index holds what readers could see under `on-submit`; the current policy and state are
 * applied again here, so nothing invisible is ever returned.
 *
 * Two steps, so the cost does not grow with the whole catalogue: rank the ids of matching
 * articles readers may see (readerRevisionId's rule in SQL; the narrow revisions index gives the
 * working state without reading the wide revision rows), then build snippets and summaries for the
 * one page shown only. The summaries go through visibleRevisions, which checks visibility again.
 */
export function searchArticles(query: SearchQuery, page: number, pageSize: number): SearchResults {
  const policy = getSiteSettings().publishPolicy;
  // The top 500 by rank from the index alone (as before), then only those are checked for visibility.
  const rank = (fts: string) =>
    getDb().all<{ id: number }>(sql`
    SELECT a.id AS id
    FROM (SELECT rowid AS id, bm25(article_search, 5.0, 1.0, 1.0) AS score FROM article_search
          WHERE article_search MATCH ${fts} ORDER BY score LIMIT ${MAX_SEARCH_HITS}) m
    JOIN articles a ON a.id = m.id
    WHERE a.lifecycle = 'active' AND (a.live_revision_id IS NOT NULL OR (${policy} = 'on-submit' AND EXISTS (
      SELECT 1 FROM revisions w INDEXED BY revisions_id_state_updated_idx
      WHERE w.id = a.working_revision_id AND w.state IN ('submitted', 'under_review'))))
    ORDER BY m.score`);
  // Whole words first; the last word as a prefix only when that finds less than a page (see toSearchQuery).
  let ftsQuery = query.exact;
  let ranked = rank(ftsQuery);
  if (ranked.length < pageSize && query.prefix !== query.exact) {
    ftsQuery = query.prefix;
    ranked = rank(ftsQuery);
  }
  const start = (page - 1) * pageSize;
  const pageIds = ranked.slice(start, start + pageSize).map((r) => r.id);
  if (pageIds.length === 0) return { hits: [], total: ranked.length };

  const details = getDb().all<{ id: number; snippet: string; inQuestion: number; inClinician: number }>(sql`
    SELECT article_search.rowid AS id,
      snippet(article_search, -1, ${"\uE010"}, ${"\uE011"}, '…', 16) AS snippet,
      instr(highlight(article_search, 0, ${"\uE010"}, ''), ${"\uE010"}) > 0 AS inQuestion,
      instr(highlight(article_search, 1, ${"\uE010"}, ''), ${"\uE010"}) > 0 AS inClinician
    FROM article_search
    WHERE article_search MATCH ${ftsQuery} AND article_search.rowid IN (${sql.join(
      pageIds.map((id) => sql`${id}`),
      sql`, `,
    )})`);
  const detailById = new Map(details.map((d) => [d.id, d]));
  const summaries = new Map(
    visibleRevisions(articleRows(inArray(articles.id, pageIds)), policy).map(({ article, revision }) => [
      article.id,
      summaryOf(article, revision),
    ]),
  );
  const hits: SearchHit[] = [];
  for (const id of pageIds) {
    const summary = summaries.get(id);
    const detail = detailById.get(id);
    if (!summary || !detail) continue;
    // No searched word in the question or the clinician wording: the hit links to the patient wording.
    hits.push({ ...summary, snippet: detail.snippet, matchedPatientOnly: !detail.inQuestion && !detail.inClinician });
  }
  return { hits, total: ranked.length };
}
