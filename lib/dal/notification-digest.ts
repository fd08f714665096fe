import "server-only";
import { and, eq, inArray, ne } from "drizzle-orm";
import { getDb, writeTransaction, type Tx } from "@/db";
import { jobs, notificationPreferences, notifications, users } from "@/db/schema";
import { enqueueJob } from "@/lib/dal/jobs";
import { queueMail } from "@/lib/dal/mail";
import { PREFERENCES_PATH } from "@/lib/dal/notifications";
import { getSetting, getTimeZone } from "@/lib/dal/settings";
import { occurrenceKey } from "@/lib/jobs/runner";
import { nextOccurrence } from "@/lib/jobs/schedule";
import { digestMail, groupDigest } from "@/lib/notifications/mail-content";
import { effectiveDelivery, notificationHref, type NotificationDelivery, type NotificationKind } from "@/lib/notification-kinds";
import { absoluteUrl } from "@/lib/reader/site-url";
import { localDate } from "@/lib/time-zone";

/**
 * The daily digest: every notification whose recipient takes its kind as "Daily digest" is marked
 * digest_pending by notify(); once a day, at `digestHour` in the site's `timeZone`, each recipient
 * gets one message listing them by kind, and they are unmarked in the same transaction. See
 * docs/ARCHITECTURE.md "Jobs" (Notifications).
 */
export const DIGEST_JOB = "notifications.digest";

/** When the digest runs, read from the settings each time a next occurrence is queued. */
export function digestSchedule(): { pattern: string; timeZone: string } {
  return { pattern: `0 ${getSetting("digestHour")} * * *`, timeZone: getTimeZone() };
}

/**
 * After digestHour or timeZone changes: the occurrence already queued for the old hour is
 * cancelled and the next one at the new hour queued (or a cancelled one at that time revived), in
 * the settings' own transaction.
 */
export function rescheduleDigest(now: Date = new Date()): void {
  writeTransaction((tx) => {
    const { pattern, timeZone } = digestSchedule();
    const at = nextOccurrence(pattern, timeZone, now);
    const key = occurrenceKey(DIGEST_JOB, at);
    const stamp = now.toISOString();
    tx.update(jobs)
      .set({ status: "cancelled", updatedAt: stamp, doneAt: stamp })
      .where(and(eq(jobs.kind, DIGEST_JOB), eq(jobs.status, "queued"), ne(jobs.idempotencyKey, key)))
      .run();
    if (!enqueueJob(tx, { kind: DIGEST_JOB, key, runAt: at })) {
      tx.update(jobs)
        .set({ status: "queued", attempts: 0, doneAt: null, lastError: null, updatedAt: stamp })
        .where(and(eq(jobs.idempotencyKey, key), eq(jobs.status, "cancelled")))
        .run();
    }
  });
}

function chosenDeliveries(tx: Tx, userId: number): Map<NotificationKind, NotificationDelivery> {
  return new Map(
    tx
      .select({ kind: notificationPreferences.kind, delivery: notificationPreferences.delivery })
      .from(notificationPreferences)
      .where(eq(notificationPreferences.userId, userId))
      .all()
      .map((r) => [r.kind, r.delivery]),
  );
}

/**
 * One user's digest for a date, in one transaction: the message is queued (keyed per user and
 * date) and the items unmarked together. If that date's digest was already sent (the schedule
 * moved to a later hour the same day), the items stay marked for the next one.
 */
function sendDigestTo(userId: number, date: string): boolean {
  return writeTransaction((tx) => {
    const pending = tx
      .select({
        id: notifications.id,
        kind: notifications.kind,
        message: notifications.message,
        articleId: notifications.articleId,
        createdAt: notifications.createdAt,
      })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.digestPending, true)))
      .all();
    if (pending.length === 0) return false;
    const unmark = () =>
      tx
        .update(notifications)
        .set({ digestPending: false })
        .where(
          inArray(
            notifications.id,
            pending.map((p) => p.id),
          ),
        )
        .run();
    const user = tx.select({ email: users.email, name: users.name, active: users.active }).from(users).where(eq(users.id, userId)).get();
    const chosen = chosenDeliveries(tx, userId);
    // A kind turned off since the item was marked is left out (it stays in the inbox).
    const items = pending.filter((p) => effectiveDelivery(p.kind, chosen.get(p.kind)) !== "off");
    if (!user?.active || !user.email.trim() || items.length === 0) {
      unmark();
      return false;
    }
    const groups = groupDigest(
      items.map((p) => {
        const href = notificationHref(p.kind, p.articleId);
        return { id: p.id, kind: p.kind, message: p.message, createdAt: p.createdAt, url: href ? absoluteUrl(href) : null };
      }),
    );
    const { subject, content } = digestMail({ recipientName: user.name, groups, date, preferencesUrl: absoluteUrl(PREFERENCES_PATH) });
    const queued = queueMail(tx, {
      key: `digest:${userId}:${date}`,
      kind: "digest",
      to: { address: user.email, userId },
      subject,
      content,
    });
    if (queued) unmark();
    return queued;
  });
}

/** Sends every waiting digest for the site-local date of `now`; returns how many were queued. */
export function sendDigests(now: Date): number {
  const date = localDate(now, getTimeZone());
  const recipients = getDb()
    .selectDistinct({ userId: notifications.userId })
    .from(notifications)
    .where(eq(notifications.digestPending, true))
    .all();
  let sent = 0;
  for (const { userId } of recipients) if (sendDigestTo(userId, date)) sent += 1;
  return sent;
}
