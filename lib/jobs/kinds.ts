import type { RegisteredJob } from "@/lib/jobs/definition";
import { publishJob, unpublishJob } from "@/lib/jobs/lifecycle";
import { mailDeliveryJob } from "@/lib/jobs/mail-delivery";
import { notificationDigestJob } from "@/lib/jobs/notification-digest";
import { reminderTickJob } from "@/lib/jobs/reminders";

/**
 * Every kind of job this build knows, for the runner of each process. A job whose kind is not
 * listed ends as failed ("No handler…") rather than waiting forever. Feature modules add their
 * definitions here (notifications, reminders, scheduled publication, citation re-checks).
 */
export const JOB_DEFINITIONS: readonly RegisteredJob[] = [
  mailDeliveryJob,
  notificationDigestJob,
  reminderTickJob,
  publishJob,
  unpublishJob,
];
