import "server-only";
import { randomUUID } from "node:crypto";
import os from "node:os";
import { writeTransaction, type Tx } from "@/db";
import { claimJob, completeJob, enqueueJob, failJob, hasPendingJob, releaseLeasesOfDeadWorkers } from "@/lib/dal/jobs";
import { PermanentJobError, type RegisteredJob } from "@/lib/jobs/definition";
import { nextOccurrence } from "@/lib/jobs/schedule";

/**
 * Runs queued jobs one at a time in this process. Any number of processes (each `next start`,
 * `npm run worker`) may run a runner on the same database: claims are leased, so each job runs
 * in one place at a time. A handler that throws never stops the runner; see docs/ARCHITECTURE.md.
 */

export type RunnerOptions = {
  definitions: readonly RegisteredJob[];
  workerId?: string;
  /** How long a claimed job is reserved for its worker before another may take it over. */
  leaseMs?: number;
  /** Wait between polls when nothing is due. */
  pollMs?: number;
  now?: () => Date;
  log?: (line: string) => void;
};

export const workerIdentity = () => `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/** Whether a process on this host still exists (signal 0 checks without signalling). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

const DEFAULT_LEASE_MS = 5 * 60_000;

/** Key of one occurrence of a recurring task: unique, so two processes enqueue it once. */
export const occurrenceKey = (kind: string, at: Date) => `${kind}@${at.toISOString()}`;

function enqueueNextOccurrence(tx: Tx, definition: RegisteredJob, after: Date): void {
  if (!definition.recurring) return;
  const { pattern, timeZone } = definition.recurring();
  const at = nextOccurrence(pattern, timeZone, after);
  enqueueJob(tx, { kind: definition.kind, key: occurrenceKey(definition.kind, at), runAt: at, maxAttempts: definition.maxAttempts });
}

/**
 * Makes sure every recurring task has its next occurrence queued (at start-up). Checked and written
 * in one immediate transaction, so runners starting together queue one chain, not several.
 */
export function ensureRecurringJobs(definitions: readonly RegisteredJob[], now: Date = new Date()): void {
  writeTransaction((tx) => {
    for (const definition of definitions) {
      if (definition.recurring && !hasPendingJob(tx, definition.kind)) enqueueNextOccurrence(tx, definition, now);
    }
  });
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 2000);

/** Claims and runs one due job; false when nothing was due. */
export async function runNextJob(options: RunnerOptions & { workerId: string }): Promise<boolean> {
  const now = options.now ?? (() => new Date());
  const job = claimJob(options.workerId, now(), options.leaseMs ?? DEFAULT_LEASE_MS);
  if (!job) return false;
  const definition = options.definitions.find((d) => d.kind === job.kind);
  const finish = (outcome: "done" | { error: string; permanent: boolean }) => {
    if (outcome === "done") {
      completeJob(job.id, options.workerId, now(), (tx) => definition && enqueueNextOccurrence(tx, definition, now()));
      return;
    }
    const result = failJob(job.id, options.workerId, outcome.error, { permanent: outcome.permanent, now: now() });
    options.log?.(`job ${job.id} (${job.kind}) attempt ${job.attempts}: ${outcome.error} → ${result}`);
    // A recurring task that gave up still has a next occurrence: one bad day must not end the chain.
    if (result === "failed" && definition?.recurring) writeTransaction((tx) => enqueueNextOccurrence(tx, definition, now()));
  };
  if (!definition) {
    finish({ error: `No handler for job kind "${job.kind}"`, permanent: true });
    return true;
  }
  const payload = definition.payload.safeParse(job.payload);
  if (!payload.success) {
    finish({ error: `The job's payload no longer matches: ${payload.error.issues.map((i) => i.message).join("; ")}`, permanent: true });
    return true;
  }
  try {
    await definition.run(payload.data, { jobId: job.id, attempt: job.attempts, key: job.idempotencyKey, now: now() });
    finish("done");
  } catch (error) {
    finish({ error: errorText(error), permanent: error instanceof PermanentJobError });
  }
  return true;
}

export type RunningRunner = { workerId: string; stop: () => Promise<void> };

/** Starts polling; stop() lets the job in hand finish, then ends the loop. */
export function startJobRunner(options: RunnerOptions): RunningRunner {
  const workerId = options.workerId ?? workerIdentity();
  const pollMs = options.pollMs ?? 1000;
  let stopping = false;
  let wake: (() => void) | null = null;
  const startedAt = (options.now ?? (() => new Date()))();
  // A server killed mid-job (SIGKILL, power loss) left its job leased: on this host we can tell
  // that process is gone and run the job again now rather than after the lease.
  const released = releaseLeasesOfDeadWorkers(os.hostname(), processAlive, startedAt);
  if (released > 0) options.log?.(`took over ${released} job(s) left running by a process that is gone`);
  ensureRecurringJobs(options.definitions, startedAt);
  const loop = (async () => {
    while (!stopping) {
      let ran = false;
      try {
        ran = await runNextJob({ ...options, workerId });
      } catch (error) {
        // The queue itself failed (disk full, database locked past the busy timeout): log and poll again.
        options.log?.(`job runner ${workerId}: ${errorText(error)}`);
      }
      if (!ran && !stopping) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, pollMs).unref();
        });
        wake = null;
      }
    }
  })();
  return {
    workerId,
    stop: async () => {
      stopping = true;
      wake?.();
      await loop;
    },
  };
}
