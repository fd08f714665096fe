import "server-only";
import { z } from "zod";
import { DIGEST_JOB, digestSchedule, sendDigests } from "@/lib/dal/notification-digest";
import { defineJob } from "@/lib/jobs/definition";

/**
 * The daily digest, a recurring job at `digestHour` in the site's `timeZone` (both read when the
 * next occurrence is queued). Idempotent: each user's message is keyed per user and local date,
 * and the items it lists are unmarked in the same transaction, so a re-run sends nothing twice.
 */
export const notificationDigestJob = defineJob({
  kind: DIGEST_JOB,
  payload: z.object({}),
  recurring: digestSchedule,
  run: (_payload, context) => {
    sendDigests(context.now);
  },
});
