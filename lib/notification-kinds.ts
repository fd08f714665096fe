import type { NOTIFICATION_KINDS } from "@/db/schema";

/**
 * What each kind of notification is called and where it leads, declared once for the inbox, the
 * emails and the preferences page. Pure.
 */
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Where a notification about an article takes its reader: the review page or the article's overview. */
export type NotificationDestination = "review" | "article" | "none";

export const NOTIFICATION_KIND_INFO: Record<NotificationKind, { label: string; destination: NotificationDestination }> = {
  assigned: { label: "Assigned to you", destination: "review" },
  changes_requested: { label: "Changes requested", destination: "article" },
  approved: { label: "Approved", destination: "article" },
  sign_off_again: { label: "Needs your sign-off again", destination: "review" },
  assignment_removed: { label: "Removed from a review", destination: "none" },
  question: { label: "Reader question", destination: "none" },
  review_due_soon: { label: "Review due soon", destination: "review" },
  review_overdue: { label: "Review overdue", destination: "review" },
  review_escalated: { label: "Overdue review escalated", destination: "article" },
  article_review_due_soon: { label: "Article due for re-review", destination: "article" },
  article_review_overdue: { label: "Article re-review overdue", destination: "article" },
  review_comment: { label: "Review comment", destination: "article" },
  published: { label: "Published", destination: "article" },
  reference_retracted: { label: "Cited reference retracted", destination: "article" },
  error_report: { label: "Reader error report", destination: "none" },
  security: { label: "Account security", destination: "none" },
};

/** The staff page a notification about an article links to, or null. */
export function notificationHref(kind: NotificationKind, articleId: number | null): string | null {
  if (!articleId) return null;
  const destination = NOTIFICATION_KIND_INFO[kind].destination;
  if (destination === "review") return `/editor/articles/${articleId}/review`;
  if (destination === "article") return `/editor/articles/${articleId}`;
  return null;
}
