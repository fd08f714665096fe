import "server-only";
import { and, count, desc, eq, inArray, isNull } from "drizzle-orm";
import { getDb, writeTransaction, type Tx } from "@/db";
import { articles, notificationPreferences, notifications, reviewAssignments, revisions, users } from "@/db/schema";
import { authSecret } from "@/lib/auth-secret";
import { appendAuditEvent } from "@/lib/dal/audit";
import { queueMail } from "@/lib/dal/mail";
import type { CurrentUser } from "@/lib/dal/session";
import { eventMail } from "@/lib/notifications/mail-content";
import { signUnsubscribeToken } from "@/lib/notifications/unsubscribe-token";
import {
  effectiveDelivery,
  NOTIFICATION_KIND_INFO,
  notificationHref,
  notificationKindsFor,
  type NotificationDelivery,
  type NotificationKind,
} from "@/lib/notification-kinds";
import { absoluteUrl } from "@/lib/reader/site-url";

export type { NotificationKind };

export type NotificationItem = {
  id: number;
  kind: NotificationKind;
  articleId: number | null;
  message: string;
  read: boolean;
  createdAt: string;
};

export type NotifyOptions = {
  /** Who caused the event: nobody is told about their own action. */
  actorId?: number | null;
  /**
   * One key per event (not per recipient), e.g. `assigned:<assignmentId>` or
   * `review_overdue:<assignmentId>:<local date>`: the recipient's mail for it is keyed
   * `<eventKey>:<userId>`, so the same event never mails the same person twice, and a second
   * notify for the same event and recipient adds no second inbox row either.
   */
  eventKey?: string;
};

export const PREFERENCES_PATH = "/account/notifications";

/** The one-click unsubscribe link for a user and kind (app/unsubscribe/route.ts). */
export function unsubscribeUrl(userId: number, kind: NotificationKind): string {
  return absoluteUrl(`/unsubscribe?token=${signUnsubscribeToken(authSecret(), userId, kind)}`);
}

function chosenDelivery(tx: Tx, userId: number, kind: NotificationKind): NotificationDelivery | null {
  return (
    tx
      .select({ delivery: notificationPreferences.delivery })
      .from(notificationPreferences)
      .where(and(eq(notificationPreferences.userId, userId), eq(notificationPreferences.kind, kind)))
      .get()?.delivery ?? null
  );
}

/** The question the mail names: the notified revision's, else the article's working revision's. */
function questionOf(tx: Tx, target: { articleId?: number | null; revisionId?: number | null }): string | null {
  if (target.revisionId) {
    return tx.select({ q: revisions.question }).from(revisions).where(eq(revisions.id, target.revisionId)).get()?.q ?? null;
  }
  if (target.articleId) {
    return (
      tx
        .select({ q: revisions.question })
        .from(articles)
        .innerJoin(revisions, eq(revisions.id, articles.workingRevisionId))
        .where(eq(articles.id, target.articleId))
        .get()?.q ?? null
    );
  }
  return null;
}

/**
 * The email side of a notification, in the notifying transaction: per the recipient's choice for
 * the kind, one message now (keyed per event and recipient), a mark for tonight's digest, or
 * nothing. Inactive users get no mail.
 */
function deliverByEmail(
  tx: Tx,
  notification: { id: number; userId: number; kind: NotificationKind; message: string; eventKey: string | null },
  target: { articleId?: number | null; revisionId?: number | null },
): void {
  const { id, userId, kind } = notification;
  const recipient = tx.select({ email: users.email, name: users.name, active: users.active }).from(users).where(eq(users.id, userId)).get();
  if (!recipient?.active || !recipient.email.trim()) return;
  const delivery = effectiveDelivery(kind, chosenDelivery(tx, userId, kind));
  if (delivery === "off") return;
  if (delivery === "digest") {
    tx.update(notifications).set({ digestPending: true }).where(eq(notifications.id, id)).run();
    return;
  }
  const dueAt = target.revisionId
    ? (tx
        .select({ dueAt: reviewAssignments.dueAt })
        .from(reviewAssignments)
        .where(and(eq(reviewAssignments.revisionId, target.revisionId), eq(reviewAssignments.reviewerId, userId)))
        .get()?.dueAt ?? null)
    : null;
  const href = notificationHref(kind, target.articleId ?? null);
  const { subject, content } = eventMail({
    kind,
    recipientName: recipient.name,
    message: notification.message,
    question: questionOf(tx, target),
    dueAt,
    link: href ? absoluteUrl(href) : null,
    preferencesUrl: absoluteUrl(PREFERENCES_PATH),
    unsubscribeUrl: NOTIFICATION_KIND_INFO[kind].canTurnOff ? unsubscribeUrl(userId, kind) : null,
  });
  queueMail(tx, {
    key: `${notification.eventKey ?? `notification:${id}`}:${userId}`,
    kind,
    to: { address: recipient.email, userId },
    subject,
    content,
  });
}

/**
 * Tells one user of an event: an inbox row and, by their preference for the kind, an email now
 * or in the daily digest. Call inside the write transaction of the change it announces, so a
 * rolled-back change tells nobody. The actor is never told of their own action.
 */
export function notify(
  tx: Tx,
  userId: number,
  kind: NotificationKind,
  message: string,
  target: { articleId?: number | null; revisionId?: number | null } = {},
  options: NotifyOptions = {},
): void {
  if (options.actorId != null && options.actorId === userId) return;
  const eventKey = options.eventKey ?? null;
  const row = tx
    .insert(notifications)
    .values({ userId, kind, message, articleId: target.articleId ?? null, revisionId: target.revisionId ?? null, eventKey })
    .onConflictDoNothing()
    .returning({ id: notifications.id })
    .get();
  // Already told of this event (a re-run job): no second row, no second mail.
  if (!row) return;
  deliverByEmail(tx, { id: row.id, userId, kind, message, eventKey }, target);
}

/** Tells each user once (a list may name someone twice, e.g. author and assigning editor). */
export function notifyEach(
  tx: Tx,
  userIds: Iterable<number>,
  kind: NotificationKind,
  message: string,
  target: { articleId?: number | null; revisionId?: number | null },
  options: NotifyOptions,
): void {
  for (const userId of new Set(userIds)) notify(tx, userId, kind, message, target, options);
}

export type NotificationSetting = {
  kind: NotificationKind;
  label: string;
  description: string;
  canTurnOff: boolean;
  delivery: NotificationDelivery;
};

/** The kinds that concern the user's role, each with the delivery that applies now. */
export function notificationSettings(user: CurrentUser): NotificationSetting[] {
  const chosen = new Map(
    getDb()
      .select({ kind: notificationPreferences.kind, delivery: notificationPreferences.delivery })
      .from(notificationPreferences)
      .where(eq(notificationPreferences.userId, user.id))
      .all()
      .map((r) => [r.kind, r.delivery]),
  );
  return notificationKindsFor(user.role).map((kind) => {
    const { label, description, canTurnOff } = NOTIFICATION_KIND_INFO[kind];
    return { kind, label, description, canTurnOff, delivery: effectiveDelivery(kind, chosen.get(kind)) };
  });
}

function storePreference(tx: Tx, userId: number, kind: NotificationKind, delivery: NotificationDelivery): void {
  const now = new Date().toISOString();
  tx.insert(notificationPreferences)
    .values({ userId, kind, delivery, updatedAt: now })
    .onConflictDoUpdate({ target: [notificationPreferences.userId, notificationPreferences.kind], set: { delivery, updatedAt: now } })
    .run();
}

/** Stores the user's own choices (kinds that can't be turned off are ignored), audited; returns how many changed. */
export function saveNotificationPreferences(user: CurrentUser, choices: Partial<Record<NotificationKind, NotificationDelivery>>): number {
  return writeTransaction((tx) => {
    const before: Record<string, NotificationDelivery> = {};
    const after: Record<string, NotificationDelivery> = {};
    for (const [kind, delivery] of Object.entries(choices) as [NotificationKind, NotificationDelivery][]) {
      if (!delivery || !NOTIFICATION_KIND_INFO[kind].canTurnOff) continue;
      const current = effectiveDelivery(kind, chosenDelivery(tx, user.id, kind));
      if (current === delivery) continue;
      storePreference(tx, user.id, kind, delivery);
      before[kind] = current;
      after[kind] = delivery;
    }
    const changed = Object.keys(after).length;
    if (changed > 0) {
      appendAuditEvent(tx, {
        actor: user,
        action: "notifications.preferences",
        targetType: "user",
        targetId: user.id,
        summary: { before, after },
      });
    }
    return changed;
  });
}

export type UnsubscribeOutcome = { ok: true; label: string; alreadyOff: boolean } | { ok: false };

/**
 * The one-click unsubscribe (a signed link from an email, no session): turns one kind off for the
 * user the link names, audited as that user's act.
 */
export function unsubscribeFromKind(userId: number, kind: NotificationKind): UnsubscribeOutcome {
  return writeTransaction((tx) => {
    const user = tx.select({ id: users.id, email: users.email }).from(users).where(eq(users.id, userId)).get();
    if (!user || !NOTIFICATION_KIND_INFO[kind].canTurnOff) return { ok: false };
    const current = effectiveDelivery(kind, chosenDelivery(tx, userId, kind));
    const label = NOTIFICATION_KIND_INFO[kind].label;
    if (current === "off") return { ok: true, label, alreadyOff: true };
    storePreference(tx, userId, kind, "off");
    appendAuditEvent(tx, {
      actor: user,
      action: "notifications.unsubscribe",
      targetType: "user",
      targetId: userId,
      summary: { kind, before: current, after: "off", via: "email link" },
    });
    return { ok: true, label, alreadyOff: false };
  });
}

/** What the unsubscribe page names before the click. */
export function unsubscribeSubject(userId: number, kind: NotificationKind): { label: string; delivery: NotificationDelivery } | null {
  const exists = getDb().select({ id: users.id }).from(users).where(eq(users.id, userId)).get();
  if (!exists) return null;
  const chosen = getDb()
    .select({ delivery: notificationPreferences.delivery })
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.userId, userId), eq(notificationPreferences.kind, kind)))
    .get()?.delivery;
  return { label: NOTIFICATION_KIND_INFO[kind].label, delivery: effectiveDelivery(kind, chosen) };
}

export function listNotifications(user: CurrentUser, limit = 20): NotificationItem[] {
  return getDb()
    .select({
      id: notifications.id,
      kind: notifications.kind,
      articleId: notifications.articleId,
      message: notifications.message,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .where(eq(notifications.userId, user.id))
    .orderBy(desc(notifications.id))
    .limit(limit)
    .all()
    .map(({ readAt, ...n }) => ({ ...n, read: !!readAt }));
}

export function unreadNotificationCount(user: CurrentUser): number {
  return (
    getDb()
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, user.id), isNull(notifications.readAt)))
      .get()?.n ?? 0
  );
}

/** Marks the user's own notifications read (never anyone else's: the user id comes from the session). */
export function markAllNotificationsRead(user: CurrentUser): number {
  return writeTransaction(
    (tx) =>
      tx
        .update(notifications)
        .set({ readAt: new Date().toISOString() })
        .where(and(eq(notifications.userId, user.id), isNull(notifications.readAt)))
        .run().changes,
  );
}

/**
 * Who hears about a decision on a revision: its author and each editor who assigned one of its
 * current reviewers (notify() leaves out whoever acted).
 */
export function authorAndAssigningEditors(tx: Tx, revision: { id: number; authorId: number }): number[] {
  const assigners = tx
    .selectDistinct({ id: reviewAssignments.assignedById })
    .from(reviewAssignments)
    .where(and(eq(reviewAssignments.revisionId, revision.id), isNull(reviewAssignments.removedAt)))
    .all()
    .flatMap((r) => (r.id == null ? [] : [r.id]));
  return [revision.authorId, ...assigners];
}

/** Every active editor and admin: who hears about reader questions. */
export function activeEditorIds(tx: Tx): number[] {
  return tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.active, true), inArray(users.role, ["editor", "admin"])))
    .all()
    .map((r) => r.id);
}
