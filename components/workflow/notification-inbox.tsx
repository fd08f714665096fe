import Link from "next/link";
import type { NotificationItem } from "@/lib/dal/notifications";
import { formatDateTime } from "@/lib/dates";
import { NOTIFICATION_KIND_INFO, notificationHref } from "@/lib/notification-kinds";
import { MarkNotificationsRead } from "./mark-notifications-read";

/** The in-app inbox: newest first, unread ones marked in words as well as weight. */
export function NotificationInbox({ items, unread }: { items: NotificationItem[]; unread: number }) {
  return (
    <section aria-labelledby="inbox-heading" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="inbox-heading" className="text-lg font-semibold">
          Notifications{" "}
          {unread > 0 && <span className="ml-1 rounded-full bg-brand-700 px-2 py-0.5 text-xs text-white">{unread} unread</span>}
        </h2>
        {unread > 0 && <MarkNotificationsRead />}
      </div>
      {items.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 bg-white px-4 py-6 text-sm text-muted">
          No notifications. Assignments, review decisions and approvals appear here.
        </p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white" aria-label="Notifications">
          {items.map((n) => {
            const link = notificationHref(n.kind, n.articleId);
            return (
              <li key={n.id} data-kind={n.kind} data-unread={n.read ? "no" : "yes"} className="px-4 py-2.5 text-sm">
                <p className="flex flex-wrap items-baseline gap-x-2">
                  <span
                    className={
                      n.read ? "text-xs uppercase tracking-wide text-muted" : "text-xs font-semibold uppercase tracking-wide text-brand-800"
                    }
                  >
                    {NOTIFICATION_KIND_INFO[n.kind].label}
                    {!n.read && <span className="sr-only-text"> (unread)</span>}
                  </span>
                  <time dateTime={n.createdAt} className="text-xs text-muted">
                    {formatDateTime(n.createdAt)}
                  </time>
                </p>
                {link ? (
                  <Link href={link} className={n.read ? "" : "font-medium"}>
                    {n.message}
                  </Link>
                ) : (
                  <span>{n.message}</span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
