import { createFixtureArticle, createFixtureReference, expect, test } from "../helpers/fixtures";
import { e2eDb } from "../helpers/e2e-db";

/** Issue 19, freshness: a cited guideline older than guidelineMaxAgeYears (default 5) is a warning reviewers see. */
test("a guideline older than the age limit is a warning on the review page, and does not block", async ({ staff, pageAs }) => {
  const old = createFixtureReference("Fixture guideline on exercise in pregnancy");
  const year = new Date().getUTCFullYear() - 9;
  const db = e2eDb();
  try {
    db.prepare("UPDATE library_references SET type = 'guideline', year = ? WHERE id = ?").run(year, old.id);
  } finally {
    db.close();
  }
  const article = createFixtureArticle({
    author: staff.editor,
    state: "under_review",
    reviewers: [staff.reviewers[0], staff.reviewers[1]],
    cites: [old],
  });

  const page = await pageAs(staff.reviewers[0], `/editor/articles/${article.articleId}/review`);
  const check = page.locator("[data-check=guideline-age]");
  await expect(check).toHaveAttribute("data-status", "warning");
  await expect(check).toContainText("Cited guidelines are at most 5 years old");
  await expect(check).toContainText(`Fixture guideline on exercise in pregnancy (${year})`);
});
