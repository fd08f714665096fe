import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "../helpers/session";
import { createUser, e2eDb } from "../helpers/e2e-db";
import { postAction } from "../helpers/raw-action";

const ADMIN_PAGES = ["/admin/users", "/admin/users/new", "/admin/users/1", "/admin/settings", "/admin/audit"];

type Snapshot = { user: unknown; settings: unknown; profile: unknown; created: unknown };

/** Everything an admin action could change about the target, to prove a refusal changed nothing. */
function snapshot(targetId: number, newEmail: string): Snapshot {
  const db = e2eDb();
  try {
    return {
      user: db
        .prepare("SELECT role, active, session_version, password_hash, must_change_password, name FROM users WHERE id = ?")
        .get(targetId),
      settings: db.prepare("SELECT key, value FROM site_settings ORDER BY key").all(),
      profile: db.prepare("SELECT * FROM board_profiles WHERE user_id = ?").get(targetId),
      created: db.prepare("SELECT id FROM users WHERE email = ?").get(newEmail),
    };
  } finally {
    db.close();
  }
}

/** Each admin action with arguments that would succeed for an admin. */
function adminCalls(targetId: number, newEmail: string): [string, string, unknown[]][] {
  return [
    [
      "createUserAction",
      "lib/actions/users.ts",
      [{ name: "Intruder", email: newEmail, role: "admin", temporaryPassword: "intruder-password-2026" }],
    ],
    ["changeUserRoleAction", "lib/actions/users.ts", [{ userId: targetId, role: "admin" }]],
    ["setUserActiveAction", "lib/actions/users.ts", [{ userId: targetId, active: false }]],
    ["resetUserPasswordAction", "lib/actions/users.ts", [{ userId: targetId, temporaryPassword: "intruder-password-2026" }]],
    ["signOutEverywhereAction", "lib/actions/users.ts", [{ userId: targetId }]],
    [
      "saveSiteSettingsAction",
      "lib/actions/settings.ts",
      [
        {
          siteName: "Hijacked",
          requiredApprovals: 1,
          reviewIntervalMonths: 12,
          publishPolicy: "on-submit",
          defaultAudience: "patient",
          readabilityTarget: 8,
          clinicianDisclaimer: "x",
          patientDisclaimer: "x",
          editorialPolicy: "x",
        },
      ],
    ],
    [
      "saveBoardProfileAction",
      "lib/actions/board-profiles.ts",
      [{ userId: targetId, name: "Hijacked", credentials: "MD", specialty: "Hijacking", bio: "", isPublic: true }],
    ],
  ];
}

test.describe("administration is for administrators only", () => {
  for (const who of ["editor", "reviewer1"] as const) {
    test(`${who} gets "not found" on every admin page`, async ({ page }) => {
      await signIn(page, DEMO[who]);
      for (const path of ADMIN_PAGES) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(404);
        await expect(page.getByRole("heading", { name: "We couldn't find that page" }), path).toBeVisible();
      }
      await expect(page.getByRole("link", { name: "Users" })).toHaveCount(0);
    });

    test(`${who} is refused by every admin action as a raw POST, and nothing changes`, async ({ page }) => {
      const target = await createUser("reviewer");
      const newEmail = `intruder-${who}-${Date.now()}@vetted.test`;
      await signIn(page, DEMO[who]);
      const before = snapshot(target.id, newEmail);
      for (const [name, file, args] of adminCalls(target.id, newEmail)) {
        const body = await postAction(page.request, name, file, args, "/admin/users");
        expect(body, name).toContain("You don't have permission");
      }
      expect(snapshot(target.id, newEmail)).toEqual(before);
    });
  }

  test("a signed-out client is refused by every admin action, and nothing changes", async ({ request }) => {
    const target = await createUser("reviewer");
    const newEmail = `intruder-anon-${Date.now()}@vetted.test`;
    const before = snapshot(target.id, newEmail);
    for (const [name, file, args] of adminCalls(target.id, newEmail)) {
      const body = await postAction(request, name, file, args, "/admin/users");
      expect(body, name).not.toMatch(/"ok":true/);
    }
    expect(snapshot(target.id, newEmail)).toEqual(before);
  });

  test("a reviewer edits their own board profile but not another's", async ({ page }) => {
    const me = await createUser("reviewer");
    const other = await createUser("reviewer");
    await signIn(page, me.email, me.password);
    await page.getByRole("link", { name: "Account" }).click();
    await page.getByRole("link", { name: "Your board profile" }).click();
    await page.getByLabel("Credentials").fill("MD, FACOG");
    await page.getByLabel("Specialty").fill("Obstetrics");
    await page.getByLabel("Short bio").fill("Practises in a teaching hospital.");
    await page.getByLabel(/List me on the public board page/).check();
    await page.getByRole("button", { name: "Save profile" }).click();
    await expect(page.getByText("Profile saved. It is listed on the public board page.")).toBeVisible();
    const db = e2eDb();
    expect(db.prepare("SELECT credentials, specialty, is_public FROM board_profiles WHERE user_id = ?").get(me.id)).toEqual({
      credentials: "MD, FACOG",
      specialty: "Obstetrics",
      is_public: 1,
    });
    db.close();

    const body = await postAction(page.request, "saveBoardProfileAction", "lib/actions/board-profiles.ts", [
      { userId: other.id, name: "Hijacked", credentials: "MD", specialty: "x", bio: "", isPublic: true },
    ]);
    expect(body).toContain("You don't have permission to edit this board profile.");
    const check = e2eDb();
    expect((check.prepare("SELECT name FROM users WHERE id = ?").get(other.id) as { name: string }).name).not.toBe("Hijacked");
    check.close();
  });
});
