import { expect, test, type Page } from "@playwright/test";
import { DEMO, signIn } from "../helpers/session";
import { createUser, e2eDb } from "../helpers/e2e-db";

/**
 * A board member with more open reviews than fit on one page: a reviewer of its own, so the
 * demo reviewers' assignment lists other specs check are untouched. The fixture articles are
 * submitted (open for review) and dated long ago, so they sort after every other article in
 * the editors' newest-first queues and reader lists.
 */
const COUNT = 30;
let reviewer: { id: number; email: string; password: string };
const marker = `paging-${Date.now()}`;
const question = (n: number) => `Paging fixture ${String(n).padStart(2, "0")} (${marker}): does it page?`;

test.beforeAll(async () => {
  reviewer = await createUser("reviewer");
  const db = e2eDb();
  try {
    db.transaction(() => {
      const editorId = (db.prepare("SELECT id FROM users WHERE email = ?").get(DEMO.editor) as { id: number }).id;
      const longAgo = "2001-01-01T00:00:00.000Z";
      for (let n = 1; n <= COUNT; n++) {
        const articleId = (
          db
            .prepare(
              "INSERT INTO articles (slug, topic, created_by_id, created_at, updated_at) VALUES (?, 'Paging fixtures', ?, ?, ?) RETURNING id",
            )
            .get(`${marker}-${n}`, editorId, longAgo, longAgo) as { id: number }
        ).id;
        const revisionId = (
          db
            .prepare(
              `INSERT INTO revisions (article_id, number, question, clinician_body, patient_body, disclosure, state, content_hash, author_id, submitted_at, created_at, updated_at)
               VALUES (?, 1, ?, 'C.', 'P.', 'None.', 'submitted', ?, ?, ?, ?, ?) RETURNING id`,
            )
            .get(articleId, question(n), "c".repeat(64), editorId, longAgo, longAgo, longAgo) as { id: number }
        ).id;
        db.prepare("UPDATE articles SET working_revision_id = ? WHERE id = ?").run(revisionId, articleId);
        // Due one day apart in fixture order; the last has no due date, so it is listed last.
        const due = n < COUNT ? new Date(Date.UTC(2031, 0, n)).toISOString() : null;
        db.prepare("INSERT INTO review_assignments (revision_id, reviewer_id, assigned_by_id, due_at) VALUES (?, ?, ?, ?)").run(
          revisionId,
          reviewer.id,
          editorId,
          due,
        );
      }
    }).immediate();
  } finally {
    db.close();
  }
});

const assigned = (page: Page) => page.getByRole("region", { name: "Assigned to you" });
const listed = (page: Page) => assigned(page).getByRole("link", { name: new RegExp(`Paging fixture \\d+ \\(${marker}\\)`) });
const pager = (page: Page) => assigned(page).getByRole("navigation", { name: "Assigned reviews pages" });

async function expectPage(page: Page, n: number, first: number, last: number) {
  await expect(pager(page).locator("[aria-current=page]")).toHaveText(`Page ${n} of 2`);
  await expect(listed(page)).toHaveCount(last - first + 1);
  await expect(listed(page).first()).toHaveText(question(first));
  await expect(listed(page).last()).toHaveText(question(last));
}

test.describe("a reviewer's assignments, a page at a time", () => {
  test.slow();

  test("25 per page, soonest due first, Next and Previous by keyboard, and a bad page number never fails", async ({ page }) => {
    await signIn(page, reviewer.email, reviewer.password);
    await expect(assigned(page).getByText(`${COUNT} open reviews`)).toBeVisible();
    await expectPage(page, 1, 1, 25);
    // No way back from the first page.
    await expect(pager(page).getByRole("link", { name: "Previous page" })).toHaveCount(0);

    await pager(page).getByRole("link", { name: "Next page" }).press("Enter");
    await expect(page).toHaveURL(/\/dashboard\?page=2$/);
    await expectPage(page, 2, 26, 30);
    await expect(pager(page).getByRole("link", { name: "Next page" })).toHaveCount(0);
    // The undated assignment comes last.
    await expect(
      assigned(page)
        .getByRole("listitem")
        .filter({ hasText: question(30) }),
    ).toContainText("No due date");

    await pager(page).getByRole("link", { name: "Previous page" }).press("Enter");
    await expect(page).toHaveURL(/\/dashboard$/);
    await expectPage(page, 1, 1, 25);

    await page.goto("/dashboard?page=999");
    await expectPage(page, 2, 26, 30);
    for (const bad of ["abc", "0", "-1", "1.5"]) {
      await page.goto(`/dashboard?page=${bad}`);
      await expectPage(page, 1, 1, 25);
    }
  });
});
