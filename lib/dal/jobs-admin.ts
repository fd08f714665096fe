import "server-only";
import { and, count, desc, eq, inArray } from "drizzle-orm";
import { getDb, writeTransaction, type Tx } from "@/db";
import { JOB_STATUSES, jobs, mailMessages, type JobStatus, type MailStatus } from "@/db/schema";
import { ActionError } from "@/lib/action-result";
import { appendAuditEvent } from "@/lib/dal/audit";
import type { CurrentUser } from "@/lib/dal/session";
import { clampPage, pageCount, pageOffset } from "@/lib/pagination";

/** What admins see of the job queue and the outbox (/admin/jobs, /admin/mail). */

const PAGE_SIZE = 50;

export type JobListItem = {
  id: number;
  kind: string;
  status: JobStatus;
  attempts: number;
  maxAttempts: number;
  runAt: string;
  updatedAt: string;
  lastError: string | null;
  key: string;
};

export type JobList = { rows: JobListItem[]; counts: Record<JobStatus, number>; total: number; page: number; pageCount: number };

export function listJobs(filter: { status?: JobStatus; page: number }): JobList {
  const db = getDb();
  const counts = Object.fromEntries(JOB_STATUSES.map((s) => [s, 0])) as Record<JobStatus, number>;
  for (const row of db.select({ status: jobs.status, n: count() }).from(jobs).groupBy(jobs.status).all()) counts[row.status] = row.n;
  const total = filter.status ? counts[filter.status] : Object.values(counts).reduce((a, b) => a + b, 0);
  const page = clampPage(filter.page, total, PAGE_SIZE);
  const rows = db
    .select({
      id: jobs.id,
      kind: jobs.kind,
      status: jobs.status,
      attempts: jobs.attempts,
      maxAttempts: jobs.maxAttempts,
      runAt: jobs.runAt,
      updatedAt: jobs.updatedAt,
      lastError: jobs.lastError,
      key: jobs.idempotencyKey,
    })
    .from(jobs)
    .where(filter.status ? eq(jobs.status, filter.status) : undefined)
    .orderBy(desc(jobs.id))
    .limit(PAGE_SIZE)
    .offset(pageOffset(page, PAGE_SIZE))
    .all();
  return { rows, counts, total, page, pageCount: pageCount(total, PAGE_SIZE) };
}

function jobRow(tx: Tx, id: number) {
  const row = tx
    .select({ id: jobs.id, kind: jobs.kind, status: jobs.status, attempts: jobs.attempts })
    .from(jobs)
    .where(eq(jobs.id, id))
    .get();
  if (!row) throw new ActionError("not_found", "That job no longer exists.");
  return row;
}

/** A failed or cancelled job runs again now, with its attempts counted from zero. */
export function retryJob(user: CurrentUser, id: number): { kind: string } {
  return writeTransaction((tx) => {
    const job = jobRow(tx, id);
    if (job.status !== "failed" && job.status !== "cancelled") {
      throw new ActionError("conflict", `Only a failed or cancelled job can be retried; this one is ${job.status}.`);
    }
    const now = new Date().toISOString();
    tx.update(jobs)
      .set({ status: "queued", attempts: 0, runAt: now, doneAt: null, leaseUntil: null, leasedBy: null, updatedAt: now })
      .where(and(eq(jobs.id, id), inArray(jobs.status, ["failed", "cancelled"])))
      .run();
    appendAuditEvent(tx, {
      actor: user,
      action: "job.retry",
      targetType: "job",
      targetId: id,
      summary: { kind: job.kind, before: { status: job.status, attempts: job.attempts }, after: { status: "queued" } },
    });
    return { kind: job.kind };
  });
}

/** A job waiting to run (or waiting to retry) is cancelled; one running now holds a lease and can't be. */
export function cancelJob(user: CurrentUser, id: number): { kind: string } {
  return writeTransaction((tx) => {
    const job = jobRow(tx, id);
    if (job.status !== "queued") throw new ActionError("conflict", `Only a queued job can be cancelled; this one is ${job.status}.`);
    const now = new Date().toISOString();
    tx.update(jobs)
      .set({ status: "cancelled", doneAt: now, updatedAt: now })
      .where(and(eq(jobs.id, id), eq(jobs.status, "queued")))
      .run();
    appendAuditEvent(tx, {
      actor: user,
      action: "job.cancel",
      targetType: "job",
      targetId: id,
      summary: { kind: job.kind, before: { status: "queued" }, after: { status: "cancelled" } },
    });
    return { kind: job.kind };
  });
}

export type MailListItem = {
  id: number;
  kind: string;
  to: string;
  subject: string;
  status: MailStatus;
  createdAt: string;
  sentAt: string | null;
  lastError: string | null;
};

export function listMail(page: number): { rows: MailListItem[]; total: number; page: number; pageCount: number } {
  const db = getDb();
  const total = db.select({ n: count() }).from(mailMessages).get()?.n ?? 0;
  const current = clampPage(page, total, PAGE_SIZE);
  const rows = db
    .select({
      id: mailMessages.id,
      kind: mailMessages.kind,
      to: mailMessages.toAddress,
      subject: mailMessages.subject,
      status: mailMessages.status,
      createdAt: mailMessages.createdAt,
      sentAt: mailMessages.sentAt,
      lastError: mailMessages.lastError,
    })
    .from(mailMessages)
    .orderBy(desc(mailMessages.id))
    .limit(PAGE_SIZE)
    .offset(pageOffset(current, PAGE_SIZE))
    .all();
  return { rows, total, page: current, pageCount: pageCount(total, PAGE_SIZE) };
}

export type MailDetail = MailListItem & { text: string; html: string; messageId: string };

export function mailDetail(id: number): MailDetail | null {
  const row = getDb().select().from(mailMessages).where(eq(mailMessages.id, id)).get();
  if (!row) return null;
  return {
    id: row.id,
    kind: row.kind,
    to: row.toAddress,
    subject: row.subject,
    status: row.status,
    createdAt: row.createdAt,
    sentAt: row.sentAt,
    lastError: row.lastError,
    text: row.textBody,
    html: row.htmlBody,
    messageId: row.messageId,
  };
}
