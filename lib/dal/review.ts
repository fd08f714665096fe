import "server-only";
import { and, asc, desc, eq, inArray, ne } from "drizzle-orm";
import { countUnsourcedStatements } from "@/lib/citations/statements";
import { getDb, writeTransaction, type Tx } from "@/db";
import { articles, auditEvents, references, reviewComments, revisions, signOffs, users } from "@/db/schema";
import { appendAuditEvent } from "@/lib/dal/audit";
import { PREVIEW_VIEWED } from "@/lib/preview-links";
import { authorAndAssigningEditors, notifyEach } from "@/lib/dal/notifications";
import type { CurrentUser } from "@/lib/dal/session";
import { getSiteSettings } from "@/lib/dal/settings";
import {
  activePanel,
  asActor,
  checklistFor,
  loadRevision,
  requireTransition,
  signOffRefs,
  type PanelMember,
  type RevisionRow,
} from "@/lib/dal/workflow-context";
import { diffHtml } from "@/lib/diff";
import { renderFormattedWording, wordingReferences, type WordingReference } from "@/lib/rendered-wording";
import { availableRevisionActions, canAttemptRevisionAction, canViewRevision } from "@/lib/permissions";
import { analyzeReadability, type Readability } from "@/lib/readability";
import type { SubmissionChecklist } from "@/lib/submission-checks";
import { citekeysOf } from "@/lib/submission-checks";
import { approvalRule, type ClassVerdict } from "@/lib/dal/change-class";
import type { ArticleRow } from "@/lib/dal/workflow-context";
import { approvalsNeeded, countingApprovals, mixStatus, type MixCheck } from "@/lib/workflow";
import type { CredentialClass } from "@/lib/domain";
import type { CommentInput } from "@/lib/validations/workflow";

/** Review data for one article's working revision, as small DTOs for the pages. */

export type SignOffItem = {
  id: number;
  reviewerId: number;
  signerName: string;
  signerCredentials: string;
  decision: "approve" | "request_changes";
  meaning: string;
  comment: string;
  signedAt: string;
  /** The identification components the signature used ("password", "password+totp", "session"). */
  factors: string;
  contentHash: string;
  /** Given on the revision's current text. */
  onCurrentText: boolean;
  /** Counts towards the quorum now. */
  counts: boolean;
  /** The signer's class when signing (or now, for an older row). */
  credentialClass: CredentialClass;
};

export type CommentItem = {
  id: number;
  authorName: string;
  /** Set for a comment a preview link's recipient left: their name as given (never a reviewer's sign-off). */
  guestName: string | null;
  body: string;
  quote: string | null;
  quoteAudience: "clinician" | "patient" | null;
  createdAt: string;
  onCurrentText: boolean;
};

export type RenderedAudience = {
  html: string;
  references: WordingReference[];
  /** Clinician wording only: its statements and how many cite nothing (highlighted in the html). */
  statements?: { total: number; unsourced: number };
};

export type QuorumStatus = {
  required: number;
  counted: number;
  needed: number;
  approvedBy: string[];
  approvedByIds: number[];
  /** The change class the quorum uses, and why. */
  changeClass: ClassVerdict;
  /** Each approver-mix requirement for this class, met or missing. */
  mix: MixCheck[];
};

export function signOffItems(tx: Tx, revision: RevisionRow, panel: PanelMember[]): SignOffItem[] {
  const counting = new Set(
    countingApprovals(signOffRefs(tx, revision.id), {
      currentHash: revision.contentHash,
      authorId: revision.authorId,
      activeReviewerIds: panel.map((p) => p.reviewerId),
    }),
  );
  const rows = tx.select().from(signOffs).where(eq(signOffs.revisionId, revision.id)).orderBy(asc(signOffs.id)).all();
  const classOf = new Map(signOffRefs(tx, revision.id).map((r) => [r.id, r.credentialClass ?? "other"]));
  // Only a reviewer's latest approval on the current text is the one that counts.
  const latestCountingId = new Map<number, number>();
  for (const r of rows) if (counting.has(r.reviewerId) && r.contentHash === revision.contentHash) latestCountingId.set(r.reviewerId, r.id);
  return rows.map((r) => ({
    id: r.id,
    reviewerId: r.reviewerId,
    signerName: r.signerName,
    signerCredentials: r.signerCredentials,
    decision: r.decision,
    meaning: r.meaning,
    comment: r.comment,
    signedAt: r.signedAt,
    factors: r.factors,
    contentHash: r.contentHash,
    onCurrentText: r.contentHash === revision.contentHash,
    counts: latestCountingId.get(r.reviewerId) === r.id && r.decision === "approve",
    credentialClass: classOf.get(r.id) ?? "other",
  }));
}

export function quorumStatus(tx: Tx, article: ArticleRow, revision: RevisionRow, panel: PanelMember[]): QuorumStatus {
  const { verdict, rule: classRule } = approvalRule(tx, article, revision);
  const required = classRule.requiredApprovals;
  const rule = {
    currentHash: revision.contentHash,
    authorId: revision.authorId,
    activeReviewerIds: panel.map((p) => p.reviewerId),
    ...classRule,
  };
  const refs = signOffRefs(tx, revision.id);
  const counted = countingApprovals(refs, rule);
  const names = new Map(panel.map((p) => [p.reviewerId, p.name]));
  return {
    required,
    counted: counted.length,
    needed: approvalsNeeded(refs, rule),
    approvedBy: counted.map((id) => names.get(id) ?? ""),
    approvedByIds: counted,
    changeClass: verdict,
    mix: mixStatus(refs, rule),
  };
}

function renderAudience(markdown: string, library: (typeof references.$inferSelect)[], markUnsourced = false): RenderedAudience {
  const rendered = renderFormattedWording(markdown, library, { markUnsourced });
  const counted = markUnsourced ? countUnsourcedStatements(markdown) : null;
  return {
    html: rendered.html,
    references: wordingReferences(rendered),
    ...(counted ? { statements: { total: counted.total, unsourced: counted.unsourced.length } } : {}),
  };
}

function commentItems(tx: Tx, revision: RevisionRow): CommentItem[] {
  return tx
    .select({
      id: reviewComments.id,
      authorName: users.name,
      guestName: reviewComments.guestName,
      body: reviewComments.body,
      quote: reviewComments.quote,
      quoteAudience: reviewComments.quoteAudience,
      createdAt: reviewComments.createdAt,
      contentHash: reviewComments.contentHash,
    })
    .from(reviewComments)
    .innerJoin(users, eq(users.id, reviewComments.authorId))
    .where(eq(reviewComments.revisionId, revision.id))
    .orderBy(asc(reviewComments.id))
    .all()
    .map(({ contentHash, ...c }) => ({ ...c, onCurrentText: contentHash === revision.contentHash }));
}

export type ReviewPageData = {
  article: { id: number; slug: string; topic: string };
  revision: {
    id: number;
    number: number;
    state: RevisionRow["state"];
    question: string;
    disclosure: string;
    contentHash: string;
    authorName: string;
    updatedAt: string;
    /** The editor's one line on what changed, written at submission. */
    changeSummary: string;
  };
  clinician: RenderedAudience;
  patient: RenderedAudience;
  readability: Readability;
  readabilityTarget: number;
  checklist: SubmissionChecklist;
  /** Word diff against the live revision, when one exists and this is a newer revision. */
  diff: { liveNumber: number; question: string; clinician: string; patient: string; disclosure: string } | null;
  comments: CommentItem[];
  signOffs: SignOffItem[];
  panel: PanelMember[];
  quorum: QuorumStatus;
  viewer: {
    canSign: boolean;
    canComment: boolean;
    /** Wrote this revision in a role that signs off (a board reviewer): may read it, never sign it. */
    barredAsAuthor: boolean;
    approvedCurrentText: boolean;
    /** Approved an earlier text of this revision and not yet the current one. */
    mustSignAgain: boolean;
    signerName: string;
    signerCredentials: string;
    /** May escalate a claimed-minor change to major. */
    canEscalate: boolean;
  };
};

/** The review page's data, or null when the viewer may not see this article's working revision. */
export function getReviewPageData(user: CurrentUser, articleId: number): ReviewPageData | null {
  const db = getDb();
  // A read-only snapshot: one deferred transaction so every part describes the same moment.
  return db.transaction((tx) => {
    const article = tx.select().from(articles).where(eq(articles.id, articleId)).get();
    if (!article?.workingRevisionId) return null;
    const revision = tx.select().from(revisions).where(eq(revisions.id, article.workingRevisionId)).get();
    if (!revision) return null;
    const panel = activePanel(tx, revision.id);
    const actor = asActor(user);
    const ref = { authorId: revision.authorId };
    if (!canViewRevision(actor, ref, panel)) return null;
    const may = availableRevisionActions(actor, ref, panel, revision.state);

    const keys = citekeysOf(revision);
    const library = keys.length ? tx.select().from(references).where(inArray(references.citekey, keys)).all() : [];
    const live =
      article.liveRevisionId && article.liveRevisionId !== revision.id
        ? tx.select().from(revisions).where(eq(revisions.id, article.liveRevisionId)).get()
        : undefined;
    const items = signOffItems(tx, revision, panel);
    const mine = items.filter((s) => s.reviewerId === user.id);
    const approvedCurrentText = mine.some((s) => s.counts);
    const author = tx.select({ name: users.name }).from(users).where(eq(users.id, revision.authorId)).get();
    const signer = panel.find((p) => p.reviewerId === user.id);
    // Signing means either decision, so both must be open to this viewer now.
    const signsNow = may.approve && may.request_changes;
    return {
      article: { id: article.id, slug: article.slug, topic: article.topic },
      revision: {
        id: revision.id,
        number: revision.number,
        state: revision.state,
        question: revision.question,
        disclosure: revision.disclosure,
        contentHash: revision.contentHash,
        authorName: author?.name ?? "",
        updatedAt: revision.updatedAt,
        changeSummary: revision.changeSummary,
      },
      clinician: renderAudience(revision.clinicianBody, library, true),
      patient: renderAudience(revision.patientBody, library),
      readability: analyzeReadability(revision.patientBody),
      readabilityTarget: getSiteSettings().readabilityTarget,
      checklist: checklistFor(tx, revision),
      diff: live
        ? {
            liveNumber: live.number,
            question: diffHtml(live.question, revision.question),
            clinician: diffHtml(live.clinicianBody, revision.clinicianBody),
            patient: diffHtml(live.patientBody, revision.patientBody),
            disclosure: diffHtml(live.disclosure, revision.disclosure),
          }
        : null,
      comments: commentItems(tx, revision),
      signOffs: items,
      panel,
      quorum: quorumStatus(tx, article, revision, panel),
      viewer: {
        canSign: signsNow && !approvedCurrentText,
        canComment: may.comment,
        barredAsAuthor: revision.authorId === user.id && canAttemptRevisionAction(actor, "approve"),
        approvedCurrentText,
        mustSignAgain: !approvedCurrentText && mine.some((s) => s.decision === "approve" && !s.onCurrentText) && signsNow,
        signerName: signer?.name ?? user.name,
        signerCredentials: signer?.credentials ?? "",
        canEscalate: may.escalate_class,
      },
    };
  });
}

export function addReviewComment(user: CurrentUser, input: CommentInput): { articleId: number } {
  return writeTransaction((tx) => {
    const loaded = loadRevision(tx, input.revisionId);
    const { revision, article } = loaded;
    requireTransition(tx, user, loaded, { action: "comment" });
    const quote = input.quote?.trim() || null;
    const created = tx
      .insert(reviewComments)
      .values({
        revisionId: revision.id,
        authorId: user.id,
        body: input.body,
        quote,
        quoteAudience: quote ? (input.quoteAudience ?? null) : null,
        contentHash: revision.contentHash,
      })
      .returning({ id: reviewComments.id })
      .get();
    notifyEach(
      tx,
      authorAndAssigningEditors(tx, revision),
      "review_comment",
      `${user.name} commented on “${revision.question}”.`,
      { articleId: article.id, revisionId: revision.id },
      { actorId: user.id, eventKey: `review_comment:${created.id}` },
    );
    appendAuditEvent(tx, {
      actor: user,
      action: "review.comment",
      targetType: "revision",
      targetId: revision.id,
      articleId: article.id,
      summary: { commentId: created.id, quoted: !!quote, contentHash: revision.contentHash },
    });
    return { articleId: article.id };
  });
}

export type TimelineEvent = { id: number; at: string; action: string; actorName: string; summary: Record<string, unknown> };

/** The article's audit events, newest first. */
export function articleTimeline(articleId: number, limit = 100): TimelineEvent[] {
  return (
    getDb()
      .select({
        id: auditEvents.id,
        at: auditEvents.at,
        action: auditEvents.action,
        actorName: users.name,
        actorLabel: auditEvents.actorLabel,
        summary: auditEvents.summary,
      })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorId))
      // A preview link's views are counted on the link (the article overview's list), not shown here one by one.
      .where(and(eq(auditEvents.articleId, articleId), ne(auditEvents.action, PREVIEW_VIEWED)))
      .orderBy(desc(auditEvents.id))
      .limit(limit)
      .all()
      .map((e) => {
        let summary: Record<string, unknown> = {};
        try {
          summary = JSON.parse(e.summary) as Record<string, unknown>;
        } catch {
          // An unreadable summary still shows the event itself.
        }
        return { id: e.id, at: e.at, action: e.action, actorName: e.actorName ?? (e.actorLabel || "System"), summary };
      })
  );
}
