import { formatDate } from "@/lib/dates";
import type { MailContent, MailSection } from "@/lib/mail/render";
import { ALL_NOTIFICATION_KINDS, NOTIFICATION_KIND_INFO, type NotificationKind } from "@/lib/notification-kinds";

/**
 * The words of notification emails: one message per event (subject and body by kind) and the
 * daily digest (items grouped by kind). Pure: the caller looks up names, questions and due dates
 * and passes absolute URLs. See docs/ARCHITECTURE.md "Jobs" (Notifications).
 */

export type EventMailInput = {
  kind: NotificationKind;
  recipientName: string;
  /** The in-app sentence, which already names the article's question. */
  message: string;
  question: string | null;
  /** A review's due date (ISO), for the kinds about an assignment. */
  dueAt: string | null;
  /** Absolute deep link to the staff page, or null. */
  link: string | null;
  preferencesUrl: string;
  /** Null for kinds that can't be turned off. */
  unsubscribeUrl: string | null;
};

const SUBJECTS: Record<NotificationKind, string> = {
  assigned: "Review requested",
  changes_requested: "Changes requested",
  approved: "Approved and live",
  sign_off_again: "Your approval no longer counts: please sign again",
  assignment_removed: "Removed from a review",
  question: "New reader question",
  review_due_soon: "Review due soon",
  review_overdue: "Review overdue",
  review_escalated: "Overdue review",
  article_review_due_soon: "Article due for re-review",
  article_review_overdue: "Article re-review overdue",
  review_comment: "New review comment",
  published: "Published",
  reference_retracted: "A cited source was retracted",
  error_report: "Reader error report",
  error_report_overdue: "Error report past its response target",
  publish_failed: "Scheduled publication refused",
  article_withdrawn: "Article taken down or restored",
  security: "Account security",
};

const ACTION_LABELS: Partial<Record<NotificationKind, string>> = {
  assigned: "Open the review",
  sign_off_again: "Review the changes and sign again",
  review_due_soon: "Open the review",
  review_overdue: "Open the review",
  question: "Open reader questions",
  error_report: "Open error reports",
  error_report_overdue: "Open error reports",
};

/** Kinds about the recipient's own assignment, whose due date the mail states. */
const ASSIGNMENT_KINDS: ReadonlySet<NotificationKind> = new Set(["assigned", "review_due_soon", "review_overdue"]);

export const greeting = (name: string) => `Hello ${name.trim() || "there"},`;

const clip = (text: string, max = 90) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

export function eventSubject(kind: NotificationKind, question: string | null): string {
  return question ? `${SUBJECTS[kind]}: ${clip(question)}` : SUBJECTS[kind];
}

/** Why the recipient gets this mail, and where to change it. */
function footer(kind: NotificationKind, preferencesUrl: string): string {
  const { label, canTurnOff } = NOTIFICATION_KIND_INFO[kind];
  return canTurnOff
    ? `You get this email because “${label}” is set to “Immediately” in your Vetted notification settings. Change it at ${preferencesUrl}.`
    : `You get this email because it concerns the security of your Vetted account; security emails can't be turned off. Your notification settings: ${preferencesUrl}.`;
}

export function eventMail(input: EventMailInput): { subject: string; content: MailContent } {
  const paragraphs = [input.message];
  if (input.dueAt && ASSIGNMENT_KINDS.has(input.kind)) paragraphs.push(`The review is due on ${formatDate(input.dueAt)}.`);
  const content: MailContent = {
    greeting: greeting(input.recipientName),
    paragraphs,
    action: input.link ? { label: ACTION_LABELS[input.kind] ?? "Open the article", url: input.link } : undefined,
    footer: footer(input.kind, input.preferencesUrl),
    unsubscribeUrl: input.unsubscribeUrl ?? undefined,
  };
  return { subject: eventSubject(input.kind, input.question), content };
}

export type DigestItem = {
  id: number;
  kind: NotificationKind;
  message: string;
  /** Absolute deep link, or null. */
  url: string | null;
  createdAt: string;
};

export type DigestGroup = { kind: NotificationKind; heading: string; items: DigestItem[] };

/**
 * A digest's items grouped by kind, groups in catalogue order (the order of the preferences
 * page), items oldest first within a group; an item that appears twice (same id) is listed once.
 */
export function groupDigest(items: readonly DigestItem[]): DigestGroup[] {
  const seen = new Set<number>();
  const byKind = new Map<NotificationKind, DigestItem[]>();
  for (const item of items) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    const list = byKind.get(item.kind) ?? [];
    list.push(item);
    byKind.set(item.kind, list);
  }
  return ALL_NOTIFICATION_KINDS.filter((kind) => byKind.has(kind)).map((kind) => {
    const list = byKind.get(kind)!.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id);
    return { kind, heading: `${NOTIFICATION_KIND_INFO[kind].label} (${list.length})`, items: list };
  });
}

/** A busy day's digest lists this many items of a kind, then says how many more the inbox holds. */
export const DIGEST_ITEMS_PER_KIND = 50;

export function digestMail(input: {
  recipientName: string;
  groups: readonly DigestGroup[];
  /** The digest's local date, YYYY-MM-DD. */
  date: string;
  preferencesUrl: string;
}): { subject: string; content: MailContent } {
  const total = input.groups.reduce((n, g) => n + g.items.length, 0);
  const sections: MailSection[] = input.groups.map((g) => {
    const shown = g.items.slice(0, DIGEST_ITEMS_PER_KIND).map((item) => ({ text: item.message, url: item.url }));
    const more = g.items.length - shown.length;
    return { heading: g.heading, items: more > 0 ? [...shown, { text: `…and ${more} more in your inbox on the dashboard.` }] : shown };
  });
  const day = formatDate(`${input.date}T12:00:00.000Z`);
  return {
    subject: `Your Vetted digest for ${day}: ${total} ${total === 1 ? "update" : "updates"}`,
    content: {
      greeting: greeting(input.recipientName),
      paragraphs: [`Here is what happened since your last digest. Each item is also in your inbox on the dashboard.`],
      sections,
      footer: `You get this daily digest because some of your Vetted notifications are set to “Daily digest”. Change them at ${input.preferencesUrl}.`,
    },
  };
}
