import type { Page } from "@playwright/test";
import { auditActionsFor, e2eDb } from "../helpers/e2e-db";
import { createStaffUser, expect, pageWithFormSignIn, test, uniqueTag } from "../helpers/fixtures";
import { mailTo, waitForMail } from "../helpers/mailbox";

/**
 * Password reset by email, through the real SMTP server the e2e server sends to: the mail and its
 * link, the new password replacing the old one and ending every other session, the link working
 * once, the same answer (and no mail) for an unknown address, and the request throttle.
 */

const CONFIRMATION = /If an active account uses that address, we have sent it a link to choose a new password\./;
const NEW_PASSWORD = "Copper kettles sing at dawn 42";

async function askForReset(page: Page, email: string) {
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send me a reset link" }).click();
}

const mailRowsTo = (address: string) => {
  const db = e2eDb();
  try {
    return (db.prepare("SELECT count(*) AS n FROM mail_messages WHERE to_address = ?").get(address) as { n: number }).n;
  } finally {
    db.close();
  }
};

test.describe("password reset by email", () => {
  test("a mailed link sets a new password once, and every session the user had ends", async ({ browser, page }) => {
    test.slow();
    const user = await createStaffUser("editor");
    // Signed in elsewhere before the reset: this session must end.
    const elsewhere = await pageWithFormSignIn(browser, user);

    await page.goto("/login");
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await expect(page).toHaveURL(/\/forgot-password$/);
    await page.getByLabel("Email").fill(user.email);
    await page.getByRole("button", { name: "Send me a reset link" }).click();
    await expect(page.getByTestId("reset-request-result")).toHaveText(CONFIRMATION);

    const mail = await waitForMail(user.email, { subject: "Reset your Vetted password" });
    expect(mail.text).toContain("expires in 30 minutes");
    expect(mail.text).toContain("If you didn't ask, ignore this email");
    const link = mail.links.find((l) => l.includes("/reset-password?token="));
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/reset-password\?token=[A-Za-z0-9_-]{43}$/);
    expect(mail.html).toContain(link!);
    // A security message: no unsubscribe.
    expect(mail.headers.has("list-unsubscribe")).toBe(false);

    await page.goto(link!);
    await expect(page.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
    await expect(page.getByText(`For ${user.email}.`)).toBeVisible();
    // The browser checks the form with the action's schema; the server adds the common-password list.
    await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel("Repeat the new password").fill("Something else entirely 42");
    await page.getByRole("button", { name: "Set new password" }).click();
    await expect(page.getByText("The two new passwords don't match")).toBeVisible();
    await page.getByLabel("New password", { exact: true }).fill("password12345");
    await page.getByLabel("Repeat the new password").fill("password12345");
    await page.getByRole("button", { name: "Set new password" }).click();
    await expect(
      page.getByText(/^That password is (one of the most common passwords|a common password with characters added)/),
    ).toBeVisible();

    await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel("Repeat the new password").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Set new password" }).click();
    await expect(page.getByTestId("reset-result")).toHaveText(/Your password has been changed/);
    const notice = await waitForMail(user.email, { subject: "Your Vetted password was changed" });
    expect(notice.text).toContain("Every session you had open has ended");
    expect(notice.html).toContain("Every session you had open has ended");

    // The other browser is signed out on its next request.
    await elsewhere.goto("/dashboard");
    await expect(elsewhere).toHaveURL(/\/login/);
    await elsewhere.context().close();

    // The old password fails; the new one signs in.
    await page.getByRole("link", { name: "Sign in" }).click();
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("[data-alert=error]")).toHaveText("The email or password is incorrect.");
    await page.getByLabel("Password").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/dashboard/);

    // The link works once.
    const fresh = await (await browser.newContext()).newPage();
    await fresh.goto(link!);
    await expect(fresh.getByRole("heading", { level: 1, name: "This link has already been used" })).toBeVisible();
    await fresh.getByRole("link", { name: "Ask for a new link" }).click();
    await expect(fresh).toHaveURL(/\/forgot-password$/);
    await fresh.context().close();

    const actions = auditActionsFor(user.id);
    expect(actions).toContain("auth.password_reset_requested");
    expect(actions).toContain("user.password_reset");
  });

  test("an unknown address gets the same confirmation, and no mail", async ({ page }) => {
    const nobody = `${uniqueTag("nobody")}@fixture.test`;
    await askForReset(page, nobody);
    await expect(page.getByTestId("reset-request-result")).toHaveText(CONFIRMATION);

    // A real user asking after it gets their mail; by then the unknown address would have had one.
    const user = await createStaffUser("reviewer");
    await askForReset(page, user.email);
    await expect(page.getByTestId("reset-request-result")).toHaveText(CONFIRMATION);
    await waitForMail(user.email, { subject: "Reset your Vetted password" });
    expect(await mailTo(nobody)).toEqual([]);
    expect(mailRowsTo(nobody)).toBe(0);
  });

  test("a reset link that was never issued shows a page that offers a new one", async ({ page }) => {
    await page.goto(`/reset-password?token=${"x".repeat(43)}`);
    await expect(page.getByRole("heading", { level: 1, name: "This link is not valid" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Ask for a new link" })).toHaveAttribute("href", "/forgot-password");
  });

  test("too many requests for one address are throttled with a clear message", async ({ page }) => {
    const user = await createStaffUser("editor");
    for (let i = 0; i < 3; i++) {
      await askForReset(page, user.email);
      await expect(page.getByTestId("reset-request-result")).toHaveText(CONFIRMATION);
    }
    await askForReset(page, user.email);
    await expect(page.locator("[data-alert=error]")).toHaveText(/Too many password reset requests\. Try again after \d\d:\d\d UTC\./);
    expect(auditActionsFor(user.id)).toContain("auth.password_reset_throttled");
  });
});
