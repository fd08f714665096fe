import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { E2E_MAIL_DIR } from "../../playwright.config";
import { createFixtureArticle, createStaffUser, expect, test, type StaffUser } from "../helpers/fixtures";
import { e2eDb } from "../helpers/e2e-db";
import { waitForMail } from "../helpers/mailbox";

/**
 * What people are told by email, end to end through the real SMTP server of the e2e run: an
 * assignment made in the UI mails the reviewer a deep link that survives sign-in, "off" on
 * /account/notifications stops the mail but keeps the inbox entry, and the one-click unsubscribe
 * link works without signing in (and refuses a forged one).
 */

const count = (query: string, ...params: unknown[]) => {
  const db = e2eDb();
  try {
    return (db.prepare(query).get(...params) as { n: number }).n;
  } finally {
    db.close();
  }
};

/** A message's header block as delivered, folded lines joined. */
const rawHeaders = (file: string) =>
  fs
    .readFileSync(path.join(E2E_MAIL_DIR, file), "utf8")
    .split(/\r?\n\r?\n/)[0]
    .replace(/\r?\n[ \t]+/g, " ");

/** The editor sends a submitted fixture article to review with one reviewer, through the article page. */
async function assignThroughUi(editor: Page, articleId: number, reviewer: StaffUser) {
  await editor.goto(`/editor/articles/${articleId}`);
  await editor.getByLabel(reviewer.name).check();
  await editor.getByLabel("Review due by").fill("2030-06-30");
  await editor.getByRole("button", { name: "Start review" }).click();
  await expect(editor.getByText("Under review", { exact: true })).toBeVisible();
}

test.describe("notification email", () => {
  test("an assignment mails the reviewer a deep link to the review; off stops the mail but not the inbox entry", async ({
    browser,
    pageAs,
    staff,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    const reviewer = await createStaffUser("reviewer");
    const first = createFixtureArticle({ author: staff.editor, state: "submitted" });
    const editor = await pageAs(staff.editor);
    await assignThroughUi(editor, first.articleId, reviewer);

    const mail = await waitForMail(reviewer.email, { subject: first.question });
    const reviewUrl = `${baseURL}/editor/articles/${first.articleId}/review`;
    expect(mail.subject).toBe(`Review requested: ${first.question}`);
    expect(mail.text).toContain(`Hello ${reviewer.name},`);
    expect(mail.text).toContain(`${staff.editor.name} asked you to review “${first.question}”.`);
    expect(mail.text).toContain("The review is due on 30 June 2030.");
    expect(mail.text).toContain(`Open the review: ${reviewUrl}`);
    expect(mail.text).toContain(`${baseURL}/account/notifications`);
    expect(mail.html).toContain(`href="${reviewUrl}"`);
    expect(rawHeaders(mail.file)).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    expect(rawHeaders(mail.file)).toMatch(/^List-Unsubscribe: <http:\/\/[^>]+\/unsubscribe\?token=[^>]+>$/m);
    // The editor acted: they are told nothing of it.
    expect(
      count("SELECT count(*) AS n FROM mail_messages WHERE to_user_id = ? AND subject LIKE ?", staff.editor.id, `%${first.question}%`),
    ).toBe(0);

    // Opened signed out, the link asks for sign-in and then lands on the review page.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(reviewUrl);
    await expect(page).toHaveURL(/\/login\?/);
    await page.getByLabel("Email").fill(reviewer.email);
    await page.getByLabel("Password").fill(reviewer.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(reviewUrl);
    await expect(page.getByRole("heading", { name: first.question })).toBeVisible();

    // The reviewer turns "Assigned to you" off.
    await page.goto("/account/notifications");
    await expect(page.getByText("every notification still appears in your inbox on the dashboard")).toBeVisible();
    const assigned = page.getByRole("group", { name: "Assigned to you" });
    await expect(assigned.getByLabel("Immediately")).toBeChecked();
    await assigned.getByLabel("Off").check();
    await page.getByRole("button", { name: "Save notification settings" }).click();
    await expect(page.getByText("Your notification settings are saved.")).toBeVisible();
    await page.reload();
    await expect(page.getByRole("group", { name: "Assigned to you" }).getByLabel("Off")).toBeChecked();
    await expect(page.getByText("Always sent immediately")).toBeVisible();

    // A second assignment: no message is written for the reviewer, but the inbox shows it.
    const second = createFixtureArticle({ author: staff.editor, state: "submitted" });
    await assignThroughUi(editor, second.articleId, reviewer);
    expect(
      count("SELECT count(*) AS n FROM mail_messages WHERE to_address = ? AND subject LIKE ?", reviewer.email, `%${second.question}%`),
    ).toBe(0);
    expect(count("SELECT count(*) AS n FROM mail_messages WHERE to_address = ?", reviewer.email)).toBe(1);
    await page.goto("/dashboard");
    await expect(page.locator("[data-kind=assigned]").filter({ hasText: second.question })).toBeVisible();
    await context.close();
  });

  test("the unsubscribe link in a mail works signed out, once confirmed, and a forged one is refused", async ({
    browser,
    pageAs,
    staff,
    request,
  }) => {
    test.setTimeout(120_000);
    const reviewer = await createStaffUser("reviewer");
    const article = createFixtureArticle({ author: staff.editor, state: "submitted" });
    await assignThroughUi(await pageAs(staff.editor), article.articleId, reviewer);
    const mail = await waitForMail(reviewer.email, { subject: article.question });
    const line = mail.text.split("\n").find((l) => l.startsWith("Turn these emails off: "));
    const unsubscribeUrl = line!.slice("Turn these emails off: ".length).trim();
    expect(rawHeaders(mail.file)).toContain(`List-Unsubscribe: <${unsubscribeUrl}>`);

    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(unsubscribeUrl);
    await expect(page.getByRole("heading", { name: "Stop “Assigned to you” emails?" })).toBeVisible();
    // Opening the page (as a link scanner would) changes nothing.
    const stored = () => count("SELECT count(*) AS n FROM notification_preferences WHERE user_id = ? AND delivery = 'off'", reviewer.id);
    expect(stored()).toBe(0);
    await page.getByRole("button", { name: "Turn these emails off" }).click();
    await expect(page.getByRole("heading", { name: "You're unsubscribed" })).toBeVisible();
    expect(stored()).toBe(1);
    expect(count("SELECT count(*) AS n FROM audit_events WHERE action = 'notifications.unsubscribe' AND actor_id = ?", reviewer.id)).toBe(
      1,
    );

    // A mail provider's RFC 8058 one-click POST to the same address: still off, no second audit event.
    const oneClick = await request.post(unsubscribeUrl, { form: { "List-Unsubscribe": "One-Click" } });
    expect(oneClick.status()).toBe(200);
    expect(count("SELECT count(*) AS n FROM audit_events WHERE action = 'notifications.unsubscribe' AND actor_id = ?", reviewer.id)).toBe(
      1,
    );

    // A token for another user (the signature no longer matches) gets a clear 400 page.
    const forged = unsubscribeUrl.replace(/token=\d+\./, `token=${staff.editor.id}.`);
    const response = await page.goto(forged);
    expect(response?.status()).toBe(400);
    await expect(page.getByRole("heading", { name: "This unsubscribe link is not valid" })).toBeVisible();
    const forgedPost = await request.post(forged, { form: { "List-Unsubscribe": "One-Click" } });
    expect(forgedPost.status()).toBe(400);
    expect(count("SELECT count(*) AS n FROM notification_preferences WHERE user_id = ?", staff.editor.id)).toBe(0);
    await context.close();

    // The reviewer's settings page shows the kind off.
    const settings = await pageAs(reviewer, "/account/notifications");
    await expect(settings.getByRole("group", { name: "Assigned to you" }).getByLabel("Off")).toBeChecked();
  });
});
