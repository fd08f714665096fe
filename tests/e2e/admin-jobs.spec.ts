import { randomUUID } from "node:crypto";
import { e2eDb } from "../helpers/e2e-db";
import { expect, test } from "../helpers/fixtures";

/**
 * Admins see the job queue and the mail outbox: a failed job with its error is retried, a queued
 * one cancelled after a confirmation (both audited), and a message in the outbox is read in full.
 * The jobs here use a kind no handler knows and a date far ahead, so the server's runner leaves
 * the queued one alone and ends a retried one as failed again with a readable reason.
 */
const key = (what: string) => `e2e-${what}-${randomUUID()}`;
const insert = (sql: string, ...params: unknown[]) => {
  const db = e2eDb();
  try {
    return Number(db.prepare(sql).run(...params).lastInsertRowid);
  } finally {
    db.close();
  }
};
const row = <T>(sql: string, ...params: unknown[]) => {
  const db = e2eDb();
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
};

test.describe("background jobs and mail for admins", () => {
  test("a failed job shows its error and can be retried; a queued one cancelled after confirming", async ({ pageAs, staff }) => {
    const failed = insert(
      "INSERT INTO jobs (kind, idempotency_key, status, run_at, attempts, max_attempts, last_error, done_at) VALUES ('e2e.unknown', ?, 'failed', ?, 8, 8, 'SMTP said 451: try again later', ?)",
      key("failed"),
      new Date().toISOString(),
      new Date().toISOString(),
    );
    const queued = insert(
      "INSERT INTO jobs (kind, idempotency_key, status, run_at) VALUES ('e2e.later', ?, 'queued', '2099-01-01T00:00:00.000Z')",
      key("queued"),
    );
    const page = await pageAs(staff.admin, "/admin/jobs?status=failed");
    await expect(page.getByRole("heading", { level: 1, name: "Background jobs" })).toBeVisible();
    const failedRow = page.locator(`tr[data-job-id="${failed}"]`);
    await expect(failedRow).toContainText("SMTP said 451: try again later");
    await expect(failedRow).toContainText("8 of 8");
    await failedRow.getByRole("button", { name: `Retry job ${failed} (e2e.unknown)` }).click();
    await expect(failedRow.getByText("Queued again: the e2e.unknown job runs within a few seconds.")).toBeVisible();
    // The runner takes it at once and, with no handler for the kind, fails it again on its first attempt.
    await expect.poll(() => row<{ attempts: number }>("SELECT attempts FROM jobs WHERE id = ?", failed).attempts).toBeLessThan(8);
    expect(
      row<{ n: number }>(
        "SELECT count(*) AS n FROM audit_events WHERE action = 'job.retry' AND target_id = ? AND actor_id = ?",
        String(failed),
        staff.admin.id,
      ).n,
    ).toBe(1);

    await page.goto("/admin/jobs?status=queued");
    const queuedRow = page.locator(`tr[data-job-id="${queued}"]`);
    await queuedRow.getByRole("button", { name: `Cancel job ${queued} (e2e.later)` }).click();
    const dialog = page.getByRole("alertdialog").or(page.getByRole("dialog"));
    await expect(dialog).toContainText("The e2e.later job will not run.");
    await dialog.getByRole("button", { name: "Cancel the job" }).click();
    await expect(queuedRow.getByText("Cancelled: the e2e.later job will not run.")).toBeVisible();
    expect(row<{ status: string }>("SELECT status FROM jobs WHERE id = ?", queued).status).toBe("cancelled");
    expect(
      row<{ n: number }>("SELECT count(*) AS n FROM audit_events WHERE action = 'job.cancel' AND target_id = ?", String(queued)).n,
    ).toBe(1);
  });

  test("a message kept in the outbox is listed and read in full", async ({ pageAs, staff }) => {
    const subject = `Review requested ${randomUUID().slice(0, 8)}`;
    const id = insert(
      "INSERT INTO mail_messages (kind, idempotency_key, to_address, subject, text_body, html_body, message_id, status) VALUES ('assigned', ?, 'reviewer@fixture.test', ?, ?, '<p>html</p>', ?, 'outbox')",
      key("mail"),
      subject,
      "Dr. Fixture,\n\nPlease review the article.\n\nOpen the review: http://127.0.0.1/editor/articles/1/review\n",
      `<${randomUUID()}@vetted.test>`,
    );
    const page = await pageAs(staff.admin, "/admin/mail");
    await page.getByRole("link", { name: subject }).click();
    await expect(page).toHaveURL(new RegExp(`/admin/mail\\?id=${id}`));
    await expect(page.getByRole("heading", { level: 2, name: subject })).toBeVisible();
    await expect(page.getByText("In the outbox (not sent)").first()).toBeVisible();
    await expect(page.getByText("Open the review: http://127.0.0.1/editor/articles/1/review")).toBeVisible();
  });

  test("are not for editors", async ({ pageAs, staff }) => {
    const page = await pageAs(staff.editor, "/admin/jobs");
    await expect(page.getByRole("heading", { name: "We couldn't find that page" })).toBeVisible();
    await page.goto("/admin/mail");
    await expect(page.getByRole("heading", { name: "We couldn't find that page" })).toBeVisible();
  });
});
