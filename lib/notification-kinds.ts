import type { NOTIFICATION_KINDS } from "@/db/schema";
import type { Role } from "@/lib/domain";

/**
 * What each kind of notification is called, where it leads, how it is delivered unless the user
 * chose otherwise and who it concerns, declared once for the inbox, the emails and the
 * preferences page. Pure.
 */
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** How a user takes one kind by email: one message per event, one daily digest, or none (the inbox keeps it). */
export const NOTIFICATION_DELIVERIES = ["immediate", "digest", "off"] as const;
export type NotificationDelivery = (typeof NOTIFICATION_DELIVERIES)[number];

export const DELIVERY_LABELS: Record<NotificationDelivery, string> = {
  immediate: "Immediately",
  digest: "Daily digest",
  off: "Off",
};

/** Where a notification takes its reader: the article's review page or overview, or the reader-question inbox. */
export type NotificationDestination = "review" | "article" | "questions" | "error_reports" | "none";

export type NotificationKindInfo = {
  label: string;
  destination: NotificationDestination;
  /** Email delivery when the user has not chosen. */
  defaultDelivery: NotificationDelivery;
  /** Security mail can't be turned off (or batched): it may be the only sign of an intruder. */
  canTurnOff: boolean;
  /** One line for the preferences page: when this is sent. */
  description: string;
  /** The roles that receive this kind; the preferences page shows a user only theirs. */
  roles: readonly Role[];
};

const REVIEWERS: readonly Role[] = ["reviewer", "admin"];
const EDITORS: readonly Role[] = ["editor", "admin"];
const EVERYONE: readonly Role[] = ["admin", "editor", "reviewer"];

const kind = (
  label: string,
  destination: NotificationDestination,
  description: string,
  roles: readonly Role[],
  defaultDelivery: NotificationDelivery = "immediate",
): NotificationKindInfo => ({ label, destination, description, roles, defaultDelivery, canTurnOff: true });

export const NOTIFICATION_KIND_INFO: Record<NotificationKind, NotificationKindInfo> = {
  assigned: kind(
    "Assigned to you",
    "review",
    "An editor asks you to review an article, or sends one back to you after changes.",
    REVIEWERS,
  ),
  changes_requested: kind(
    "Changes requested",
    "article",
    "A reviewer asks for changes to an article you wrote or sent to review.",
    EDITORS,
  ),
  approved: kind("Approved", "article", "An article you wrote or sent to review reaches its approvals and goes live.", EDITORS),
  sign_off_again: kind(
    "Needs your sign-off again",
    "review",
    "The text you approved was changed, so your approval no longer counts.",
    REVIEWERS,
  ),
  assignment_removed: kind("Removed from a review", "none", "An editor takes you off an article's review panel.", REVIEWERS),
  question: kind("Reader question", "questions", "A reader sends a follow-up question from an article.", EDITORS, "digest"),
  review_due_soon: kind("Review due soon", "review", "A review assigned to you is due in a few days.", REVIEWERS),
  review_overdue: kind("Review overdue", "review", "A review assigned to you is past its due date (daily).", REVIEWERS),
  review_escalated: kind(
    "Overdue review escalated",
    "article",
    "A review you assigned, or any review as an admin, is long overdue.",
    EDITORS,
  ),
  article_review_due_soon: kind("Article due for re-review", "article", "A live article you edit is due for its periodic review.", EDITORS),
  article_review_overdue: kind(
    "Article re-review overdue",
    "article",
    "A live article you edit is past its periodic review date.",
    EDITORS,
  ),
  review_comment: kind(
    "Review comment",
    "article",
    "A reviewer, or a guest through a preview link, comments on an article you wrote or sent to review.",
    EDITORS,
  ),
  published: kind("Published", "article", "An article you wrote or sent to review is published.", EDITORS),
  reference_retracted: kind(
    "Cited reference retracted",
    "article",
    "A source cited by an article you edit or review is marked retracted.",
    EVERYONE,
  ),
  error_report: kind("Reader error report", "error_reports", "A reader reports an error in an article.", EDITORS, "digest"),
  error_report_overdue: kind(
    "Error report past its target",
    "error_reports",
    "A reader's error report is still open after the response target.",
    EDITORS,
  ),
  publish_failed: kind(
    "Scheduled publication refused",
    "article",
    "An article you scheduled could not go live at its time (a retracted source, a withdrawal); the reason is on the article.",
    EDITORS,
  ),
  article_withdrawn: kind(
    "Article taken down or restored",
    "article",
    "An article you edit or reviewed is withdrawn, archived or republished.",
    EVERYONE,
  ),
  security: {
    label: "Account security",
    destination: "none",
    defaultDelivery: "immediate",
    canTurnOff: false,
    description: "Password changes and resets on your account. Always sent.",
    roles: EVERYONE,
  },
};

export const ALL_NOTIFICATION_KINDS = Object.keys(NOTIFICATION_KIND_INFO) as NotificationKind[];

/** The kinds a user may set to digest or off (everything but security). */
export const CONFIGURABLE_NOTIFICATION_KINDS = ALL_NOTIFICATION_KINDS.filter((k) => NOTIFICATION_KIND_INFO[k].canTurnOff);

/** The kinds shown on a user's preferences page, in catalogue order. */
export function notificationKindsFor(role: Role): NotificationKind[] {
  return ALL_NOTIFICATION_KINDS.filter((k) => NOTIFICATION_KIND_INFO[k].roles.includes(role));
}

/** The delivery that applies: the user's choice, else the default; a kind that can't be turned off is always immediate. */
export function effectiveDelivery(kind: NotificationKind, chosen: NotificationDelivery | null | undefined): NotificationDelivery {
  const info = NOTIFICATION_KIND_INFO[kind];
  if (!info.canTurnOff) return "immediate";
  return chosen ?? info.defaultDelivery;
}

/** The staff page a notification links to, or null. */
export function notificationHref(kind: NotificationKind, articleId: number | null): string | null {
  const destination = NOTIFICATION_KIND_INFO[kind].destination;
  if (destination === "questions") return "/editor/questions";
  if (destination === "error_reports") return "/editor/error-reports";
  if (!articleId) return null;
  if (destination === "review") return `/editor/articles/${articleId}/review`;
  if (destination === "article") return `/editor/articles/${articleId}`;
  return null;
}
