import "server-only";
import { and, eq, inArray, lte, or, sql } from "drizzle-orm";
import { getDb, writeTransaction, type Tx } from "@/db";
import { jobs, type JobStatus } from "@/db/schema";
import { DEFAULT_BACKOFF, retryDelayMs, type BackoffPolicy } from "@/lib/jobs/backoff";
import { serverEnv } from "@/lib/env";

/** The retry policy: DEFAULT_BACKOFF with the first delay JOB_RETRY_BASE_MS sets. */
const configuredBackoff = (): BackoffPolicy => ({ ...DEFAULT_BACKOFF, baseMs: serverEnv().JOB_RETRY_BASE_MS });

/**
 * The job queue's storage: enqueue inside the caller's transaction, claim with a lease, finish or
 * retry. The runner (lib/jobs/runner.ts) is the only caller of claim/complete/fail; see
 * docs/ARCHITECTURE.md "Jobs" for the guarantees.
 */

export type EnqueueInput = {
  kind: string;
  payload?: Record<string, unknown>;
  /** One key per event: enqueueing the same key again does nothing. */
  key: string;
  runAt?: Date;
  maxAttempts?: number;
};

/** Adds a job in the caller's write transaction; returns false when the key was already queued. */
export function enqueueJob(tx: Tx, input: EnqueueInput): boolean {
  const inserted = tx
    .insert(jobs)
    .values({
      kind: input.kind,
      payload: JSON.stringify(input.payload ?? {}),
      idempotencyKey: input.key,
      runAt: (input.runAt ?? new Date()).toISOString(),
      maxAttempts: input.maxAttempts ?? 8,
    })
    .onConflictDoNothing({ target: jobs.idempotencyKey })
    .returning({ id: jobs.id })
    .all();
  return inserted.length > 0;
}

export type ClaimedJob = { id: number; kind: string; payload: unknown; attempts: number; maxAttempts: number; idempotencyKey: string };

/**
 * Takes the next runnable job for this worker: a queued job that is due, or a running one whose
 * lease ran out (its worker died). The lease is written in the same immediate transaction as the
 * choice, so two processes can't take the same job.
 */
export function claimJob(workerId: string, now: Date, leaseMs: number): ClaimedJob | null {
  const at = now.toISOString();
  const runnable = or(and(eq(jobs.status, "queued"), lte(jobs.runAt, at)), and(eq(jobs.status, "running"), lte(jobs.leaseUntil, at)));
  // An idle poll is a plain read: the write lock is taken only when there is something to claim.
  if (!getDb().select({ id: jobs.id }).from(jobs).where(runnable).limit(1).get()) return null;
  return writeTransaction((tx) => {
    const next = tx.select({ id: jobs.id }).from(jobs).where(runnable).orderBy(jobs.runAt, jobs.id).limit(1).get();
    if (!next) return null;
    const row = tx
      .update(jobs)
      .set({
        status: "running",
        attempts: sql`${jobs.attempts} + 1`,
        leaseUntil: new Date(now.getTime() + leaseMs).toISOString(),
        leasedBy: workerId,
        updatedAt: at,
      })
      .where(eq(jobs.id, next.id))
      .returning()
      .get();
    if (!row) return null;
    return {
      id: row.id,
      kind: row.kind,
      payload: JSON.parse(row.payload) as unknown,
      attempts: row.attempts,
      maxAttempts: row.maxAttempts,
      idempotencyKey: row.idempotencyKey,
    };
  });
}

/** Marks a job done; only the worker holding the lease can (a stale worker's late finish is ignored). */
export function completeJob(id: number, workerId: string, now: Date = new Date(), followUp?: (tx: Tx) => void): boolean {
  return writeTransaction((tx) => {
    const done = tx
      .update(jobs)
      .set({ status: "done", doneAt: now.toISOString(), leaseUntil: null, lastError: null, updatedAt: now.toISOString() })
      .where(and(eq(jobs.id, id), eq(jobs.status, "running"), eq(jobs.leasedBy, workerId)))
      .returning({ id: jobs.id })
      .all();
    // Work that must exist exactly when this job is done (a recurring task's next occurrence).
    if (done.length > 0) followUp?.(tx);
    return done.length > 0;
  });
}

export type FailOutcome = "retrying" | "failed" | "lost_lease";

/**
 * Records a failed attempt: queued again after the backoff delay, or failed for good when the
 * attempts are used up or the error is permanent (the payload no longer matches anything).
 */
export function failJob(
  id: number,
  workerId: string,
  error: string,
  options: { permanent?: boolean; now?: Date; backoff?: BackoffPolicy } = {},
): FailOutcome {
  const now = options.now ?? new Date();
  return writeTransaction((tx) => {
    const row = tx
      .select({ attempts: jobs.attempts, maxAttempts: jobs.maxAttempts })
      .from(jobs)
      .where(and(eq(jobs.id, id), eq(jobs.status, "running"), eq(jobs.leasedBy, workerId)))
      .get();
    if (!row) return "lost_lease";
    const final = options.permanent || row.attempts >= row.maxAttempts;
    const at = now.toISOString();
    tx.update(jobs)
      .set(
        final
          ? { status: "failed", lastError: error, leaseUntil: null, doneAt: at, updatedAt: at }
          : {
              status: "queued",
              lastError: error,
              leaseUntil: null,
              runAt: new Date(now.getTime() + retryDelayMs(row.attempts, options.backoff ?? configuredBackoff())).toISOString(),
              updatedAt: at,
            },
      )
      .where(eq(jobs.id, id))
      .run();
    return final ? "failed" : "retrying";
  });
}

/** Whether a job of this kind is waiting or running (recurring tasks use it to avoid a second chain). */
export function hasPendingJob(tx: Tx, kind: string): boolean {
  return !!tx
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.kind, kind), inArray(jobs.status, ["queued", "running"] satisfies JobStatus[])))
    .limit(1)
    .get();
}

/**
 * Ends the leases held by workers on this host whose process is gone (killed, crashed), so their
 * jobs run again at once instead of waiting out the lease. Worker ids are `host:pid:tag`
 * (lib/jobs/runner.ts); a worker on another host is left to its lease, since its pid means nothing here.
 */
export function releaseLeasesOfDeadWorkers(host: string, isAlive: (pid: number) => boolean, now: Date = new Date()): number {
  const held = getDb()
    .select({ leasedBy: jobs.leasedBy })
    .from(jobs)
    .where(eq(jobs.status, "running"))
    .groupBy(jobs.leasedBy)
    .all()
    .map((r) => r.leasedBy)
    .filter((id): id is string => !!id);
  const dead = held.filter((id) => {
    const [workerHost, pid] = id.split(":");
    return workerHost === host && /^\d+$/.test(pid ?? "") && !isAlive(Number(pid));
  });
  if (dead.length === 0) return 0;
  return writeTransaction(
    (tx) =>
      tx
        .update(jobs)
        .set({ leaseUntil: now.toISOString(), updatedAt: now.toISOString() })
        .where(and(eq(jobs.status, "running"), inArray(jobs.leasedBy, dead)))
        .run().changes,
  );
}
