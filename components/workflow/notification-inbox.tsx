import Link from "next/link";
import type { NotificationItem } from "@/lib/dal/notifications";
import { formatDateTime } from "@/lib/dates";
import { MarkNotificationsRead } from "./mark-notifications-read";

const KIND_LABEL: Record<NotificationItem["kind"], string> = {
  assigned: "Assigned to you",
  changes_requested: "Changes requested",
  approved: "Approved",
  sign_off_again: "Needs your sign-off again",
  assignment_removed: "Removed from a review",
  question: "Reader question",
};

/** Reviewers go to the review page; authors to the article; a removed reviewer has nowhere to go. */
function href(n: NotificationItem): string | null {
  if (!n.articleId) return null;
  if (n.kind === "assigned" || n.kind === "sign_off_again") return `/editor/articles/${n.articleId}/review`;
  if (n.kind === "changes_requested" || n.kind === "approved") return `/editor/articles/${n.articleId}`;
  return null;
}

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
          {items.map((n) => (
            <li key={n.id} data-kind={n.kind} data-unread={n.read ? "no" : "yes"} className="px-4 py-2.5 text-sm">
              <p className="flex flex-wrap items-baseline gap-x-2">
                <span
                  className={
                    n.read ? "text-xs uppercase tracking-wide text-muted" : "text-xs font-semibold uppercase tracking-wide text-brand-800"
                  }
                >
                  {KIND_LABEL[n.kind]}
                  {!n.read && <span className="sr-only-text"> (unread)</span>}
                </span>
                <time dateTime={n.createdAt} className="text-xs text-muted">
                  {formatDateTime(n.createdAt)}
                </time>
              </p>
              {href(n) ? (
                <Link href={href(n)!} className={n.read ? "" : "font-medium"}>
                  {n.message}
                </Link>
              ) : (
                <span>{n.message}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
