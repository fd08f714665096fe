import type { z } from "zod";

/**
 * A kind of job: how to read its payload and what to do. Pure types; the runner (runner.ts) owns
 * claiming, retries and recurrence. A handler must be idempotent: a job whose worker dies after
 * the work but before "done" is run again (at-least-once).
 */
export type JobContext = { jobId: number; attempt: number; key: string; now: Date };

export type JobDefinition<P = unknown> = {
  kind: string;
  payload: z.ZodType<P>;
  run: (payload: P, context: JobContext) => Promise<void> | void;
  /** Failed attempts before the job is marked failed (default 8). */
  maxAttempts?: number;
  /**
   * A recurring task: the next occurrence is enqueued when one finishes, keyed by its time, so a
   * restart neither skips an occurrence (the queued row runs late) nor doubles it (the key is unique).
   */
  recurring?: () => { pattern: string; timeZone: string };
};

/** A failure that retrying can't fix (the article was deleted, the payload is malformed). */
export class PermanentJobError extends Error {}

/** A definition with its payload type erased, as the runner holds it (the run gets what its own schema parsed). */
export type RegisteredJob = JobDefinition<unknown>;

export function defineJob<P>(definition: JobDefinition<P>): RegisteredJob {
  return { ...definition, run: (payload, context) => definition.run(payload as P, context) };
}
