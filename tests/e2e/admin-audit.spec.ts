import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "../helpers/session";
import { e2eDb } from "../helpers/e2e-db";

function count(sql: string, ...params: unknown[]): number {
  const db = e2eDb();
  try {
    return (db.prepare(sql).get(...params) as { n: number }).n;
  } finally {
    db.close();
  }
}

test.describe("audit log", () => {
  test("shows that the chain verifies, filters by action, actor and date, and pages", async ({ page, browser }) => {
    test.slow();
    // An editor sign-in, so there is something to find by actor.
    const editorContext = await browser.newContext();
    await signIn(await editorContext.newPage(), DEMO.editor);
    await editorContext.close();

    await signIn(page, DEMO.admin);
    await page.getByRole("link", { name: "Audit log" }).click();
    await expect(page.locator("[data-chain=verified]")).toContainText("Chain verifies.");

    const total = count("SELECT count(*) AS n FROM audit_events");
    if (total > 50) {
      await page.getByRole("link", { name: "Older →" }).click();
      await expect(page).toHaveURL(/page=2/);
      await expect(page.getByText(/page 2 of \d+/)).toBeVisible();
      await expect(page.getByRole("link", { name: "← Newer" })).toBeVisible();
    }

    await page.getByLabel("Action").selectOption("auth.sign_in");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/action=auth.sign_in/);
    const rows = page.locator("tr[data-audit-action]");
    await expect(rows.first()).toBeVisible();
    for (const action of await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-audit-action"))))
      expect(action).toBe("auth.sign_in");

    const editorId = count("SELECT id AS n FROM users WHERE email = ?", DEMO.editor);
    await page.getByLabel("Actor").selectOption(String(editorId));
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(new RegExp(`actor=${editorId}`));
    await expect(rows.first()).toContainText(DEMO.editor);
    // Other tests sign the editor in meanwhile: compare with the database after the page was rendered.
    const shown = Number((await page.getByText(/^\d+ events? · page/).textContent())?.match(/^(\d+)/)?.[1]);
    expect(shown).toBeGreaterThanOrEqual(1);
    expect(shown).toBeLessThanOrEqual(
      count("SELECT count(*) AS n FROM audit_events WHERE action = 'auth.sign_in' AND actor_id = ?", editorId),
    );
    await expect(rows).toHaveCount(Math.min(shown, 50));
    for (const text of await rows.allTextContents()) expect(text).toContain(DEMO.editor);

    // Tomorrow onwards: nothing yet.
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel("From (UTC)").fill(tomorrow);
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page.getByText("No events match these filters.")).toBeVisible();
    await page.getByRole("link", { name: "Clear filters" }).click();
    await expect(page).toHaveURL(/\/admin\/audit$/);
    await expect(rows.first()).toBeVisible();
  });

  test("filters by article", async ({ page }) => {
    // A seeded article: no spec changes those, so its count holds while other workers add events.
    const db = e2eDb();
    const article = db
      .prepare(
        `SELECT article_id AS id, count(*) AS n FROM audit_events
          WHERE article_id IN (SELECT article_id FROM audit_events WHERE action = 'article.create' AND summary LIKE '%"seeded":true%')
          GROUP BY article_id ORDER BY n DESC LIMIT 1`,
      )
      .get() as { id: number; n: number };
    db.close();
    await signIn(page, DEMO.admin);
    await page.goto(`/admin/audit?article=${article.id}`);
    await expect(page.getByLabel("Article")).toHaveValue(String(article.id));
    await expect(page.getByText(new RegExp(`^${article.n} events?`))).toBeVisible();
    await expect(page.locator("tr[data-audit-action]")).toHaveCount(Math.min(article.n, 50));
  });
});
