import type { Browser, Page } from "@playwright/test";
import { createFixtureArticle, createStaffUser, expect, pageWithFormSignIn, test, type StaffUser } from "../helpers/fixtures";
import { auditActionsFor, e2eDb } from "../helpers/e2e-db";
import { saveStatus } from "../helpers/editor";
import { waitForMail } from "../helpers/mailbox";
import { enrolTwoFactor, totpCode } from "../helpers/two-factor";

/**
 * Issue 20, parts 1–3: two-factor enrolment and sign-in (code, recovery code, reuse, stale and
 * far-off codes, lockout), signing with password and code, and sessions (list, end another one,
 * admin ending one, idle timeout with the editor's unsaved text kept). Each test owns its users.
 */
test.describe.configure({ mode: "parallel" });

const codeError = (page: Page) => page.locator("[data-alert=error]");

function audited(userId: number, action: string): Record<string, unknown>[] {
  const db = e2eDb();
  try {
    return (
      db
        .prepare("SELECT summary FROM audit_events WHERE target_type = 'user' AND target_id = ? AND action = ? ORDER BY id")
        .all(String(userId), action) as { summary: string }[]
    ).map((r) => JSON.parse(r.summary) as Record<string, unknown>);
  } finally {
    db.close();
  }
}

function dbGet<T>(sql: string, ...params: unknown[]): T {
  const db = e2eDb();
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
}

/** Email and password through the form, up to the code step. */
async function passwordStep(browser: Browser, user: StaffUser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByLabel("Authentication code")).toBeVisible();
  return page;
}

async function enterCode(page: Page, code: string) {
  await page.getByLabel("Authentication code").fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
}

test("enrol with a confirming code (a stale one is refused), then sign in with a code and with a recovery code; reused codes are refused", async ({
  browser,
}) => {
  const user = await createStaffUser("editor");
  const page = await pageWithFormSignIn(browser, user);
  await page.goto("/account/security");
  await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  const secret = (await page.getByTestId("totp-key").textContent())!.replace(/\s+/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  expect(dbGet<{ secret_enc: string }>("SELECT secret_enc FROM two_factor WHERE user_id = ?", user.id).secret_enc).not.toContain(secret);

  // A code from ten minutes ago: refused, audited, nothing turned on.
  await page.getByLabel("Code from your app").fill(totpCode(secret, -20));
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.locator("#totp-code-error")).toHaveText("That code is not correct. Enter the current 6-digit code from your app.");
  expect(dbGet<{ enabled_at: string | null }>("SELECT enabled_at FROM two_factor WHERE user_id = ?", user.id).enabled_at).toBeNull();
  expect(audited(user.id, "auth.2fa_failed")).toEqual([expect.objectContaining({ purpose: "enrol", reason: "wrong" })]);

  const enrolCode = totpCode(secret);
  await page.getByLabel("Code from your app").fill(enrolCode);
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  const recovery = page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(recovery).toHaveCount(10);
  const codes = (await recovery.allTextContents()).map((c) => c.trim());
  await page.getByRole("button", { name: "I have saved my recovery codes" }).click();
  await expect(page.getByText("10 of 10 recovery codes left")).toBeVisible();
  await page.context().close();

  // Sign in: the password alone is not enough; the enrolment's code can't be used again.
  const second = await passwordStep(browser, user);
  await enterCode(second, enrolCode);
  await expect(codeError(second)).toHaveText("That code was already used. Wait for the next code in your app.");
  await enterCode(second, "000000" === totpCode(secret, 1) ? "111111" : "000000");
  await expect(codeError(second)).toHaveText(/That code is not correct/);
  await enterCode(second, totpCode(secret, 1));
  await expect(second).toHaveURL(/\/dashboard/);
  await second.context().close();

  // A recovery code signs in once.
  const third = await passwordStep(browser, user);
  await enterCode(third, codes[3].toLowerCase());
  await expect(third).toHaveURL(/\/dashboard/);
  await third.goto("/account/security");
  await expect(third.getByText("9 of 10 recovery codes left")).toBeVisible();
  await expect(third.getByText("Signed in with: Password and recovery code")).toBeVisible();
  await third.context().close();
  const fourth = await passwordStep(browser, user);
  await enterCode(fourth, codes[3]);
  await expect(codeError(fourth)).toHaveText(/That code is not correct/);
  await fourth.context().close();

  const signIns = audited(user.id, "auth.sign_in").map((s) => s.factors);
  expect(signIns).toEqual(["password", "password+totp", "password+recovery"]);
  expect(audited(user.id, "auth.2fa_failed").map((s) => s.reason)).toEqual(["wrong", "reused", "wrong", "wrong"]);
  expect(auditActionsFor(user.id)).toEqual(
    expect.arrayContaining(["account.2fa_enrol_started", "account.2fa_enabled", "auth.sign_in_password_ok"]),
  );
});

test("five wrong codes lock the second step, even for the right code, and say until when", async ({ browser }) => {
  const user = await createStaffUser("editor");
  const secret = enrolTwoFactor(user.id);
  const page = await passwordStep(browser, user);
  const right = totpCode(secret);
  for (let i = 0; i < 5; i++) {
    await enterCode(page, String((Number(right) + 1 + i) % 1_000_000).padStart(6, "0"));
    await expect(codeError(page)).toBeVisible();
  }
  await expect(codeError(page)).toHaveText(/Too many failed codes\. Try again after \d\d:\d\d UTC\./);
  await enterCode(page, right);
  await expect(codeError(page)).toHaveText(/Too many failed codes/);
  await expect(page).toHaveURL(/\/login/);
  const actions = auditActionsFor(user.id);
  expect(actions.filter((a) => a === "auth.2fa_failed")).toHaveLength(5);
  expect(actions).toContain("auth.2fa_throttle");
  expect(actions).toContain("auth.2fa_throttled");
  expect(actions).not.toContain("auth.sign_in");
  await page.context().close();
});

test("an enrolled reviewer signs an approval with password and a current code; the sign-off records both", async ({ browser, staff }) => {
  const reviewer = await createStaffUser("reviewer");
  const secret = enrolTwoFactor(reviewer.id);
  const article = createFixtureArticle({ author: staff.editor, state: "under_review", reviewers: [reviewer] });
  const page = await passwordStep(browser, reviewer);
  await enterCode(page, totpCode(secret));
  await expect(page).toHaveURL(/\/dashboard/);

  await page.goto(`/editor/articles/${article.articleId}/review`);
  await page.getByRole("button", { name: "Approve" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Your password").fill(reviewer.password);
  // The sign-in's code again: refused, nothing signed.
  await dialog.getByLabel("Code from your authenticator app").fill(totpCode(secret));
  await dialog.getByRole("button", { name: "Sign and approve" }).click();
  await expect(dialog.getByText(/That code was already used.*Nothing was signed\./)).toBeVisible();
  expect(dbGet<{ n: number }>("SELECT count(*) AS n FROM sign_offs WHERE revision_id = ?", article.revisionId).n).toBe(0);

  await dialog.getByLabel("Your password").fill(reviewer.password);
  await dialog.getByLabel("Code from your authenticator app").fill(totpCode(secret, 1));
  await dialog.getByRole("button", { name: "Sign and approve" }).click();
  await expect(page.getByText(/^Signed\./)).toBeVisible();
  await expect(page.locator("[data-signature-factors]")).toHaveText("Signed with: password and authenticator code");
  expect(dbGet<{ factors: string }>("SELECT factors FROM sign_offs WHERE revision_id = ?", article.revisionId).factors).toBe(
    "password+totp",
  );
  await page.context().close();
});

test("sessions: listed with their browser and address, one ended from another browser, one by an admin, one by the idle timeout — and the editor's unsaved text survives", async ({
  browser,
  pageAs,
  staff,
}) => {
  const editor = await createStaffUser("editor");
  const article = createFixtureArticle({ author: editor });
  const first = await pageWithFormSignIn(browser, editor);
  const second = await pageWithFormSignIn(browser, editor);

  // The first browser ends the second's session; the second is sent to sign in at its next request.
  await first.goto("/account/security");
  const sessions = first.getByRole("list", { name: "Open sessions" }).getByRole("listitem");
  await expect(sessions).toHaveCount(2);
  await expect(sessions.filter({ hasText: "This browser" })).toContainText("From 127.0.0.1");
  await sessions
    .filter({ hasNotText: "This browser" })
    .getByRole("button", { name: /^Sign out the session of Chrome on .* from 127\.0\.0\.1$/ })
    .click();
  await expect(sessions).toHaveCount(1);
  await second.goto("/dashboard");
  await expect(second).toHaveURL(/\/login\?/);
  expect(auditActionsFor(editor.id)).toContain("account.session_ended");
  await second.context().close();

  // An admin sees the first browser's session on the user page and ends it.
  const admin = await pageAs(staff.admin, `/admin/users/${editor.id}`);
  const listed = admin.getByRole("list", { name: "Open sessions" }).getByRole("listitem");
  await expect(listed).toHaveCount(1);
  await listed.getByRole("button", { name: /^Sign out the session of/ }).click();
  await expect(admin.getByText("No open sessions.")).toBeVisible();
  await first.goto("/account/security");
  await expect(first).toHaveURL(/\/login\?/);
  expect(auditActionsFor(editor.id)).toContain("user.session_ended");
  await first.context().close();

  // Idle: mid-edit, the session goes 31 minutes without a request (staffIdleMinutes is 30).
  const writer = await pageWithFormSignIn(browser, editor);
  await writer.goto(`/editor/articles/${article.articleId}/edit`);
  await expect(saveStatus(writer)).toBeVisible();
  const db = e2eDb();
  try {
    db.prepare("UPDATE user_sessions SET last_seen_at = ? WHERE user_id = ? AND ended_at IS NULL").run(
      new Date(Date.now() - 31 * 60_000).toISOString(),
      editor.id,
    );
  } finally {
    db.close();
  }
  const text = "Typed after the session went idle; kept by this browser.";
  await writer.getByLabel("Patient wording", { exact: true }).fill(text);
  await expect(writer.getByText(/Your text is kept in this browser\./).first()).toBeVisible({ timeout: 20_000 });
  expect(auditActionsFor(editor.id)).toContain("auth.session_idle_timeout");
  await writer.goto(`/editor/articles/${article.articleId}/edit`);
  await expect(writer).toHaveURL(/\/login\?/);
  await writer.getByLabel("Email").fill(editor.email);
  await writer.getByLabel("Password").fill(editor.password);
  await writer.getByRole("button", { name: "Sign in" }).click();
  await expect(writer).toHaveURL(/\/dashboard|\/edit/);
  await writer.goto(`/editor/articles/${article.articleId}/edit`);
  await expect(writer.getByLabel("Patient wording", { exact: true })).toHaveValue(text);
  await expect(writer.getByText("Unsaved changes from this browser were restored")).toBeVisible();
  await writer.context().close();
});

test("an admin resets a user's second factor: audited, the user is told by mail and signs in with the password again", async ({
  browser,
  pageAs,
  staff,
}) => {
  const user = await createStaffUser("reviewer");
  enrolTwoFactor(user.id);
  const admin = await pageAs(staff.admin, `/admin/users/${user.id}`);
  await admin.getByRole("button", { name: "Reset two-factor sign-in" }).click();
  await admin.getByRole("alertdialog").getByRole("button", { name: "Reset two-factor sign-in" }).click();
  await expect(admin.getByText("Two-factor sign-in: off")).toBeVisible();
  const mail = await waitForMail(user.email, { subject: "Two-factor sign-in was reset on your Vetted account" });
  expect(mail.text).toContain(staff.admin.email);
  expect(auditActionsFor(user.id)).toContain("user.2fa_reset");
  const page = await pageWithFormSignIn(browser, user);
  await page.context().close();
});
