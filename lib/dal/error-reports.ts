import "server-only";
import { and, asc, count, desc, eq, lte, sql } from "drizzle-orm";
import { getDb, writeTransaction, type Tx } from "@/db";
import { articles, errorReports, revisions } from "@/db/schema";
import { appendAuditEvent } from "@/lib/dal/audit";
import { queueMail } from "@/lib/dal/mail";
import { insertWorkingRevision } from "@/lib/dal/new-revision";
import { activeEditorIds, notifyEach } from "@/lib/dal/notifications";
import { visibleArticleRevision } from "@/lib/dal/reader";
import type { CurrentUser } from "@/lib/dal/session";
import { getSiteSettings } from "@/lib/dal/settings";
import { errorReportDueAt, errorReportResolvedMail } from "@/lib/error-reports";
import { takeSlot } from "@/lib/dal/rate-limit";
import { QUESTION_WINDOW_MS } from "@/lib/reader/question-limit";
import { absoluteUrl, articlePath } from "@/lib/reader/site-url";

/**
 * Readers' error reports (issue 22): taken from any visible article with the follow-up question's
 * defences (honeypot in the action, a per-address hourly limit here), told to the editors, given a
 * response target, escalated once when still open after it (the minute tick), resolved with a note
 * that is mailed to a reporter who left an address. See docs/ARCHITECTURE.md "Error reports".
 */

export type ReportResult = "stored" | "rate_limited" | "not_found";

const workingQuestion = (tx: Tx, articleId: number, fallback: string) =>
  tx
    .select({ q: revisions.question })
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.workingRevisionId))
    .where(eq(articles.id, articleId))
    .get()?.q ?? fallback;

/** Stores a report about a visible article, counted against the sender's address in the same transaction. */
export function reportError(input: {
  slug: string;
  description: string;
  quote: string | null;
  email: string | null;
  audience: "clinician" | "patient" | null;
  ip: string;
  limit: number;
  now?: Date;
}): ReportResult {
  const visible = visibleArticleRevision(input.slug);
  if (!visible) return "not_found";
  const now = input.now ?? new Date();
  const key = `error-report-ip:${input.ip}`;
  const targetDays = getSiteSettings().errorReportTargetDays;
  return writeTransaction((tx) => {
    if (!takeSlot(tx, key, now, input.limit, QUESTION_WINDOW_MS)) return "rate_limited";
    const dueAt = errorReportDueAt(now, targetDays).toISOString();
    const row = tx
      .insert(errorReports)
      .values({
        articleId: visible.articleId,
        revisionId: visible.revisionId,
        audience: input.audience,
        description: input.description,
        quote: input.quote,
        email: input.email,
        dueAt,
        createdAt: now.toISOString(),
      })
      .returning({ id: errorReports.id })
      .get();
    const question = workingQuestion(tx, visible.articleId, input.slug);
    notifyEach(
      tx,
      activeEditorIds(tx),
      "error_report",
      `A reader reported an error in “${question}”. Response target: ${targetDays} ${targetDays === 1 ? "day" : "days"}.`,
      { articleId: visible.articleId },
      { eventKey: `error_report:${row.id}` },
    );
    appendAuditEvent(tx, {
      actor: null,
      action: "error_report.sent",
      targetType: "error_report",
      targetId: row.id,
      articleId: visible.articleId,
      summary: { after: { audience: input.audience, withEmail: !!input.email, withQuote: !!input.quote, dueAt } },
    });
    return "stored";
  });
}

export type ErrorReportItem = {
  id: number;
  articleId: number;
  articleSlug: string;
  articleQuestion: string;
  revisionNumber: number | null;
  audience: "clinician" | "patient" | null;
  description: string;
  quote: string | null;
  email: string | null;
  status: "open" | "resolved";
  createdAt: string;
  dueAt: string;
  overdue: boolean;
  escalatedAt: string | null;
  resolution: string | null;
  resolvedAt: string | null;
  newRevisionId: number | null;
  /** The article's working revision is newer than its live one (an edit is in progress). */
  editInProgress: boolean;
};

const ITEM_COLUMNS = {
  id: errorReports.id,
  articleId: errorReports.articleId,
  articleSlug: articles.slug,
  articleQuestion: sql<string>`coalesce((SELECT question FROM revisions WHERE id = ${articles.workingRevisionId}), ${articles.slug})`,
  revisionNumber: sql<number | null>`(SELECT number FROM revisions WHERE id = ${errorReports.revisionId})`,
  audience: errorReports.audience,
  description: errorReports.description,
  quote: errorReports.quote,
  email: errorReports.email,
  status: errorReports.status,
  createdAt: errorReports.createdAt,
  dueAt: errorReports.dueAt,
  escalatedAt: errorReports.escalatedAt,
  resolution: errorReports.resolution,
  resolvedAt: errorReports.resolvedAt,
  newRevisionId: errorReports.newRevisionId,
  editInProgress: sql<number>`${articles.workingRevisionId} IS NOT ${articles.liveRevisionId}`,
};

const toItem =
  (nowIso: string) =>
  (r: Omit<ErrorReportItem, "overdue" | "editInProgress"> & { editInProgress: number }): ErrorReportItem => ({
    ...r,
    editInProgress: !!r.editInProgress,
    overdue: r.status === "open" && r.dueAt <= nowIso,
  });

/** Open reports, the longest-waiting (earliest target) first. */
export function listOpenErrorReports(now = new Date(), limit = 200): ErrorReportItem[] {
  return getDb()
    .select(ITEM_COLUMNS)
    .from(errorReports)
    .innerJoin(articles, eq(articles.id, errorReports.articleId))
    .where(eq(errorReports.status, "open"))
    .orderBy(asc(errorReports.dueAt), asc(errorReports.id))
    .limit(limit)
    .all()
    .map(toItem(now.toISOString()));
}

/** Open reports already past their response target (the dashboard's queue), earliest target first. */
export function listOverdueErrorReports(now = new Date(), limit = 10): { rows: ErrorReportItem[]; total: number } {
  const nowIso = now.toISOString();
  const where = and(eq(errorReports.status, "open"), lte(errorReports.dueAt, nowIso));
  const rows = getDb()
    .select(ITEM_COLUMNS)
    .from(errorReports)
    .innerJoin(articles, eq(articles.id, errorReports.articleId))
    .where(where)
    .orderBy(asc(errorReports.dueAt), asc(errorReports.id))
    .limit(limit)
    .all()
    .map(toItem(nowIso));
  const total = getDb().select({ n: count() }).from(errorReports).where(where).get()?.n ?? 0;
  return { rows, total };
}

export function listRecentlyResolvedErrorReports(limit = 10): ErrorReportItem[] {
  return getDb()
    .select(ITEM_COLUMNS)
    .from(errorReports)
    .innerJoin(articles, eq(articles.id, errorReports.articleId))
    .where(eq(errorReports.status, "resolved"))
    .orderBy(desc(errorReports.resolvedAt), desc(errorReports.id))
    .limit(limit)
    .all()
    .map(toItem(new Date().toISOString()));
}

export type ErrorReportOutcome =
  | { ok: true; articleId: number; slug: string; revisionId?: number; mailed?: boolean }
  | { ok: false; reason: "not_found" | "already_resolved" };

/**
 * Closes a report with the editor's note; a reporter who left an address is mailed the note (one
 * message per report, keyed by it).
 */
export function resolveErrorReport(actor: CurrentUser, id: number, resolution: string, now = new Date()): ErrorReportOutcome {
  return writeTransaction((tx): ErrorReportOutcome => {
    const report = tx.select().from(errorReports).where(eq(errorReports.id, id)).get();
    if (!report) return { ok: false, reason: "not_found" };
    if (report.status !== "open") return { ok: false, reason: "already_resolved" };
    const at = now.toISOString();
    tx.update(errorReports)
      .set({ status: "resolved", resolution, resolvedById: actor.id, resolvedAt: at })
      .where(and(eq(errorReports.id, id), eq(errorReports.status, "open")))
      .run();
    const article = tx.select({ slug: articles.slug }).from(articles).where(eq(articles.id, report.articleId)).get()!;
    const question = workingQuestion(tx, report.articleId, article.slug);
    let mailed = false;
    if (report.email) {
      const { subject, content } = errorReportResolvedMail({
        siteName: getSiteSettings().siteName,
        question,
        description: report.description,
        resolution,
        articleUrl: absoluteUrl(articlePath(article.slug, report.audience ?? undefined)),
      });
      mailed = queueMail(tx, {
        key: `error_report_resolved:${id}`,
        kind: "error_report_resolved",
        to: { address: report.email },
        subject,
        content,
      });
    }
    appendAuditEvent(tx, {
      actor,
      action: "error_report.resolved",
      targetType: "error_report",
      targetId: id,
      articleId: report.articleId,
      summary: { before: { status: "open" }, after: { status: "resolved", mailed, length: resolution.length } },
    });
    return { ok: true, articleId: report.articleId, slug: article.slug, mailed };
  });
}

/**
 * Starts the correction: when the article's live revision is also its working one, a new draft
 * revision with the live text (its change summary naming the report); when an edit is already in
 * progress, that working revision. The report is linked to it and stays open until resolved.
 */
export function startRevisionFromReport(actor: CurrentUser, id: number, now = new Date()): ErrorReportOutcome {
  return writeTransaction((tx): ErrorReportOutcome => {
    const report = tx.select().from(errorReports).where(eq(errorReports.id, id)).get();
    if (!report) return { ok: false, reason: "not_found" };
    if (report.status !== "open") return { ok: false, reason: "already_resolved" };
    const article = tx.select().from(articles).where(eq(articles.id, report.articleId)).get()!;
    let revisionId = article.workingRevisionId;
    let created = false;
    if (article.liveRevisionId && article.workingRevisionId === article.liveRevisionId) {
      const live = tx.select().from(revisions).where(eq(revisions.id, article.liveRevisionId)).get()!;
      const at = now.toISOString();
      const revision = insertWorkingRevision(tx, {
        articleId: article.id,
        basedOnRevisionId: live.id,
        content: { question: live.question, clinicianBody: live.clinicianBody, patientBody: live.patientBody, disclosure: live.disclosure },
        state: "draft",
        authorId: actor.id,
        now: at,
      });
      tx.update(revisions)
        .set({ changeSummary: `Correction after a reader's error report (#${id}).` })
        .where(eq(revisions.id, revision.id))
        .run();
      revisionId = revision.id;
      created = true;
    }
    if (!revisionId) return { ok: false, reason: "not_found" };
    tx.update(errorReports).set({ newRevisionId: revisionId }).where(eq(errorReports.id, id)).run();
    appendAuditEvent(tx, {
      actor,
      action: "error_report.revision_started",
      targetType: "error_report",
      targetId: id,
      articleId: article.id,
      summary: { after: { revisionId, created } },
    });
    return { ok: true, articleId: article.id, slug: article.slug, revisionId };
  });
}

/** SQL of the tick's read, for EXPLAIN in tests (keep in step with dueForEscalation). */
export const ERROR_REPORT_ESCALATION_SQL = `SELECT id FROM error_reports INDEXED BY error_reports_escalation_idx
  WHERE status = 'open' AND escalated_at IS NULL AND due_at <= ? ORDER BY due_at LIMIT ?`;

/**
 * The minute tick's part (lib/jobs/reminders.ts): every open report past its target and not yet
 * escalated tells the active editors and admins once (event key per report). A plain indexed read
 * first, so a tick with nothing due takes no write lock.
 */
export function escalateOverdueErrorReports(now = new Date(), batch = 200): number {
  const nowIso = now.toISOString();
  const ids = getDb()
    .$client.prepare(ERROR_REPORT_ESCALATION_SQL)
    .all(nowIso, batch)
    .map((r) => (r as { id: number }).id);
  if (ids.length === 0) return 0;
  return writeTransaction((tx) => {
    const editors = activeEditorIds(tx);
    let escalated = 0;
    for (const id of ids) {
      const report = tx
        .select({ id: errorReports.id, articleId: errorReports.articleId, createdAt: errorReports.createdAt, dueAt: errorReports.dueAt })
        .from(errorReports)
        .where(and(eq(errorReports.id, id), eq(errorReports.status, "open"), sql`${errorReports.escalatedAt} IS NULL`))
        .get();
      if (!report) continue;
      const question = workingQuestion(tx, report.articleId, "an article");
      notifyEach(
        tx,
        editors,
        "error_report_overdue",
        `A reader's error report on “${question}” is still open past its response target (sent ${report.createdAt.slice(0, 10)}, due ${report.dueAt.slice(0, 10)}).`,
        { articleId: report.articleId },
        { eventKey: `error_report_overdue:${id}` },
      );
      tx.update(errorReports).set({ escalatedAt: nowIso }).where(eq(errorReports.id, id)).run();
      escalated++;
    }
    return escalated;
  });
}
