import { expect, test } from "@playwright/test";
import { e2eDb } from "../helpers/e2e-db";
import { DEMO, signIn } from "../helpers/session";

function query<T>(sql: string, ...params: unknown[]): T {
  const db = e2eDb();
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
}

// Whether an administrator is the last active one is a site-wide fact: other specs create admins of
// their own. This file runs with the site-wide specs (one at a time, after all others) and sets the
// other admins aside for the test, then puts them back as they were.
test.describe("the last administrator", () => {
  test("the last active administrator can't be demoted", async ({ page }) => {
    const db = e2eDb();
    let others: number[] = [];
    try {
      others = (
        db.prepare("SELECT id FROM users WHERE role = 'admin' AND active = 1 AND email != ?").all(DEMO.admin) as { id: number }[]
      ).map((r) => r.id);
      for (const id of others) db.prepare("UPDATE users SET active = 0 WHERE id = ?").run(id);
      expect(query<{ n: number }>("SELECT count(*) AS n FROM users WHERE role = 'admin' AND active = 1").n).toBe(1);

      await signIn(page, DEMO.admin);
      const adminId = query<{ id: number }>("SELECT id FROM users WHERE email = ?", DEMO.admin).id;
      await page.goto(`/admin/users/${adminId}`);
      await page.getByRole("combobox", { name: "Role" }).selectOption("editor");
      await page.getByRole("button", { name: "Change role" }).click();
      await page.getByRole("alertdialog").getByRole("button", { name: "Change role" }).click();
      await expect(page.getByRole("region", { name: "Role" }).getByRole("alert")).toHaveText(
        "You can't change the role of the last active administrator.",
      );
      expect(query<{ role: string }>("SELECT role FROM users WHERE id = ?", adminId).role).toBe("admin");
    } finally {
      for (const id of others) db.prepare("UPDATE users SET active = 1 WHERE id = ?").run(id);
      db.close();
    }
  });
});
