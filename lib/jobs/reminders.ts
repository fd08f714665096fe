import "server-only";
import { z } from "zod";
import { escalateOverdueErrorReports } from "@/lib/dal/error-reports";
import { runReminderTick } from "@/lib/dal/reminders";
import { defineJob } from "@/lib/jobs/definition";

export const REMINDER_TICK_JOB = "reminders.tick";

/**
 * Every minute: review reminders, escalation and live articles' review-due notices
 * (lib/dal/reminders.ts), and readers' error reports past their response target (lib/dal/error-reports.ts). One attempt: a tick that fails is not retried (the next one, a minute
 * later, does the same work), and a failed occurrence still queues the next, so the chain never
 * waits on a backoff. A bad row is skipped inside the tick and never fails it.
 */
export const reminderTickJob = defineJob({
  kind: REMINDER_TICK_JOB,
  payload: z.object({}),
  maxAttempts: 1,
  recurring: () => ({ pattern: "* * * * *", timeZone: "UTC" }),
  run: (_payload, context) => {
    runReminderTick(context.now, { log: (line) => console.error(`[reminders] ${line}`) });
    escalateOverdueErrorReports(context.now);
  },
});
