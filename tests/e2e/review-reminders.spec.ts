import { createFixtureArticle, expect, test } from "../helpers/fixtures";
import { e2eDb, runJobNow } from "../helpers/e2e-db";
import { mailTo, waitForMail } from "../helpers/mailbox";

/**
 * The running server's minute tick (reminders.tick, lib/dal/reminders.ts) finds an assignment that
 * is already past its escalation point: the reviewer is told it is overdue, and the assigning editor
 * and the admins that it was escalated, in their dashboard inboxes. The due date is written straight
 * into the database (as an editor could only pick a future one); migration 0006's trigger wakes the
 * row, and the spec queues one extra tick due now (runJobNow) rather than wait up to a minute for the
 * next; the runner handles it like any other. The same reminders arrive by email (the e2e server's
 * SMTP sink), once each.
 */
const DAY = 86_400_000;

function notificationsFor(revisionId: number): { userId: number; kind: string }[] {
  const db = e2eDb();
  try {
    return db.prepare("SELECT user_id AS userId, kind FROM notifications WHERE revision_id = ? ORDER BY id").all(revisionId) as {
      userId: number;
      kind: string;
    }[];
  } finally {
    db.close();
  }
}

test.describe("review reminders", () => {
  // A tick, the runner's poll, the mail delivery and the page loads.
  test.describe.configure({ timeout: 90_000 });

  test("an assignment past the escalation point reminds the reviewer and escalates to the assigning editor and admin", async ({
    staff,
    pageAs,
  }) => {
    const reviewer = staff.reviewers[0];
    const article = createFixtureArticle({ author: staff.editor, state: "under_review", reviewers: [reviewer] });
    const db = e2eDb();
    try {
      db.prepare("UPDATE review_assignments SET due_at = ? WHERE revision_id = ? AND reviewer_id = ?").run(
        new Date(Date.now() - 10 * DAY).toISOString(),
        article.revisionId,
        reviewer.id,
      );
    } finally {
      db.close();
    }
    runJobNow("reminders.tick");

    await expect
      .poll(() => notificationsFor(article.revisionId).map((n) => `${n.userId}:${n.kind}`), { timeout: 60_000, intervals: [500] })
      .toEqual(
        expect.arrayContaining([
          `${reviewer.id}:review_overdue`,
          `${staff.editor.id}:review_escalated`,
          `${staff.admin.id}:review_escalated`,
        ]),
      );
    // Once each, however many ticks have run since; the late reviewer is not told of their own escalation.
    const sent = notificationsFor(article.revisionId);
    expect(sent.filter((n) => n.userId === reviewer.id).map((n) => n.kind)).toEqual(["review_overdue"]);
    expect(sent.filter((n) => n.userId === staff.editor.id).map((n) => n.kind)).toEqual(["review_escalated"]);

    const reviewerPage = await pageAs(reviewer);
    const overdue = reviewerPage.locator("[data-kind=review_overdue]").filter({ hasText: article.question });
    await expect(overdue).toContainText("Review overdue");
    await expect(overdue).toContainText(`Your review of “${article.question}” is overdue`);
    await expect(overdue.getByRole("link")).toHaveAttribute("href", `/editor/articles/${article.articleId}/review`);

    const editorPage = await pageAs(staff.editor);
    const escalated = editorPage.locator("[data-kind=review_escalated]").filter({ hasText: article.question });
    await expect(escalated).toContainText("Overdue review escalated");
    await expect(escalated).toContainText(`${reviewer.name}’s review of “${article.question}” is `);
    await expect(escalated).toContainText("days overdue");

    const adminPage = await pageAs(staff.admin);
    await expect(adminPage.locator("[data-kind=review_escalated]").filter({ hasText: article.question })).toBeVisible();

    // By email too (each kind is "Immediately" by default): one message each, with the deep link.
    const reminder = await waitForMail(reviewer.email, { subject: `Review overdue: ${article.question}` });
    expect(reminder.links.some((link) => link.endsWith(`/editor/articles/${article.articleId}/review`))).toBe(true);
    const escalation = await waitForMail(staff.editor.email, { subject: `Overdue review: ${article.question}` });
    expect(escalation.links.some((link) => link.endsWith(`/editor/articles/${article.articleId}`))).toBe(true);
    expect((await mailTo(reviewer.email)).filter((m) => m.subject.includes(article.question)).map((m) => m.subject)).toEqual([
      `Review overdue: ${article.question}`,
    ]);
  });
});
