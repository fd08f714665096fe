import { describe, expect, it } from "vitest";
import {
  daysBetween,
  localDateKey,
  nextLocalMidnight,
  planArticleReminders,
  planAssignmentReminders,
  startOfLocalDay,
  type AssignmentReminderState,
  type ReminderSettings,
} from "@/lib/reminders";

const UTC: ReminderSettings = { reminderDaysBefore: 3, escalateAfterDays: 7, timeZone: "UTC" };
const NONE: AssignmentReminderState = { dueAt: null, stage: null, remindedOn: null };
const at = (iso: string) => new Date(iso);
// As lib/dal/workflow.ts stores a picked date: the end of that day in UTC.
const DUE = "2026-04-10T23:59:59.999Z";

const plan = (now: string, state: AssignmentReminderState = NONE, settings = UTC, dueAt: string | null = DUE, open = true) =>
  planAssignmentReminders({ assignmentId: 7, open, dueAt, state, now: at(now), settings });
const kinds = (p: { send: { kind: string }[] }) => p.send.map((s) => s.kind);

describe("local dates in the site's time zone", () => {
  it("gives the calendar date where the site is, not where UTC is", () => {
    // 23:30 UTC on 1 June is 00:30 on 2 June in London (BST) and still 1 June in New York.
    expect(localDateKey(at("2026-06-01T23:30:00Z"), "Europe/London")).toBe("2026-06-02");
    expect(localDateKey(at("2026-06-01T23:30:00Z"), "UTC")).toBe("2026-06-01");
    expect(localDateKey(at("2026-06-02T03:59:00Z"), "America/New_York")).toBe("2026-06-01");
    expect(localDateKey(at("2026-06-02T04:00:00Z"), "America/New_York")).toBe("2026-06-02");
  });

  it("moves the local midnight by an hour across the spring DST change (Europe/London, 29 March 2026)", () => {
    expect(nextLocalMidnight(at("2026-03-28T12:00:00Z"), "Europe/London").toISOString()).toBe("2026-03-29T00:00:00.000Z");
    expect(nextLocalMidnight(at("2026-03-29T12:00:00Z"), "Europe/London").toISOString()).toBe("2026-03-29T23:00:00.000Z");
    expect(startOfLocalDay("2026-03-30", "Europe/London").toISOString()).toBe("2026-03-29T23:00:00.000Z");
    expect(startOfLocalDay("2026-03-29", "Europe/London").toISOString()).toBe("2026-03-29T00:00:00.000Z");
  });

  it("counts calendar days between dates, whatever the zone", () => {
    expect(daysBetween("2026-03-28", "2026-03-31")).toBe(3);
    expect(daysBetween("2026-12-31", "2027-01-01")).toBe(1);
    expect(daysBetween("2026-04-10", "2026-04-10")).toBe(0);
  });

  it("refuses a time that is not one", () => {
    expect(() => localDateKey(new Date("not a date"), "UTC")).toThrow(RangeError);
  });
});

describe("review assignment reminders", () => {
  it("sends 'due in N days' once, from the start of the local day N days before", () => {
    const early = plan("2026-04-06T12:00:00Z");
    expect(early.send).toEqual([]);
    expect(early.wakeAt?.toISOString()).toBe("2026-04-07T00:00:00.000Z");

    const due = plan("2026-04-07T00:00:00Z", early.state);
    expect(due.send).toEqual([{ kind: "review_due_soon", eventKey: `review_due_soon:7:${DUE}`, daysLeft: 3 }]);
    expect(due.state).toEqual({ dueAt: DUE, stage: "due_soon", remindedOn: null });
    expect(due.wakeAt?.toISOString()).toBe(DUE);

    const again = plan("2026-04-08T09:00:00Z", due.state);
    expect(again.send).toEqual([]);
    expect(again.wakeAt?.toISOString()).toBe(DUE);
  });

  it("sends no early reminder when reminderDaysBefore is 0, and wakes at the due time", () => {
    const p = plan("2026-04-09T00:00:00Z", NONE, { ...UTC, reminderDaysBefore: 0 });
    expect(p.send).toEqual([]);
    expect(p.wakeAt?.toISOString()).toBe(DUE);
  });

  it("sends 'overdue' once per local day and escalates once, on the day escalateAfterDays after the due day", () => {
    let state: AssignmentReminderState = { dueAt: DUE, stage: "due_soon", remindedOn: null };
    const sent: string[] = [];
    // Every hour for nine days from the due time.
    for (let t = Date.parse(DUE) + 1; t < Date.parse("2026-04-20T00:00:00Z"); t += 60 * 60_000) {
      const p = plan(new Date(t).toISOString(), state);
      sent.push(...p.send.map((s) => s.eventKey));
      state = p.state;
    }
    const overdue = sent.filter((k) => k.startsWith("review_overdue:"));
    expect(overdue).toEqual(["11", "12", "13", "14", "15", "16", "17", "18", "19"].map((d) => `review_overdue:7:2026-04-${d}`));
    expect(sent.filter((k) => k.startsWith("review_escalated:"))).toEqual([`review_escalated:7:${DUE}`]);
    expect(state.stage).toBe("escalated");
  });

  it("escalates at once an assignment found already past the escalation day", () => {
    const p = plan("2026-04-20T10:00:00Z");
    expect(p.send).toEqual([
      { kind: "review_overdue", eventKey: "review_overdue:7:2026-04-20", daysOverdue: 10 },
      { kind: "review_escalated", eventKey: `review_escalated:7:${DUE}`, daysOverdue: 10 },
    ]);
    expect(p.wakeAt?.toISOString()).toBe("2026-04-21T00:00:00.000Z");
    expect(kinds(plan("2026-04-20T10:01:00Z", p.state))).toEqual([]);
  });

  it("starts again for a new due date, but keeps 'overdue' to one a day", () => {
    const escalated: AssignmentReminderState = { dueAt: DUE, stage: "escalated", remindedOn: "2026-04-20" };
    const later = "2026-04-22T23:59:59.999Z";
    expect(kinds(plan("2026-04-20T12:00:00Z", escalated, UTC, later))).toEqual(["review_due_soon"]);
    const stillLate = "2026-04-19T23:59:59.999Z";
    expect(kinds(plan("2026-04-20T12:00:00Z", escalated, UTC, stillLate))).toEqual([]);
  });

  it("sends nothing, and sleeps, for an assignment that is not open or has no due date", () => {
    expect(plan("2026-04-20T10:00:00Z", NONE, UTC, DUE, false)).toEqual({ send: [], state: NONE, wakeAt: null });
    expect(plan("2026-04-20T10:00:00Z", NONE, UTC, null)).toEqual({ send: [], state: NONE, wakeAt: null });
  });

  it("follows the site's calendar across the autumn DST change (America/New_York, 1 November 2026)", () => {
    const ny = { ...UTC, timeZone: "America/New_York" };
    const due = "2026-10-30T23:59:59.999Z"; // 19:59 on 30 October in New York
    const first = plan("2026-10-31T12:00:00Z", NONE, ny, due);
    expect(first.send.map((s) => s.eventKey)).toEqual(["review_overdue:7:2026-10-31"]);
    // Midnight EDT (UTC-4) on 1 November, then midnight EST (UTC-5): a 25-hour day between them.
    expect(first.wakeAt?.toISOString()).toBe("2026-11-01T04:00:00.000Z");
    const second = plan(first.wakeAt!.toISOString(), first.state, ny, due);
    expect(second.send.map((s) => s.eventKey)).toEqual(["review_overdue:7:2026-11-01"]);
    expect(second.wakeAt?.toISOString()).toBe("2026-11-02T05:00:00.000Z");
    // 01:30 on 1 November happens twice in New York; both are the same local day: nothing more.
    expect(plan("2026-11-01T05:30:00Z", second.state, ny, due).send).toEqual([]);
    expect(plan("2026-11-01T06:30:00Z", second.state, ny, due).send).toEqual([]);
  });

  it("crosses into a new day at the site's midnight, not UTC's", () => {
    const london = { ...UTC, timeZone: "Europe/London" };
    const sentAtNoon = plan("2026-06-01T12:00:00Z", NONE, london, "2026-05-30T23:59:59.999Z");
    expect(sentAtNoon.state.remindedOn).toBe("2026-06-01");
    // 23:30 UTC is 00:30 the next day in London (BST): a new reminder there, none in UTC.
    expect(kinds(plan("2026-06-01T23:30:00Z", sentAtNoon.state, london, "2026-05-30T23:59:59.999Z"))).toEqual(["review_overdue"]);
    const utc = plan("2026-06-01T12:00:00Z", NONE, UTC, "2026-05-30T23:59:59.999Z");
    expect(kinds(plan("2026-06-01T23:30:00Z", utc.state, UTC, "2026-05-30T23:59:59.999Z"))).toEqual([]);
  });

  it("wakes for the early reminder at the local start of the day, across the spring change (Europe/London)", () => {
    const london = { ...UTC, timeZone: "Europe/London" };
    // Due 1 April: the reminder day is 29 March, which starts at 00:00 GMT; 30 March starts at 23:00 UTC.
    expect(plan("2026-03-20T12:00:00Z", NONE, london, "2026-04-01T12:00:00.000Z").wakeAt?.toISOString()).toBe("2026-03-29T00:00:00.000Z");
    expect(plan("2026-03-20T12:00:00Z", NONE, london, "2026-04-02T12:00:00.000Z").wakeAt?.toISOString()).toBe("2026-03-29T23:00:00.000Z");
  });

  it("throws on a due date that is not a time, so the tick can skip the row", () => {
    expect(() => plan("2026-04-20T10:00:00Z", NONE, UTC, "soon")).toThrow(RangeError);
  });
});

describe("live article review-due notices", () => {
  const REVIEW_DUE = "2026-06-30T10:00:00.000Z";
  const article = (
    now: string,
    state = { dueAt: null as string | null, stage: null as "due_soon" | "overdue" | null },
    reviewDueAt = REVIEW_DUE,
    live = true,
  ) => planArticleReminders({ articleId: 3, live, reviewDueAt, state, now: at(now), timeZone: "UTC" });

  it("tells the editors once when the date is 30 days away and once when it has passed", () => {
    const far = article("2026-05-01T00:00:00Z");
    expect(far.send).toEqual([]);
    expect(far.wakeAt?.toISOString()).toBe("2026-05-31T00:00:00.000Z");
    const soon = article("2026-05-31T00:00:00Z", far.state);
    expect(soon.send).toEqual([{ kind: "article_review_due_soon", eventKey: `article_review_due_soon:3:${REVIEW_DUE}`, daysLeft: 30 }]);
    expect(soon.wakeAt?.toISOString()).toBe(REVIEW_DUE);
    expect(article("2026-06-10T00:00:00Z", soon.state).send).toEqual([]);
    const overdue = article("2026-06-30T10:00:00Z", soon.state);
    expect(overdue.send).toEqual([{ kind: "article_review_overdue", eventKey: `article_review_overdue:3:${REVIEW_DUE}` }]);
    expect(overdue.wakeAt).toBeNull();
    expect(article("2026-07-30T10:00:00Z", overdue.state).send).toEqual([]);
  });

  it("starts again for a new review-due date, and says nothing for an article that is not live", () => {
    const told = { dueAt: REVIEW_DUE, stage: "overdue" as const };
    expect(kinds(article("2027-06-10T00:00:00Z", told, "2027-06-30T10:00:00.000Z"))).toEqual(["article_review_due_soon"]);
    expect(article("2026-07-01T00:00:00Z", told, REVIEW_DUE, false)).toEqual({ send: [], state: told, wakeAt: null });
  });
});
