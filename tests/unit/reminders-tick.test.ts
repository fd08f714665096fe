import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTempDatabase } from "../helpers/temp-db";

/**
 * The minute tick against a real SQLite file: exactly the expected notification rows, none twice
 * when a tick runs again in the same minute, one overdue reminder per day, one escalation, the
 * late reviewer never told of their own escalation, a bad row skipped while the rest go ahead, and
 * the triggers of migration 0006 waking rows when a writer changes what a reminder depends on.
 */
const temp = useTempDatabase("reminders");
const { getDb } = await import("@/db");
const { runReminderTick } = await import("@/lib/dal/reminders");
const { saveSiteSettings, getSiteSettings } = await import("@/lib/dal/settings");
const { ensureRecurringJobs, runNextJob } = await import("@/lib/jobs/runner");
const { JOB_DEFINITIONS } = await import("@/lib/jobs/kinds");

const c = () => getDb().$client;
/** Users and revisions by name (separate id spaces), and each article's name by its id. */
const ids: Record<string, number> = {};
const users: Record<string, number> = {};
const articleNames = new Map<number, string>();
const logged: string[] = [];
const tick = (now: string) => runReminderTick(new Date(now), { log: (line) => logged.push(line) });

type Sent = { user: string; kind: string; article: string };
let seen = 0;
/** Notifications written since the last call, by user and article name, in a stable order. */
function newNotifications(): Sent[] {
  const names = new Map(Object.entries(users).map(([name, id]) => [id, name]));
  const rows = c().prepare("SELECT id, user_id, kind, article_id FROM notifications WHERE id > ? ORDER BY id").all(seen) as {
    id: number;
    user_id: number;
    kind: string;
    article_id: number;
  }[];
  if (rows.length) seen = rows[rows.length - 1].id;
  return rows
    .map((r) => ({ user: names.get(r.user_id)!, kind: r.kind, article: articleNames.get(r.article_id)! }))
    .sort((a, b) => `${a.kind} ${a.article} ${a.user}`.localeCompare(`${b.kind} ${b.article} ${b.user}`));
}

const user = (name: string, role: string, active = 1) => {
  ids[name] = users[name] = (
    c()
      .prepare("INSERT INTO users (email, name, role, password_hash, active) VALUES (?,?,?,'x',?) RETURNING id")
      .get(`${name}@x.test`, name, role, active) as { id: number }
  ).id;
};

/** An article with one revision in `state` by the editor; live with a review-due date when approved. */
function article(name: string, state: string, reviewDueAt: string | null = null): number {
  const a = (
    c().prepare("INSERT INTO articles (slug, topic, created_by_id) VALUES (?, 'T', ?) RETURNING id").get(name, ids.editor) as { id: number }
  ).id;
  const r = (
    c()
      .prepare(
        "INSERT INTO revisions (article_id, number, question, state, content_hash, author_id) VALUES (?, 1, ?, ?, ?, ?) RETURNING id",
      )
      .get(a, `Question ${name}?`, state, `hash-${name}`, ids.editor) as { id: number }
  ).id;
  const live = state === "approved" ? r : null;
  c()
    .prepare("UPDATE articles SET working_revision_id = ?, live_revision_id = ?, review_due_at = ? WHERE id = ?")
    .run(r, live, reviewDueAt, a);
  articleNames.set(a, name);
  ids[name] = r;
  return r;
}
const assign = (revision: string, reviewer: string, dueAt: string, removedAt: string | null = null) =>
  c()
    .prepare("INSERT INTO review_assignments (revision_id, reviewer_id, assigned_by_id, due_at, removed_at) VALUES (?,?,?,?,?)")
    .run(ids[revision], ids[reviewer], ids.editor, dueAt, removedAt);

beforeAll(() => {
  user("admin", "admin");
  user("lateAdmin", "admin"); // an admin who is also a late reviewer
  user("goneAdmin", "admin", 0);
  user("editor", "editor");
  user("r1", "reviewer");
  user("r2", "reviewer");
  article("late", "under_review");
  assign("late", "r1", "2026-05-20T23:59:59.999Z"); // 12 days overdue on 1 June: escalated
  article("adminLate", "under_review");
  assign("adminLate", "lateAdmin", "2026-05-01T23:59:59.999Z");
  article("soon", "under_review");
  assign("soon", "r2", "2026-06-03T23:59:59.999Z"); // due in 2 days
  article("signed", "under_review");
  assign("signed", "r1", "2026-05-20T23:59:59.999Z");
  c()
    .prepare(
      "INSERT INTO sign_offs (revision_id, reviewer_id, decision, meaning, signer_name, content_hash) VALUES (?, ?, 'approve', 'm', 'r1', 'hash-signed')",
    )
    .run(ids.signed, ids.r1);
  assign("soon", "r1", "2026-05-01T23:59:59.999Z", "2026-05-02T00:00:00.000Z"); // removed
  article("approved", "approved", "2027-05-01T00:00:00.000Z");
  assign("approved", "r1", "2026-04-01T23:59:59.999Z"); // closed: the revision is approved
  article("bad", "submitted");
  assign("bad", "r2", "not a date");
  article("liveSoon", "approved", "2026-06-21T12:00:00.000Z"); // 20 days away
  article("liveOverdue", "approved", "2026-05-15T12:00:00.000Z");
  article("liveFar", "approved", "2027-01-01T12:00:00.000Z");
});

afterAll(() => {
  getDb().$client.close();
  temp.cleanup();
});

describe("the reminder tick", () => {
  it("sends each due reminder once, escalates to the admins and the assigning editor, and skips a bad row", () => {
    const first = tick("2026-06-01T08:00:00.000Z");
    expect(newNotifications()).toEqual([
      { user: "editor", kind: "article_review_due_soon", article: "liveSoon" },
      { user: "editor", kind: "article_review_overdue", article: "liveOverdue" },
      { user: "r2", kind: "review_due_soon", article: "soon" },
      // The late admin reviewer is not told of their own escalation; the inactive admin is told nothing.
      { user: "admin", kind: "review_escalated", article: "adminLate" },
      { user: "editor", kind: "review_escalated", article: "adminLate" },
      { user: "admin", kind: "review_escalated", article: "late" },
      { user: "editor", kind: "review_escalated", article: "late" },
      { user: "lateAdmin", kind: "review_escalated", article: "late" },
      { user: "lateAdmin", kind: "review_overdue", article: "adminLate" },
      { user: "r1", kind: "review_overdue", article: "late" },
    ]);
    expect(first).toMatchObject({ notifications: 10, skipped: 1 });
    expect(logged).toEqual([expect.stringMatching(/^review assignment \d+ skipped: The due date is not a valid time/)]);
    const messages = c()
      .prepare("SELECT kind, message FROM notifications WHERE kind IN ('review_due_soon', 'review_escalated') ORDER BY id")
      .all();
    expect(messages).toContainEqual({
      kind: "review_due_soon",
      message: "Your review of “Question soon?” is due in 2 days (3 June 2026).",
    });
    expect(messages).toContainEqual({
      kind: "review_escalated",
      message: "r1’s review of “Question late?” is 12 days overdue (it was due 20 May 2026).",
    });
  });

  it("sends nothing more when it runs again in the same minute or later the same day, and reads only waking rows", () => {
    expect(tick("2026-06-01T08:00:00.000Z")).toEqual({ assignments: 0, articles: 0, notifications: 0, skipped: 0 });
    expect(tick("2026-06-01T08:00:30.000Z").notifications).toBe(0);
    expect(tick("2026-06-01T23:59:00.000Z").notifications).toBe(0);
    expect(newNotifications()).toEqual([]);
    // The closed, removed, signed and far-off rows sleep (no wake time) or wake in the future.
    const waking = c()
      .prepare("SELECT count(*) AS n FROM review_assignments WHERE reminder_at IS NOT NULL AND reminder_at <= '2026-06-01T23:59:00.000Z'")
      .get() as { n: number };
    expect(waking.n).toBe(0);
  });

  it("reminds the overdue reviewers again the next day without escalating again, and the due-soon one once it is late", () => {
    tick("2026-06-02T00:00:00.000Z");
    expect(newNotifications()).toEqual([
      { user: "lateAdmin", kind: "review_overdue", article: "adminLate" },
      { user: "r1", kind: "review_overdue", article: "late" },
    ]);
    tick("2026-06-04T00:00:00.000Z");
    expect(newNotifications()).toEqual([
      { user: "lateAdmin", kind: "review_overdue", article: "adminLate" },
      { user: "r1", kind: "review_overdue", article: "late" },
      { user: "r2", kind: "review_overdue", article: "soon" },
    ]);
    expect(tick("2026-06-04T12:00:00.000Z").notifications).toBe(0);
  });

  it("wakes a signed assignment when the text changes, and a moved due date starts its reminders afresh", () => {
    c().prepare("UPDATE revisions SET content_hash = 'hash-signed-2' WHERE id = ?").run(ids.signed);
    c().prepare("UPDATE review_assignments SET due_at = '2026-06-10T23:59:59.999Z' WHERE revision_id = ?").run(ids.late);
    tick("2026-06-04T12:01:00.000Z");
    // The edited revision's reviewer is now 15 days late: reminded and escalated; the moved one is 6 days off: nothing yet.
    expect(newNotifications()).toEqual([
      { user: "admin", kind: "review_escalated", article: "signed" },
      { user: "editor", kind: "review_escalated", article: "signed" },
      { user: "lateAdmin", kind: "review_escalated", article: "signed" },
      { user: "r1", kind: "review_overdue", article: "signed" },
    ]);
    tick("2026-06-07T00:00:00.000Z");
    expect(newNotifications().filter((n) => n.article === "late")).toEqual([{ user: "r1", kind: "review_due_soon", article: "late" }]);
  });

  it("plans again when a reminder setting changes", () => {
    c().prepare("UPDATE review_assignments SET due_at = '2026-06-20T23:59:59.999Z' WHERE revision_id = ?").run(ids.late);
    tick("2026-06-07T00:01:00.000Z");
    expect(newNotifications().filter((n) => n.article === "late")).toEqual([]);
    saveSiteSettings({ id: ids.admin, email: "admin@x.test" }, { ...getSiteSettings(), reminderDaysBefore: 14 });
    tick("2026-06-07T00:02:00.000Z");
    expect(newNotifications().filter((n) => n.article === "late")).toEqual([{ user: "r1", kind: "review_due_soon", article: "late" }]);
  });

  it("runs as a recurring job that queues its next minute", async () => {
    c().exec("DELETE FROM jobs");
    ensureRecurringJobs(JOB_DEFINITIONS, new Date("2026-06-08T10:15:30.000Z"));
    const queued = () => c().prepare("SELECT idempotency_key AS k, status FROM jobs WHERE kind = 'reminders.tick' ORDER BY id").all();
    expect(queued()).toEqual([{ k: "reminders.tick@2026-06-08T10:16:00.000Z", status: "queued" }]);
    expect(await runNextJob({ definitions: JOB_DEFINITIONS, workerId: "t", now: () => new Date("2026-06-08T10:16:00.500Z") })).toBe(true);
    expect(queued()).toEqual([
      { k: "reminders.tick@2026-06-08T10:16:00.000Z", status: "done" },
      { k: "reminders.tick@2026-06-08T10:17:00.000Z", status: "queued" },
    ]);
  });
});
