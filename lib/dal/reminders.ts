import "server-only";
import type { Statement } from "better-sqlite3";
import { sql } from "drizzle-orm";
import { getDb, writeTransaction, type Tx } from "@/db";
import type { RevisionState } from "@/db/schema";
import { formatDate } from "@/lib/dates";
import { notify } from "@/lib/dal/notifications";
import { getSiteSettings } from "@/lib/dal/settings";
import {
  daysAgo,
  inDays,
  planArticleReminders,
  planAssignmentReminders,
  type ArticleReminderStage,
  type AssignmentReminderStage,
  type ReminderSettings,
} from "@/lib/reminders";

/**
 * The minute tick's work: review reminders, escalation and live articles' review-due notices.
 * Reads only the rows whose reminder time has come (a partial index, migration 0006), so a tick
 * with nothing due is two index probes and takes no write lock. See docs/ARCHITECTURE.md "Jobs".
 */

/** Rows handled per tick at most, so a backlog (a settings change, a restart after days) drains without a long write lock. */
export const REMINDER_BATCH = 500;

/** Rows written in one transaction: the write lock is released between chunks. */
export const REMINDER_CHUNK = 100;

/** A row that throws is skipped and looked at again after this long, not every minute. */
const RETRY_BAD_ROW_MS = 60 * 60_000;

const OPEN_STATES: readonly RevisionState[] = ["submitted", "under_review"];

export type ReminderTickResult = { assignments: number; articles: number; notifications: number; skipped: number };

type TickOptions = { batch?: number; log?: (line: string) => void };

const dueAssignmentIds = (nowIso: string, limit: number) =>
  getDb()
    .all<{ id: number }>(
      sql`SELECT id FROM review_assignments INDEXED BY review_assignments_reminder_idx
      WHERE reminder_at IS NOT NULL AND reminder_at <= ${nowIso} ORDER BY reminder_at LIMIT ${limit}`,
    )
    .map((r) => r.id);

const dueArticleIds = (nowIso: string, limit: number) =>
  getDb()
    .all<{ id: number }>(
      sql`SELECT id FROM articles INDEXED BY articles_review_reminder_idx
      WHERE review_reminder_at IS NOT NULL AND review_reminder_at <= ${nowIso} ORDER BY review_reminder_at LIMIT ${limit}`,
    )
    .map((r) => r.id);

/** The SQL the tick's two reads run, for the bench's EXPLAIN QUERY PLAN (keep in step with the functions above). */
export const REMINDER_SCAN_SQL = {
  assignments: `SELECT id FROM review_assignments INDEXED BY review_assignments_reminder_idx
      WHERE reminder_at IS NOT NULL AND reminder_at <= ? ORDER BY reminder_at LIMIT ?`,
  articles: `SELECT id FROM articles INDEXED BY articles_review_reminder_idx
      WHERE review_reminder_at IS NOT NULL AND review_reminder_at <= ? ORDER BY review_reminder_at LIMIT ?`,
};

/**
 * Runs one tick at `now`: every assignment and article whose reminder time has come, each in its
 * own savepoint, so a bad row is rolled back, logged and postponed while the others go ahead.
 * Rows are written REMINDER_CHUNK to a transaction, so a busy tick lets other writers in between.
 */
export function runReminderTick(now: Date = new Date(), options: TickOptions = {}): ReminderTickResult {
  const batch = options.batch ?? REMINDER_BATCH;
  const nowIso = now.toISOString();
  const result: ReminderTickResult = { assignments: 0, articles: 0, notifications: 0, skipped: 0 };
  // Plain reads first: the write lock is taken only when something is due.
  const assignmentIds = dueAssignmentIds(nowIso, batch);
  const articleIds = dueArticleIds(nowIso, batch);
  if (assignmentIds.length === 0 && articleIds.length === 0) return result;
  const settings = getSiteSettings();
  const postpone = new Date(now.getTime() + RETRY_BAD_ROW_MS).toISOString();
  const work = [
    ...assignmentIds.map((id) => ({ id, table: "review_assignments" as const })),
    ...articleIds.map((id) => ({ id, table: "articles" as const })),
  ];
  let admins: number[] | null = null;
  for (let start = 0; start < work.length; start += REMINDER_CHUNK) {
    writeTransaction((tx) => {
      admins ??= activeAdmins(tx);
      for (const { id, table } of work.slice(start, start + REMINDER_CHUNK)) {
        try {
          if (table === "review_assignments") {
            result.notifications += writeTransaction((row) => remindAssignment(row, id, now, settings, admins!));
            result.assignments++;
          } else {
            result.notifications += writeTransaction((row) => remindArticleEditors(row, id, now, settings.timeZone));
            result.articles++;
          }
        } catch (error) {
          result.skipped++;
          options.log?.(`${table === "articles" ? "article" : "review assignment"} ${id} skipped: ${errorText(error)}`);
          const column = table === "articles" ? "review_reminder_at" : "reminder_at";
          statement(`UPDATE ${table} SET ${column} = ? WHERE id = ?`).run(postpone, id);
        }
      }
    });
  }
  return result;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

// The per-row statements, prepared once per connection: a busy tick (a day's first, a backlog)
// runs them for hundreds of rows, and preparing costs more than running.
const statements = new WeakMap<object, Map<string, Statement>>();
function statement(text: string): Statement {
  const client = getDb().$client;
  let cache = statements.get(client);
  if (!cache) statements.set(client, (cache = new Map<string, Statement>()));
  let prepared = cache.get(text);
  if (!prepared) cache.set(text, (prepared = client.prepare(text)));
  return prepared;
}

const activeAdmins = (tx: Tx): number[] =>
  tx.all<{ id: number }>(sql`SELECT id FROM users WHERE role = 'admin' AND active = 1 ORDER BY id`).map((r) => r.id);

const activeUsers = (tx: Tx, ids: (number | null)[]): number[] => {
  const wanted = [...new Set(ids.filter((id): id is number => id != null))];
  if (wanted.length === 0) return [];
  return tx.all<{ id: number }>(sql`SELECT id FROM users WHERE id IN ${wanted} AND active = 1`).map((r) => r.id);
};

type AssignmentRow = {
  id: number;
  revisionId: number;
  reviewerId: number;
  assignedById: number | null;
  dueAt: string | null;
  removedAt: string | null;
  reminderDueAt: string | null;
  reminderStage: AssignmentReminderStage | null;
  remindedOn: string | null;
  articleId: number;
  state: RevisionState;
  question: string;
  signed: number;
  reviewerName: string;
  reviewerActive: number;
};

const ASSIGNMENT_ROW = `SELECT ra.id, ra.revision_id AS revisionId, ra.reviewer_id AS reviewerId,
    ra.assigned_by_id AS assignedById, ra.due_at AS dueAt, ra.removed_at AS removedAt, ra.reminder_due_at AS reminderDueAt,
    ra.reminder_stage AS reminderStage, ra.reminded_on AS remindedOn, r.article_id AS articleId, r.state AS state,
    r.question AS question, u.name AS reviewerName, u.active AS reviewerActive,
    EXISTS (SELECT 1 FROM sign_offs s INDEXED BY sign_offs_revision_idx
      WHERE s.revision_id = r.id AND s.content_hash = r.content_hash AND s.reviewer_id = ra.reviewer_id) AS signed
  FROM review_assignments ra JOIN revisions r ON r.id = ra.revision_id JOIN users u ON u.id = ra.reviewer_id
  WHERE ra.id = @id AND ra.reminder_at IS NOT NULL AND ra.reminder_at <= @now`;

/**
 * One assignment: "open" means not removed, the revision submitted or under review, and no
 * sign-off by this reviewer on the revision's current text (any decision: a reviewer who asked for
 * changes on this text has answered). Returns how many notifications it wrote.
 */
function remindAssignment(tx: Tx, id: number, now: Date, settings: ReminderSettings, admins: number[]): number {
  const row = statement(ASSIGNMENT_ROW).get({ id, now: now.toISOString() }) as AssignmentRow | undefined;
  if (!row) return 0; // deleted, or another tick got to it first
  const open = !row.removedAt && OPEN_STATES.includes(row.state) && !row.signed;
  const plan = planAssignmentReminders({
    assignmentId: row.id,
    open,
    dueAt: row.dueAt,
    state: { dueAt: row.reminderDueAt, stage: row.reminderStage, remindedOn: row.remindedOn },
    now,
    settings,
  });
  let sent = 0;
  const target = { articleId: row.articleId, revisionId: row.revisionId };
  const due = formatDate(row.dueAt);
  for (const reminder of plan.send) {
    if (reminder.kind === "review_escalated") {
      const message = `${row.reviewerName}’s review of “${row.question}” is ${reminder.daysOverdue} days overdue (it was due ${due}).`;
      // The overdue reviewer is the subject, not a recipient: an admin who is the late reviewer is told by the daily reminder.
      for (const userId of activeUsers(tx, [...admins, row.assignedById])) {
        if (userId === row.reviewerId) continue;
        notify(tx, userId, "review_escalated", message, target, { actorId: row.reviewerId, eventKey: reminder.eventKey });
        sent++;
      }
      continue;
    }
    if (!row.reviewerActive) continue;
    const message =
      reminder.kind === "review_due_soon"
        ? `Your review of “${row.question}” is due ${inDays(reminder.daysLeft)} (${due}).`
        : `Your review of “${row.question}” is overdue: it was due ${due}${reminder.daysOverdue > 0 ? ` (${daysAgo(reminder.daysOverdue)})` : ""}.`;
    notify(tx, row.reviewerId, reminder.kind, message, target, { eventKey: reminder.eventKey });
    sent++;
  }
  statement(`UPDATE review_assignments SET reminder_at = ?, reminder_due_at = ?, reminder_stage = ?, reminded_on = ? WHERE id = ?`).run(
    plan.wakeAt?.toISOString() ?? null,
    plan.state.dueAt,
    plan.state.stage,
    plan.state.remindedOn,
    row.id,
  );
  return sent;
}

type ArticleRow = {
  id: number;
  liveRevisionId: number | null;
  reviewDueAt: string | null;
  reminderDueAt: string | null;
  reminderStage: ArticleReminderStage | null;
  question: string | null;
  liveAuthorId: number | null;
  workingAuthorId: number | null;
  createdById: number | null;
};

const ARTICLE_ROW = `SELECT a.id, a.live_revision_id AS liveRevisionId, a.review_due_at AS reviewDueAt,
    a.review_reminder_due_at AS reminderDueAt, a.review_reminder_stage AS reminderStage, a.created_by_id AS createdById,
    lr.question AS question, lr.author_id AS liveAuthorId, wr.author_id AS workingAuthorId
  FROM articles a LEFT JOIN revisions lr ON lr.id = a.live_revision_id LEFT JOIN revisions wr ON wr.id = a.working_revision_id
  WHERE a.id = @id AND a.review_reminder_at IS NOT NULL AND a.review_reminder_at <= @now`;

/**
 * One live article's review-due notice, to its editors: the live revision's author, the author of
 * a newer working revision, and the article's creator (the people the workflow treats as its
 * authors), active ones only, each once.
 */
function remindArticleEditors(tx: Tx, id: number, now: Date, timeZone: string): number {
  const row = statement(ARTICLE_ROW).get({ id, now: now.toISOString() }) as ArticleRow | undefined;
  if (!row) return 0;
  const plan = planArticleReminders({
    articleId: row.id,
    live: row.liveRevisionId != null,
    reviewDueAt: row.reviewDueAt,
    state: { dueAt: row.reminderDueAt, stage: row.reminderStage },
    now,
    timeZone,
  });
  let sent = 0;
  const due = formatDate(row.reviewDueAt);
  for (const reminder of plan.send) {
    const message =
      reminder.kind === "article_review_due_soon"
        ? `“${row.question}” is due for its periodic review ${inDays(reminder.daysLeft)} (${due}).`
        : `“${row.question}” is overdue for its periodic review (it was due ${due}).`;
    for (const userId of activeUsers(tx, [row.liveAuthorId, row.workingAuthorId, row.createdById])) {
      notify(tx, userId, reminder.kind, message, { articleId: row.id, revisionId: row.liveRevisionId }, { eventKey: reminder.eventKey });
      sent++;
    }
  }
  statement(`UPDATE articles SET review_reminder_at = ?, review_reminder_due_at = ?, review_reminder_stage = ? WHERE id = ?`).run(
    plan.wakeAt?.toISOString() ?? null,
    plan.state.dueAt,
    plan.state.stage,
    row.id,
  );
  return sent;
}
