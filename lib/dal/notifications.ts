import "server-only";
import { and, count, desc, eq, isNull } from "drizzle-orm";
import { getDb, writeTransaction, type Tx } from "@/db";
import { notifications } from "@/db/schema";
import type { CurrentUser } from "@/lib/dal/session";

import type { NotificationKind } from "@/lib/notification-kinds";

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
   * `<eventKey>:<userId>`, so the same event never mails the same person twice.
   */
  eventKey?: string;
};

/** Adds one in-app notification; call inside the write transaction of the change it announces. */
export function notify(
  tx: Tx,
  userId: number,
  kind: NotificationKind,
  message: string,
  target: { articleId?: number | null; revisionId?: number | null } = {},
  options: NotifyOptions = {},
): void {
  if (options.actorId != null && options.actorId === userId) return;
  tx.insert(notifications)
    .values({ userId, kind, message, articleId: target.articleId ?? null, revisionId: target.revisionId ?? null })
    .run();
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
