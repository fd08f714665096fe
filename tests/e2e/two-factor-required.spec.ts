import { createStaffUser, expect, pageWithFormSignIn, test } from "../helpers/fixtures";
import { e2eDb } from "../helpers/e2e-db";
import { enrolTwoFactor, totpCode } from "../helpers/two-factor";

/**
 * Site-wide (playwright.config.ts SITE_WIDE_SPECS): turning on requireTwoFactor sends every
 * reviewer without a second factor to enrolment before anything else, as the README describes.
 */
test("requireTwoFactor set by an admin sends a reviewer to enrolment first; once enrolled, the dashboard opens", async ({
  browser,
  pageAs,
}) => {
  const reviewer = await createStaffUser("reviewer");
  // The requirement covers administrators too: the admin who turns it on has a second factor
  // already (enrolled after signing in), so the save isn't followed by their own enrolment page.
  const adminUser = await createStaffUser("admin");
  try {
    const admin = await pageAs(adminUser, "/admin/settings");
    enrolTwoFactor(adminUser.id);
    await admin.getByLabel("Two-factor sign-in required for").selectOption({ label: "Administrators and board reviewers (recommended)" });
    await admin.getByRole("button", { name: "Save settings" }).click();
    await expect(admin.getByText(/Settings saved \(1 changed\)/)).toBeVisible();

    const page = await pageWithFormSignIn(browser, reviewer, /\/account\/security\?required=1/);
    await expect(page.getByText("This site requires two-factor sign-in for your role.")).toBeVisible();
    await page.goto("/editor/articles");
    await expect(page).toHaveURL(/\/account\/security\?required=1/);

    await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
    const secret = (await page.getByTestId("totp-key").textContent())!;
    await page.getByLabel("Code from your app").fill(totpCode(secret));
    await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
    await expect(page.getByRole("list", { name: "Recovery codes" })).toBeVisible();
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { level: 1, name: "Your reviews" })).toBeVisible();
    await page.context().close();
  } finally {
    const db = e2eDb();
    try {
      db.prepare("UPDATE site_settings SET value = ? WHERE key = 'requireTwoFactor'").run(JSON.stringify("none"));
      db.prepare("UPDATE users SET active = 0 WHERE id = ?").run(adminUser.id);
    } finally {
      db.close();
    }
  }
});
