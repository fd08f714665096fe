import { expect, test, type Browser } from "@playwright/test";
import { DEMO, signIn } from "../helpers/session";
import { createUser, e2eDb } from "../helpers/e2e-db";
import { postAction } from "../helpers/raw-action";

const unique = () => `${process.pid}-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

function query<T>(sql: string, ...params: unknown[]): T {
  const db = e2eDb();
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
}

async function signedInAs(browser: Browser, email: string, password?: string, landing?: RegExp) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, password, landing);
  return { context, page };
}

test.describe("user administration", () => {
  test("admin creates a reviewer, who must choose a new password at first sign-in", async ({ browser }) => {
    // Several browsers and sign-ins (argon2 each): give it more than the default time on a busy machine.
    test.slow();
    const id = unique();
    const email = `new-reviewer-${id}@vetted.test`;
    const temporary = `kestrel-${id}-harbour`;
    const admin = await signedInAs(browser, DEMO.admin);
    await admin.page.goto("/admin/users");
    await admin.page.getByRole("link", { name: "New user" }).click();
    await admin.page.getByLabel("Full name").fill(`Dr. Test Reviewer ${id}`);
    await admin.page.getByLabel("Email").fill(email);
    await admin.page.getByRole("combobox", { name: "Role" }).selectOption("reviewer");
    await admin.page.getByLabel("Temporary password").fill(temporary);
    await admin.page.getByRole("button", { name: "Create user" }).click();
    await expect(admin.page).toHaveURL(/\/admin\/users\/\d+\?created=1/);
    await expect(admin.page.getByText("User created.")).toBeVisible();
    await expect(admin.page.getByRole("heading", { level: 1 })).toContainText(`Dr. Test Reviewer ${id}`);

    // Two browsers sign in with the temporary password; both are held at the password page.
    const first = await signedInAs(browser, email, temporary, /\/account\/password\?required=1/);
    const second = await signedInAs(browser, email, temporary, /\/account\/password/);
    await expect(first.page.getByRole("heading", { name: "Choose your password" })).toBeVisible();
    await first.page.goto("/dashboard");
    await expect(first.page).toHaveURL(/\/account\/password/);
    await first.page.goto("/account/profile");
    await expect(first.page).toHaveURL(/\/account\/password/);

    // Server actions refuse the temporary password too, not only pages.
    const userId = query<{ id: number }>("SELECT id FROM users WHERE email = ?", email).id;
    const refused = await postAction(first.page.request, "saveBoardProfileAction", "lib/actions/board-profiles.ts", [
      { userId, name: "Hijacked", credentials: "MD", specialty: "x", bio: "", isPublic: false },
    ]);
    expect(refused).toContain("Your session has ended");
    expect(query<{ name: string }>("SELECT name FROM users WHERE id = ?", userId).name).toBe(`Dr. Test Reviewer ${id}`);

    // A common password is refused with a field error; nothing typed is lost.
    const page = first.page;
    await page.getByLabel("Temporary password").fill(temporary);
    await page.getByLabel("New password", { exact: true }).fill("password1234");
    await page.getByLabel("Repeat the new password").fill("password1234");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.locator("#newPassword-error")).toContainText("common password");
    await expect(page.getByLabel("Temporary password")).toHaveValue(temporary);

    const chosen = `lumbar pelvic girdle ${id}`;
    await page.getByLabel("New password", { exact: true }).fill(chosen);
    await page.getByLabel("Repeat the new password").fill(chosen);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page).toHaveURL(/\/dashboard/);
    await expect(page.getByRole("heading", { name: "Your reviews" })).toBeVisible();
    // This browser's session was re-issued: it stays signed in.
    await page.reload();
    await expect(page.getByRole("heading", { name: "Your reviews" })).toBeVisible();
    // The other browser's session ended.
    await second.page.goto("/dashboard");
    await expect(second.page).toHaveURL(/\/login/);

    // The new password works; the temporary one no longer does.
    const fresh = await browser.newContext();
    const freshPage = await fresh.newPage();
    await freshPage.goto("/login");
    await freshPage.getByLabel("Email").fill(email);
    await freshPage.getByLabel("Password").fill(temporary);
    await freshPage.getByRole("button", { name: "Sign in" }).click();
    await expect(freshPage.locator("[data-alert=error]")).toHaveText("The email or password is incorrect.");
    await signIn(freshPage, email, chosen);
    await expect(freshPage.getByRole("heading", { name: "Your reviews" })).toBeVisible();

    const actions = (
      e2eDb().prepare("SELECT action FROM audit_events WHERE target_type = 'user' AND target_id = ? ORDER BY id").all(String(userId)) as {
        action: string;
      }[]
    ).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(["user.create", "account.password_change"]));
    for (const c of [admin, first, second]) await c.context.close();
    await fresh.close();
  });

  test("creating a user with a taken email or a weak password shows field errors", async ({ page }) => {
    await signIn(page, DEMO.admin);
    await page.goto("/admin/users/new");
    await page.getByLabel("Full name").fill("Someone");
    await page.getByLabel("Email").fill(DEMO.editor);
    await page.getByLabel("Temporary password").fill("short");
    await page.getByRole("button", { name: "Create user" }).click();
    await expect(page.locator("#temporaryPassword-error")).toHaveText("Use at least 12 characters");
    await page.getByLabel("Temporary password").fill("qwerty123456");
    await page.getByRole("button", { name: "Create user" }).click();
    await expect(page.locator("#temporaryPassword-error")).toContainText("most common passwords");
    await page.getByRole("button", { name: "Suggest" }).click();
    await expect(page.getByLabel("Temporary password")).toHaveValue(/^[A-Za-z0-9]{16}$/);
    await page.getByRole("button", { name: "Create user" }).click();
    await expect(page.locator("#email-error")).toHaveText("A user with this email already exists.");
    await expect(page.getByLabel("Full name")).toHaveValue("Someone");
    await expect(page).toHaveURL(/\/admin\/users\/new/);
  });

  test("deactivating a signed-in reviewer ends their session, takes them off open reviews and tells the editor", async ({ browser }) => {
    // Several browsers and sign-ins (argon2 each): give it more than the default time on a busy machine.
    test.slow();
    const reviewer = await createUser("reviewer");
    const db = e2eDb();
    const editorId = (db.prepare("SELECT id FROM users WHERE email = ?").get(DEMO.editor) as { id: number }).id;
    const revision = db
      .prepare(
        "SELECT r.id, r.question FROM revisions r JOIN articles a ON a.working_revision_id = r.id WHERE r.state = 'under_review' LIMIT 1",
      )
      .get() as { id: number; question: string };
    db.prepare("INSERT INTO review_assignments (revision_id, reviewer_id, assigned_by_id) VALUES (?, ?, ?)").run(
      revision.id,
      reviewer.id,
      editorId,
    );
    db.close();

    const victim = await signedInAs(browser, reviewer.email, reviewer.password);
    await expect(victim.page.getByRole("heading", { name: "Your reviews" })).toBeVisible();

    const admin = await signedInAs(browser, DEMO.admin);
    await admin.page.goto(`/admin/users/${reviewer.id}`);
    await expect(admin.page.getByText("Open reviews")).toBeVisible();
    const access = admin.page.getByRole("region", { name: "Access" });
    await access.getByRole("button", { name: "Deactivate" }).click();
    await admin.page.getByRole("alertdialog").getByRole("button", { name: "Deactivate" }).click();
    await expect(access.getByRole("status")).toContainText("deactivated");

    await victim.page.reload();
    await expect(victim.page).toHaveURL(/\/login/);

    const check = e2eDb();
    const assignment = check
      .prepare("SELECT removed_at FROM review_assignments WHERE revision_id = ? AND reviewer_id = ?")
      .get(revision.id, reviewer.id) as { removed_at: string | null };
    const note = check
      .prepare("SELECT kind, message FROM notifications WHERE user_id = ? AND revision_id = ? ORDER BY id DESC LIMIT 1")
      .get(editorId, revision.id) as { kind: string; message: string };
    check.close();
    expect(assignment.removed_at).not.toBeNull();
    expect(note.kind).toBe("assignment_removed");
    expect(note.message).toContain(revision.question);
    await victim.context.close();
    await admin.context.close();
  });

  test("sign out everywhere and a password reset end the user's sessions", async ({ browser }) => {
    // Several browsers and sign-ins (argon2 each): give it more than the default time on a busy machine.
    test.slow();
    const editor = await createUser("editor");
    const victim = await signedInAs(browser, editor.email, editor.password);
    const admin = await signedInAs(browser, DEMO.admin);
    await admin.page.goto(`/admin/users/${editor.id}`);
    await admin.page.getByRole("button", { name: "Sign out everywhere" }).click();
    await admin.page.getByRole("alertdialog").getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(admin.page.getByText("Signed out everywhere.")).toBeVisible();
    await victim.page.reload();
    await expect(victim.page).toHaveURL(/\/login/);

    await signIn(victim.page, editor.email, editor.password);
    await admin.page.getByRole("button", { name: "Suggest" }).click();
    const temporary = await admin.page.getByLabel("New temporary password").inputValue();
    await admin.page.getByRole("button", { name: "Reset password" }).click();
    await expect(admin.page.getByText("Password reset.")).toBeVisible();
    await victim.page.reload();
    await expect(victim.page).toHaveURL(/\/login/);
    await signIn(victim.page, editor.email, temporary, /\/account\/password\?required=1/);
    await victim.context.close();
    await admin.context.close();
  });

  test("a role change applies on the user's next request", async ({ browser }) => {
    const user = await createUser("reviewer");
    const member = await signedInAs(browser, user.email, user.password);
    await expect(member.page.getByRole("heading", { name: "Your reviews" })).toBeVisible();
    const admin = await signedInAs(browser, DEMO.admin);
    await admin.page.goto(`/admin/users/${user.id}`);
    await admin.page.getByRole("combobox", { name: "Role" }).selectOption("editor");
    await admin.page.getByRole("button", { name: "Change role" }).click();
    await admin.page.getByRole("alertdialog").getByRole("button", { name: "Change role" }).click();
    await expect(admin.page.getByText("Role changed.")).toBeVisible();
    await member.page.reload();
    await expect(member.page.getByRole("heading", { name: "Your desk" })).toBeVisible();
    await member.context.close();
    await admin.context.close();
  });
});
