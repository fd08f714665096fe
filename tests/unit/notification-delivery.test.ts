import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { useTempDatabase } from "../helpers/temp-db";
import { seededPeople, type SeededUser } from "../helpers/seeded-people";

/**
 * notify() and its email side on a real SQLite file: one mail per event and recipient, never to
 * the actor, nothing for "off" (the inbox keeps it), nothing immediate for "digest" and one digest
 * from the recurring job later, run through the real job runner.
 */
const temp = useTempDatabase("notification-delivery");
process.env.SITE_URL = "https://vetted.example";
process.env.NEXTAUTH_SECRET = "unit-test-secret-unit-test-secret-0123456789";
delete process.env.SMTP_URL;
const { getDb, writeTransaction } = await import("@/db");
const { seedDemo } = await import("@/db/seed");
const { notify, notifyEach, saveNotificationPreferences, unsubscribeFromKind } = await import("@/lib/dal/notifications");
const { addReviewer, assignReviewers } = await import("@/lib/dal/workflow");
const { askFollowUpQuestion } = await import("@/lib/dal/follow-up-questions");
const { DIGEST_JOB, rescheduleDigest } = await import("@/lib/dal/notification-digest");
const { enqueueJob } = await import("@/lib/dal/jobs");
const { runNextJob } = await import("@/lib/jobs/runner");
const { JOB_DEFINITIONS } = await import("@/lib/jobs/kinds");
const { saveSiteSettings, getSiteSettings } = await import("@/lib/dal/settings");
const { setReferenceRetracted } = await import("@/lib/dal/references-write");
const { addReviewComment } = await import("@/lib/dal/review");

type User = SeededUser;
const people: Record<string, User> = {};
const sql = () => getDb().$client;
const all = <T>(query: string, ...params: unknown[]) =>
  sql()
    .prepare(query)
    .all(...params) as T[];
type Mail = { key: string; to: string; subject: string; text: string; html: string; unsubscribe: string | null; kind: string };
const mails = () =>
  all<Mail>(
    'SELECT idempotency_key AS key, to_address AS "to", subject, text_body AS text, html_body AS html, unsubscribe_url AS unsubscribe, kind FROM mail_messages ORDER BY id',
  );
const inbox = (userId: number) =>
  all<{ kind: string; message: string }>("SELECT kind, message FROM notifications WHERE user_id = ? ORDER BY id", userId);
let article: { articleId: number; revisionId: number; question: string };

beforeAll(async () => {
  await seedDemo();
  Object.assign(people, seededPeople(getDb().$client));
  article = all<{ articleId: number; revisionId: number; question: string }>(
    "SELECT a.id AS articleId, r.id AS revisionId, r.question FROM articles a JOIN revisions r ON r.id = a.working_revision_id WHERE a.slug = 'when-to-screen-adults-for-type-2-diabetes'",
  )[0];
}, 60_000);

beforeEach(() => {
  sql().exec("DELETE FROM mail_messages; DELETE FROM jobs; DELETE FROM notifications; DELETE FROM notification_preferences;");
});

afterAll(() => {
  sql().close();
  temp.cleanup();
});

const tell = (userId: number, options: { actorId?: number; eventKey?: string } = {}) =>
  writeTransaction((tx) => notify(tx, userId, "assigned", `You are assigned to review “${article.question}”.`, article, options));

describe("one mail per event and recipient", () => {
  it("the same event twice mails once and adds one inbox row", () => {
    tell(people.reviewer1.id, { eventKey: "assigned:test:1" });
    tell(people.reviewer1.id, { eventKey: "assigned:test:1" });
    expect(mails().map((m) => m.key)).toEqual([`assigned:test:1:${people.reviewer1.id}`]);
    expect(inbox(people.reviewer1.id)).toHaveLength(1);
  });

  it("two recipients of one event get one mail each", () => {
    writeTransaction((tx) =>
      notifyEach(tx, [people.reviewer1.id, people.reviewer2.id, people.reviewer1.id], "assigned", "Review this.", article, {
        eventKey: "assigned:test:2",
      }),
    );
    expect(mails().map((m) => [m.key, m.to])).toEqual([
      [`assigned:test:2:${people.reviewer1.id}`, "reviewer1@vetted.test"],
      [`assigned:test:2:${people.reviewer2.id}`, "reviewer2@vetted.test"],
    ]);
  });

  it("without an event key, each notification is its own event", () => {
    tell(people.reviewer1.id);
    tell(people.reviewer1.id);
    expect(mails()).toHaveLength(2);
    expect(mails()[0].key).toMatch(new RegExp(`^notification:\\d+:${people.reviewer1.id}$`));
  });
});

describe("who is told", () => {
  it("never the actor, by notify or in a list", () => {
    tell(people.editor.id, { actorId: people.editor.id, eventKey: "self" });
    writeTransaction((tx) =>
      notifyEach(tx, [people.editor.id, people.admin.id], "review_comment", "A comment.", article, {
        actorId: people.editor.id,
        eventKey: "c1",
      }),
    );
    expect(inbox(people.editor.id)).toEqual([]);
    expect(mails().map((m) => m.to)).toEqual(["admin@vetted.test"]);
  });

  it("an inactive user gets the inbox row but no mail", () => {
    sql().prepare("UPDATE users SET active = 0 WHERE id = ?").run(people.reviewer3.id);
    try {
      tell(people.reviewer3.id, { eventKey: "inactive" });
      expect(inbox(people.reviewer3.id)).toHaveLength(1);
      expect(mails()).toEqual([]);
    } finally {
      sql().prepare("UPDATE users SET active = 1 WHERE id = ?").run(people.reviewer3.id);
    }
  });

  it("assigning reviewers mails each of them with the question, due date, review link and unsubscribe link", () => {
    const dueDate = "2030-01-31";
    assignReviewers(people.editor, { revisionId: article.revisionId, reviewerIds: [people.reviewer1.id, people.reviewer2.id], dueDate });
    const sent = mails();
    expect(sent.map((m) => m.to).sort()).toEqual(["reviewer1@vetted.test", "reviewer2@vetted.test"]);
    const [first] = sent;
    expect(first.subject).toBe(`Review requested: ${article.question}`);
    expect(first.text).toContain("Sam Whitaker asked you to review");
    expect(first.text).toContain("The review is due on 31 January 2030.");
    expect(first.text).toContain(`https://vetted.example/editor/articles/${article.articleId}/review`);
    expect(first.text).toContain("https://vetted.example/account/notifications");
    expect(first.unsubscribe).toMatch(/^https:\/\/vetted\.example\/unsubscribe\?token=\d+\.assigned\./);
    expect(first.html).toContain(`href="https://vetted.example/editor/articles/${article.articleId}/review"`);
    expect(inbox(people.editor.id)).toEqual([]);
  });

  it("a review comment goes to the author and the assigning editor, not the commenter", () => {
    addReviewer(people.admin, { revisionId: article.revisionId, reviewerId: people.reviewer3.id, dueDate: "2030-02-01" });
    sql().exec("DELETE FROM mail_messages; DELETE FROM notifications;");
    addReviewComment(people.reviewer3, { revisionId: article.revisionId, body: "Please cite the 2021 guideline." });
    const told = all<{ email: string; kind: string }>(
      "SELECT u.email, n.kind FROM notifications n JOIN users u ON u.id = n.user_id ORDER BY u.email",
    );
    expect(told).toEqual([
      { email: "admin@vetted.test", kind: "review_comment" },
      { email: "editor@vetted.test", kind: "review_comment" },
    ]);
    expect(mails().map((m) => m.subject)).toEqual([`New review comment: ${article.question}`, `New review comment: ${article.question}`]);
  });

  it("a retraction tells the editors and reviewers of each live or in-review article citing it, once each, not the actor", () => {
    const { id } = all<{ id: number }>("SELECT id FROM library_references WHERE citekey = 'american2020'")[0];
    const citing = all<{ id: number }>(
      "SELECT DISTINCT a.id FROM articles a JOIN revision_citations c ON c.revision_id IN (a.live_revision_id, a.working_revision_id) WHERE c.reference_id = ?",
      id,
    );
    expect(citing.length).toBeGreaterThan(0);
    setReferenceRetracted(people.admin, id, true, "Withdrawn by the publisher");
    const rows = all<{ user_id: number; article_id: number; message: string }>(
      "SELECT user_id, article_id, message FROM notifications WHERE kind = 'reference_retracted'",
    );
    expect(rows.some((r) => r.user_id === people.editor.id)).toBe(true);
    expect(rows.some((r) => r.user_id === people.admin.id)).toBe(false);
    expect(new Set(rows.map((r) => `${r.user_id}:${r.article_id}`)).size).toBe(rows.length);
    expect(rows[0].message).toContain("american2020, which was just marked retracted (Withdrawn by the publisher)");
    // Marking it again (a new note) is not news.
    const before = rows.length;
    setReferenceRetracted(people.admin, id, true, "Still withdrawn");
    expect(all("SELECT id FROM notifications WHERE kind = 'reference_retracted'")).toHaveLength(before);
    setReferenceRetracted(people.admin, id, false, "");
  });

  it("a reader question goes to every active editor and admin, in the digest by default", () => {
    expect(
      askFollowUpQuestion({
        slug: "first-line-treatment-acute-low-back-pain",
        question: "Does heat help?",
        email: null,
        audience: "patient",
        ip: "198.51.100.7",
        limit: 5,
      }),
    ).toBe("stored");
    expect(inbox(people.editor.id).map((n) => n.kind)).toEqual(["question"]);
    expect(inbox(people.admin.id).map((n) => n.kind)).toEqual(["question"]);
    expect(inbox(people.reviewer1.id)).toEqual([]);
    expect(mails()).toEqual([]);
    expect(all("SELECT id FROM notifications WHERE digest_pending = 1")).toHaveLength(2);
  });
});

describe("the user's choice", () => {
  it("off: no mail, but the inbox row stays", () => {
    expect(saveNotificationPreferences(people.reviewer1, { assigned: "off" })).toBe(1);
    tell(people.reviewer1.id, { eventKey: "off" });
    expect(inbox(people.reviewer1.id)).toHaveLength(1);
    expect(mails()).toEqual([]);
  });

  it("security can't be turned off, by the form or a link", () => {
    expect(saveNotificationPreferences(people.reviewer1, { security: "off" })).toBe(0);
    expect(unsubscribeFromKind(people.reviewer1.id, "security")).toEqual({ ok: false });
    writeTransaction((tx) => notify(tx, people.reviewer1.id, "security", "Your password was changed.", {}, { eventKey: "pw" }));
    expect(mails().map((m) => [m.kind, m.unsubscribe])).toEqual([["security", null]]);
  });

  it("the unsubscribe link turns one kind off and is audited as the user's act", () => {
    expect(unsubscribeFromKind(people.reviewer2.id, "assigned")).toEqual({ ok: true, label: "Assigned to you", alreadyOff: false });
    expect(unsubscribeFromKind(people.reviewer2.id, "assigned")).toEqual({ ok: true, label: "Assigned to you", alreadyOff: true });
    const [audit] = all<{ action: string; actor_id: number; summary: string }>(
      "SELECT action, actor_id, summary FROM audit_events WHERE action = 'notifications.unsubscribe' ORDER BY id DESC LIMIT 1",
    );
    expect(audit.actor_id).toBe(people.reviewer2.id);
    expect(JSON.parse(audit.summary)).toMatchObject({ kind: "assigned", before: "immediate", after: "off" });
    tell(people.reviewer2.id, { eventKey: "after-unsubscribe" });
    expect(mails()).toEqual([]);
  });

  it("digest: nothing at once, then one message from the daily job listing every item, and nothing more on a re-run", async () => {
    saveNotificationPreferences(people.reviewer1, { assigned: "digest", sign_off_again: "digest" });
    tell(people.reviewer1.id, { eventKey: "d1" });
    tell(people.reviewer1.id, { eventKey: "d2" });
    writeTransaction((tx) =>
      notify(tx, people.reviewer1.id, "sign_off_again", "Your approval no longer counts.", article, { eventKey: "d3" }),
    );
    expect(mails()).toEqual([]);

    const now = new Date("2030-03-10T08:00:00.000Z");
    writeTransaction((tx) => enqueueJob(tx, { kind: DIGEST_JOB, key: "digest-run-1", runAt: now }));
    const run = () => runNextJob({ definitions: JOB_DEFINITIONS, workerId: "digest-test", now: () => now });
    expect(await run()).toBe(true);
    const [digest, ...rest] = mails();
    expect(rest).toEqual([]);
    expect(digest.key).toBe(`digest:${people.reviewer1.id}:2030-03-10`);
    expect(digest.subject).toBe("Your Vetted digest for 10 March 2030: 3 updates");
    expect(digest.text).toContain("Assigned to you (2)");
    expect(digest.text).toContain("Needs your sign-off again (1)");
    expect(digest.text).toContain(`https://vetted.example/editor/articles/${article.articleId}/review`);
    expect(all("SELECT id FROM notifications WHERE digest_pending = 1")).toEqual([]);
    // The next day's occurrence is queued; running the same day's digest again sends nothing.
    expect(all("SELECT id FROM jobs WHERE kind = ? AND status = 'queued'", DIGEST_JOB)).toHaveLength(1);
    writeTransaction((tx) => enqueueJob(tx, { kind: DIGEST_JOB, key: "digest-run-2", runAt: now }));
    expect(await run()).toBe(true);
    expect(mails()).toHaveLength(1);
  });

  it("a changed digest hour moves the queued digest", () => {
    const before = getSiteSettings();
    rescheduleDigest(new Date("2030-03-10T06:00:00.000Z"));
    expect(all<{ run_at: string }>("SELECT run_at FROM jobs WHERE kind = ? AND status = 'queued'", DIGEST_JOB)).toEqual([
      { run_at: "2030-03-10T08:00:00.000Z" },
    ]);
    saveSiteSettings(people.admin, { ...before, digestHour: 17, timeZone: "Europe/London" });
    try {
      rescheduleDigest(new Date("2030-03-10T06:00:00.000Z"));
      expect(all<{ run_at: string; status: string }>("SELECT run_at, status FROM jobs WHERE kind = ? ORDER BY id", DIGEST_JOB)).toEqual([
        { run_at: "2030-03-10T08:00:00.000Z", status: "cancelled" },
        { run_at: "2030-03-10T17:00:00.000Z", status: "queued" },
      ]);
    } finally {
      saveSiteSettings(people.admin, before);
    }
    rescheduleDigest(new Date("2030-03-10T06:00:00.000Z"));
    expect(all<{ run_at: string }>("SELECT run_at FROM jobs WHERE kind = ? AND status = 'queued'", DIGEST_JOB)).toEqual([
      { run_at: "2030-03-10T08:00:00.000Z" },
    ]);
  });
});
