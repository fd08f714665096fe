import { nextOccurrence } from "@/lib/jobs/schedule";

/**
 * Which review reminder is due, and when to look again: pure, so the minute tick
 * (lib/dal/reminders.ts) only loads rows, applies this and writes the result. "Days" are calendar
 * days in the site's time zone (the local date comes from Intl, the next local midnight from
 * croner), so "daily" means once per local day on both sides of a DST change. See
 * docs/ARCHITECTURE.md "Jobs" for the columns this state lives in.
 */

export type ReminderSettings = { reminderDaysBefore: number; escalateAfterDays: number; timeZone: string };

/** How far ahead editors are told that a live article's periodic review falls due. */
export const ARTICLE_NOTICE_DAYS = 30;

// Building an Intl.DateTimeFormat costs milliseconds, using one microseconds: one per zone.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dateFormats.set(timeZone, format);
  }
  return format;
}

/** The calendar date ("YYYY-MM-DD") of an instant in an IANA time zone. */
export function localDateKey(at: Date, timeZone: string): string {
  if (Number.isNaN(at.getTime())) throw new RangeError("Not a valid time");
  const parts = dateFormat(timeZone).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** Whole days from one calendar date to another (plain dates: no zone involved). */
export function daysBetween(fromKey: string, toKey: string): number {
  return Math.round((Date.parse(`${toKey}T00:00:00Z`) - Date.parse(`${fromKey}T00:00:00Z`)) / 86_400_000);
}

const shiftKey = (key: string, days: number) => new Date(Date.parse(`${key}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The next local midnight strictly after `after`, in the zone (croner does the zone arithmetic). */
export const nextLocalMidnight = (after: Date, timeZone: string) => nextOccurrence("0 0 * * *", timeZone, after);

/**
 * The first instant of a local calendar date: the first local midnight after a moment earlier
 * than that date starts in any zone (UTC offsets run from -12 to +14 hours), walked forward if
 * needed; croner finds the midnights, so no offsets are added by hand.
 */
export function startOfLocalDay(key: string, timeZone: string): Date {
  let at = nextLocalMidnight(new Date(Date.parse(`${key}T00:00:00Z`) - 15 * 3_600_000), timeZone);
  while (localDateKey(at, timeZone) < key) at = nextLocalMidnight(at, timeZone);
  return at;
}

const parseTime = (iso: string, what: string) => {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) throw new RangeError(`${what} is not a valid time: ${JSON.stringify(iso)}`);
  return at;
};

const earliest = (...times: (Date | null)[]) =>
  times.reduce<Date | null>((min, t) => (t && (!min || t.getTime() < min.getTime()) ? t : min), null);

// ---------------------------------------------------------------------------------------------
// Review assignments

/** What has been sent for an assignment: stages refer to `dueAt`; `remindedOn` is the local date of the last overdue reminder. */
export type AssignmentReminderStage = "due_soon" | "overdue" | "escalated";
export type AssignmentReminderState = { dueAt: string | null; stage: AssignmentReminderStage | null; remindedOn: string | null };

export type AssignmentReminder =
  | { kind: "review_due_soon"; eventKey: string; daysLeft: number }
  | { kind: "review_overdue"; eventKey: string; daysOverdue: number }
  | { kind: "review_escalated"; eventKey: string; daysOverdue: number };

export type AssignmentPlan = {
  send: AssignmentReminder[];
  state: AssignmentReminderState;
  /** When the tick should look at this assignment again; null: not until it changes. */
  wakeAt: Date | null;
};

/**
 * An open assignment (not removed, revision submitted or under review, the reviewer has not signed
 * its current text) with a due date: which reminders are due now. Before the due time: "due in N
 * days" once per due date, from the start of the local day N days before (N = 0 turns it off).
 * From the due time: "overdue" once per local day; from the local day `escalateAfterDays` after
 * the due day, the escalation, once per due date. An assignment that is not open gets nothing
 * and sleeps until a change wakes it.
 */
export function planAssignmentReminders(input: {
  assignmentId: number;
  open: boolean;
  dueAt: string | null;
  state: AssignmentReminderState;
  now: Date;
  settings: ReminderSettings;
}): AssignmentPlan {
  const { assignmentId, now, settings } = input;
  if (!input.open || !input.dueAt) return { send: [], state: input.state, wakeAt: null };
  const due = parseTime(input.dueAt, "The due date");
  const zone = settings.timeZone;
  // A new due date starts its reminders afresh; the overdue date is kept (at most one a local day).
  const stage = input.state.dueAt === input.dueAt ? input.state.stage : null;
  let remindedOn = input.state.remindedOn;
  const today = localDateKey(now, zone);
  const dueDay = localDateKey(due, zone);
  const send: AssignmentReminder[] = [];

  if (now.getTime() < due.getTime()) {
    const daysLeft = daysBetween(today, dueDay);
    const wantsEarly = settings.reminderDaysBefore > 0 && stage === null;
    if (wantsEarly && daysLeft <= settings.reminderDaysBefore) {
      send.push({ kind: "review_due_soon", eventKey: `review_due_soon:${assignmentId}:${input.dueAt}`, daysLeft });
      return { send, state: { dueAt: input.dueAt, stage: "due_soon", remindedOn }, wakeAt: due };
    }
    const earlyAt = wantsEarly ? startOfLocalDay(shiftKey(dueDay, -settings.reminderDaysBefore), zone) : null;
    return { send, state: { dueAt: input.dueAt, stage, remindedOn }, wakeAt: earliest(earlyAt, due) };
  }

  const daysOverdue = daysBetween(dueDay, today);
  let next: AssignmentReminderStage = stage === "escalated" ? "escalated" : "overdue";
  if (remindedOn !== today) {
    send.push({ kind: "review_overdue", eventKey: `review_overdue:${assignmentId}:${today}`, daysOverdue });
    remindedOn = today;
  }
  if (stage !== "escalated" && daysOverdue >= settings.escalateAfterDays) {
    send.push({ kind: "review_escalated", eventKey: `review_escalated:${assignmentId}:${input.dueAt}`, daysOverdue });
    next = "escalated";
  }
  return { send, state: { dueAt: input.dueAt, stage: next, remindedOn }, wakeAt: nextLocalMidnight(now, zone) };
}

// ---------------------------------------------------------------------------------------------
// Live articles' periodic review

export type ArticleReminderStage = "due_soon" | "overdue";
export type ArticleReminderState = { dueAt: string | null; stage: ArticleReminderStage | null };

export type ArticleReminder =
  { kind: "article_review_due_soon"; eventKey: string; daysLeft: number } | { kind: "article_review_overdue"; eventKey: string };

export type ArticlePlan = { send: ArticleReminder[]; state: ArticleReminderState; wakeAt: Date | null };

/**
 * A live article with a review-due date: its editors are told once when the date is
 * ARTICLE_NOTICE_DAYS local days away and once when it has passed, per due date (not repeated:
 * the dashboard's re-review queue is the standing reminder, and at catalogue scale a weekly
 * repeat for thousands of overdue articles would bury the reviewers' own reminders).
 */
export function planArticleReminders(input: {
  articleId: number;
  live: boolean;
  reviewDueAt: string | null;
  state: ArticleReminderState;
  now: Date;
  timeZone: string;
}): ArticlePlan {
  const { articleId, now, timeZone } = input;
  if (!input.live || !input.reviewDueAt) return { send: [], state: input.state, wakeAt: null };
  const due = parseTime(input.reviewDueAt, "The review-due date");
  const stage = input.state.dueAt === input.reviewDueAt ? input.state.stage : null;
  const state = (stage: ArticleReminderStage | null): ArticleReminderState => ({ dueAt: input.reviewDueAt, stage });
  if (now.getTime() >= due.getTime()) {
    if (stage === "overdue") return { send: [], state: state(stage), wakeAt: null };
    return {
      send: [{ kind: "article_review_overdue", eventKey: `article_review_overdue:${articleId}:${input.reviewDueAt}` }],
      state: state("overdue"),
      wakeAt: null,
    };
  }
  if (stage === "due_soon") return { send: [], state: state(stage), wakeAt: due };
  const dueDay = localDateKey(due, timeZone);
  const daysLeft = daysBetween(localDateKey(now, timeZone), dueDay);
  if (daysLeft <= ARTICLE_NOTICE_DAYS) {
    return {
      send: [{ kind: "article_review_due_soon", eventKey: `article_review_due_soon:${articleId}:${input.reviewDueAt}`, daysLeft }],
      state: state("due_soon"),
      wakeAt: due,
    };
  }
  return { send: [], state: state(stage), wakeAt: startOfLocalDay(shiftKey(dueDay, -ARTICLE_NOTICE_DAYS), timeZone) };
}

// ---------------------------------------------------------------------------------------------
// Wording

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;
export const inDays = (days: number) => (days <= 0 ? "today" : days === 1 ? "tomorrow" : `in ${days} days`);
export const daysAgo = (days: number) => (days <= 0 ? "today" : `${plural(days, "day")} ago`);
