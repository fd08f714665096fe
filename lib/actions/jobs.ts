"use server";

import { defineAction } from "@/lib/actions/define-action";
import { cancelJob, retryJob } from "@/lib/dal/jobs-admin";
import { canManageJobs } from "@/lib/permissions";
import { jobActionSchema } from "@/lib/validations/jobs";

// No refresh: /admin/jobs is dynamic, and refreshing it now would take the row (and its message)
// out of a filtered view under the admin's eyes; the buttons show the outcome instead.
export const retryJobAction = defineAction({
  schema: jobActionSchema,
  can: canManageJobs,
  forbidden: "retry background jobs",
  run: ({ user, input }) => retryJob(user, input.jobId),
  message: (out) => `Queued again: the ${out.kind} job runs within a few seconds.`,
});

export const cancelJobAction = defineAction({
  schema: jobActionSchema,
  can: canManageJobs,
  forbidden: "cancel background jobs",
  run: ({ user, input }) => cancelJob(user, input.jobId),
  message: (out) => `Cancelled: the ${out.kind} job will not run.`,
});
