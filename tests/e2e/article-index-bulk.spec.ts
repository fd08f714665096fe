import { createFixtureArticle, createFixtureReference, expect, test, uniqueTag } from "../helpers/fixtures";
import { e2eDb } from "../helpers/e2e-db";

/**
 * Bulk actions of the staff article index: a re-review of a whole filtered view (30 approved
 * articles of a topic of this test's own, next to drafts the filter leaves out) creates exactly one
 * working revision and one audit event per article; and a reference's page opens the index
 * filtered to the articles citing it.
 */
test("a bulk re-review of 30 filtered articles makes 30 working revisions and 30 audit events", async ({ pageAs, staff }) => {
  const topic = uniqueTag("Bulk topic");
  const approved = Array.from({ length: 30 }, () => createFixtureArticle({ author: staff.editor, topic, state: "approved" }));
  const drafts = Array.from({ length: 3 }, () => createFixtureArticle({ author: staff.editor, topic, state: "draft" }));

  const page = await pageAs(staff.editor, `/editor/articles?topic=${encodeURIComponent(topic)}&state=approved`);
  await expect(page.getByTestId("index-total")).toHaveText("30 articles match");
  await page.getByLabel("All 30 articles in this view").check();
  await page.getByRole("button", { name: "Start re-review" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("Start a re-review of 30 articles?");
  await dialog.getByRole("button", { name: "Start 30 articles" }).click();
  await expect(page.getByText("Started a re-review of 30 articles.")).toBeVisible();

  const ids = approved.map((a) => a.articleId);
  const marks = ids.map(() => "?").join(",");
  const db = e2eDb();
  try {
    const moved = db
      .prepare(
        `SELECT count(*) AS n FROM articles a JOIN revisions r ON r.id = a.working_revision_id WHERE a.id IN (${marks}) AND r.number = 2 AND r.state = 'submitted' AND a.live_revision_id <> a.working_revision_id`,
      )
      .get(...ids) as { n: number };
    expect(moved.n).toBe(30);
    const revisions = db.prepare(`SELECT count(*) AS n FROM revisions WHERE article_id IN (${marks})`).get(...ids) as { n: number };
    expect(revisions.n).toBe(60);
    const events = db
      .prepare(`SELECT count(*) AS n FROM audit_events WHERE action = 'revision.start_re_review' AND article_id IN (${marks})`)
      .get(...ids) as { n: number };
    expect(events.n).toBe(30);
    const untouched = db
      .prepare(`SELECT count(*) AS n FROM revisions WHERE article_id IN (${drafts.map(() => "?").join(",")})`)
      .get(...drafts.map((d) => d.articleId)) as { n: number };
    expect(untouched.n).toBe(3);
  } finally {
    db.close();
  }

  // The same view again: nothing left to re-review; a second run refuses each article and says why.
  await page.goto(`/editor/articles?topic=${encodeURIComponent(topic)}&state=submitted`);
  await expect(page.getByTestId("index-total")).toHaveText("30 articles match");
});

test("a reference's page opens the index filtered to the articles citing it", async ({ pageAs, staff }) => {
  const reference = createFixtureReference("A trial cited from the index");
  const citing = createFixtureArticle({ author: staff.editor, state: "approved", cites: [reference] });
  const page = await pageAs(staff.editor, `/editor/references/${reference.id}`);
  await page.getByRole("link", { name: "Articles citing this reference in the article index" }).click();
  await expect(page).toHaveURL(new RegExp(`/editor/articles\\?ref=${reference.id}$`));
  expect(await page.getByTestId("index-row").getByRole("link").allInnerTexts()).toEqual([citing.question]);
});
