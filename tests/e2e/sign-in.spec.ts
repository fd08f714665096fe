import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "../helpers/session";
import { auditActionsFor, createUser, e2eDb, userActive } from "../helpers/e2e-db";
import { serverActionId } from "../helpers/server-actions";

test.describe("sign-in", () => {
  test("each role signs in and sees its own dashboard", async ({ page }) => {
    await signIn(page, DEMO.admin);
    await expect(page.getByRole("heading", { level: 1, name: "Editorial overview" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Users" })).toBeVisible();
    await expect(page.getByText("Open reader questions:")).toBeVisible();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);

    await signIn(page, DEMO.editor);
    await expect(page.getByRole("heading", { level: 1, name: "Your desk" })).toBeVisible();
    await expect(page.getByRole("main").getByRole("link", { name: "New article" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Users" })).toHaveCount(0);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);

    await signIn(page, DEMO.reviewer1);
    await expect(page.getByRole("heading", { level: 1, name: "Your reviews" })).toBeVisible();
    const assigned = page.getByRole("region", { name: "Assigned to you" });
    await expect(assigned.getByRole("listitem").first()).toBeVisible();
    await expect(page.getByRole("link", { name: "New article" })).toHaveCount(0);
  });

  test("a wrong password gets the one generic message", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(DEMO.editor);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    const error = page.locator("[data-alert=error]");
    await expect(error).toHaveText("The email or password is incorrect.");

    await page.getByLabel("Email").fill("nobody@vetted.test");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(error).toHaveText("The email or password is incorrect.");
    await expect(page).toHaveURL(/\/login/);
  });

  test("five failures lock the account, even for the right password, and say until when", async ({ page }) => {
    const user = await createUser("editor");
    await page.goto("/login");
    const error = page.locator("[data-alert=error]");
    for (let i = 0; i < 5; i++) {
      await page.getByLabel("Email").fill(user.email);
      await page.getByLabel("Password").fill(`wrong-password-${i}`);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(error).toBeVisible();
    }
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(error).toHaveText(/Too many failed sign-in attempts\. Try again after \d\d:\d\d UTC\./);
    await expect(page).toHaveURL(/\/login/);
    const actions = auditActionsFor(user.id);
    expect(actions.filter((a) => a === "auth.sign_in_failed")).toHaveLength(5);
    expect(actions).toContain("auth.throttle");
    expect(actions).toContain("auth.sign_in_throttled");
    expect(actions).not.toContain("auth.sign_in");
  });

  test("a forged X-Forwarded-For header changes neither the address sign-in counts nor the one it audits", async ({ browser }) => {
    const user = await createUser("editor");
    const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.66" } });
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("[data-alert=error]")).toHaveText("The email or password is incorrect.");
    await context.close();
    const db = e2eDb();
    try {
      const failed = db
        .prepare("SELECT summary FROM audit_events WHERE action = 'auth.sign_in_failed' AND target_type = 'user' AND target_id = ?")
        .get(String(user.id)) as { summary: string };
      expect((JSON.parse(failed.summary) as { ip: string }).ip).toBe("127.0.0.1");
      expect(db.prepare("SELECT key FROM rate_limits WHERE key LIKE 'signin:ip:198.51.100.%'").all()).toEqual([]);
    } finally {
      db.close();
    }
  });

  test("a signed-out visit to the dashboard lands on sign-in", async ({ page }) => {
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  });

  test("a deactivated user's open session is refused on its next request", async ({ browser }) => {
    const victim = await createUser("editor");
    const victimContext = await browser.newContext();
    const victimPage = await victimContext.newPage();
    await signIn(victimPage, victim.email, victim.password);
    await expect(victimPage.getByRole("heading", { name: "Your desk" })).toBeVisible();

    const adminContext = await browser.newContext();
    const adminPage = await adminContext.newPage();
    await signIn(adminPage, DEMO.admin);
    await adminPage.goto("/admin/users");
    const row = adminPage.locator(`tr[data-user-email="${victim.email}"]`);
    await row.getByRole("button", { name: "Deactivate" }).click();
    await adminPage.getByRole("alertdialog").getByRole("button", { name: "Deactivate" }).click();
    await expect(row.getByRole("status")).toContainText("deactivated");
    await expect(row).toContainText("Deactivated");

    await victimPage.reload();
    await expect(victimPage).toHaveURL(/\/login/);
    await victimContext.close();
    await adminContext.close();
  });

  test("the deactivation action refuses callers without a session or permission and changes nothing", async ({ request, page }) => {
    const target = await createUser("editor");
    const actionId = serverActionId("setUserActiveAction", "lib/actions/users.ts");
    const call = (client: typeof request) =>
      client.post("/admin/users", {
        headers: { "Next-Action": actionId, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
        data: JSON.stringify([{ userId: target.id, active: false }]),
        maxRedirects: 0,
      });

    const anonymous = await call(request);
    expect(await anonymous.text()).not.toContain("User deactivated");
    expect(userActive(target.id)).toBe(true);

    // Signed in, but as an editor: the action's own permission check answers.
    await signIn(page, DEMO.editor);
    const asEditor = await call(page.request);
    expect(await asEditor.text()).toContain("You don't have permission to manage users.");
    expect(userActive(target.id)).toBe(true);
  });
});
