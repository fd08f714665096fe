import "server-only";
import { and, asc, eq, inArray, isNotNull, lte } from "drizzle-orm";
import { getDb } from "@/db";
import { articles, revisions, signOffs } from "@/db/schema";
import { diffWords, type DiffSegment } from "@/lib/diff";
import { visibleArticleRevision } from "@/lib/dal/reader";
import { markdownToPlainText } from "@/lib/markdown";
import type { ReaderAudience } from "@/lib/reader/audience";
import type { ReaderReviewer } from "@/lib/reader/types";

/**
 * The public version history (/articles/<slug>/history): every approved version of an article
 * readers can see now, up to and including the live one, newest first, with its approval date,
 * change summary, the reviewers whose approval counted for its exact text (name and credentials as
 * signed), and a word diff from the version before it in one audience's wording.
 *
 * What it never shows: drafts, versions in review or sent back (only `approved` rows are read), an
 * approved version newer than the live one (one waiting for publication), or anything of an
 * article readers can't see (visibleArticleRevision, the reader page's rule, lib/visibility.ts).
 */

export type PublicVersion = {
  number: number;
  /** 1, 2, 3… among the approved versions (revision numbers skip drafts that never went live). */
  version: number;
  question: string;
  approvedAt: string;
  changeSummary: string;
  reviewers: ReaderReviewer[];
  isLive: boolean;
  /** Word diff of the wording (as plain text) from the previous approved version; null for the first. */
  diff: DiffSegment[] | null;
  questionDiff: DiffSegment[] | null;
};

export type PublicHistory = { slug: string; question: string; audience: ReaderAudience; versions: PublicVersion[] };

/** The wording as readers read it, without Markdown syntax or citation markers, a paragraph or list item per block. */
const readable = (body: string) => markdownToPlainText(body);

export function getPublicHistory(slug: string, audience: ReaderAudience): PublicHistory | null {
  const visible = visibleArticleRevision(slug);
  if (!visible) return null;
  const db = getDb();
  const article = db
    .select({ slug: articles.slug, liveRevisionId: articles.liveRevisionId })
    .from(articles)
    .where(eq(articles.id, visible.articleId))
    .get();
  if (!article) return null;
  const current = db.select({ question: revisions.question }).from(revisions).where(eq(revisions.id, visible.revisionId)).get();
  const live = article.liveRevisionId
    ? db
        .select({ number: revisions.number, state: revisions.state })
        .from(revisions)
        .where(and(eq(revisions.id, article.liveRevisionId), eq(revisions.articleId, visible.articleId)))
        .get()
    : undefined;
  if (!live || live.state !== "approved") return { slug: article.slug, question: current?.question ?? "", audience, versions: [] };

  const rows = db
    .select({
      id: revisions.id,
      number: revisions.number,
      question: revisions.question,
      body: audience === "clinician" ? revisions.clinicianBody : revisions.patientBody,
      approvedAt: revisions.approvedAt,
      changeSummary: revisions.changeSummary,
      contentHash: revisions.contentHash,
    })
    .from(revisions)
    .where(
      and(
        eq(revisions.articleId, visible.articleId),
        eq(revisions.state, "approved"),
        isNotNull(revisions.approvedAt),
        lte(revisions.number, live.number),
      ),
    )
    .orderBy(asc(revisions.number))
    .all();

  const signers = rows.length
    ? db
        .select({
          revisionId: signOffs.revisionId,
          reviewerId: signOffs.reviewerId,
          name: signOffs.signerName,
          credentials: signOffs.signerCredentials,
          contentHash: signOffs.contentHash,
        })
        .from(signOffs)
        .where(
          and(
            inArray(
              signOffs.revisionId,
              rows.map((r) => r.id),
            ),
            eq(signOffs.decision, "approve"),
          ),
        )
        .orderBy(asc(signOffs.signedAt), asc(signOffs.id))
        .all()
    : [];

  const versions: PublicVersion[] = [];
  let previous: { question: string; text: string } | null = null;
  rows.forEach((row, i) => {
    const seen = new Set<number>();
    const reviewers = signers
      .filter((s) => s.revisionId === row.id && s.contentHash === row.contentHash && !seen.has(s.reviewerId) && seen.add(s.reviewerId))
      .map((s) => ({ name: s.name, credentials: s.credentials }));
    const text = readable(row.body);
    versions.push({
      number: row.number,
      version: i + 1,
      question: row.question,
      approvedAt: row.approvedAt!,
      changeSummary: row.changeSummary,
      reviewers,
      isLive: row.number === live.number,
      diff: previous ? diffWords(previous.text, text) : null,
      questionDiff: previous && previous.question !== row.question ? diffWords(previous.question, row.question) : null,
    });
    previous = { question: row.question, text };
  });
  versions.reverse();
  return { slug: article.slug, question: current?.question ?? "", audience, versions };
}
