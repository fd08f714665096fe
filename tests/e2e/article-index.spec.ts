import type { Page } from "@playwright/test";
import { createFixtureArticle, createFixtureReference, expect, test, uniqueTag } from "../helpers/fixtures";
import { e2eDb } from "../helpers/e2e-db";

/**
 * The staff article index (/editor/articles): search by a word of the patient wording and by a
 * cited DOI, combined filters from the form, a bookmarked URL, keyset pages, the CSV export, and a
 * reviewer's view limited to their assignments. Each test works in a topic of its own.
 */
const rowsOf = async (page: Page) => page.getByTestId("index-row").getByRole("link").allInnerTexts();

test("finds an article by a word only its patient wording has, and by a DOI it cites", async ({ pageAs, staff }) => {
  const word = uniqueTag("zq").replace(/[^a-z0-9]/g, "");
  const topic = uniqueTag("Index topic");
  const byWord = createFixtureArticle({
    author: staff.editor,
    topic,
    patientBody: `Most people feel better after ${word} exercises. Ask your doctor first.`,
  });
  createFixtureArticle({ author: staff.editor, topic });
  const reference = createFixtureReference("A trial the index can find by DOI");
  const doi = `10.5555/${uniqueTag("idx").toLowerCase()}`;
  const db = e2eDb();
  try {
    db.prepare("UPDATE library_references SET doi = ? WHERE id = ?").run(doi, reference.id);
  } finally {
    db.close();
  }
  const citing = createFixtureArticle({ author: staff.editor, topic, state: "approved", cites: [reference] });

  const page = await pageAs(staff.editor, "/editor/articles");
  await page.getByLabel("Search").fill(word);
  await page.getByRole("button", { name: "Show articles" }).click();
  await expect(page).toHaveURL(new RegExp(`q=${word}`));
  expect(await rowsOf(page)).toEqual([byWord.question]);
  await expect(page.getByTestId("index-total")).toHaveText("1 article matches");

  await page.goto(`/editor/articles?q=${encodeURIComponent(`https://doi.org/${doi.toUpperCase()}`)}`);
  expect(await rowsOf(page)).toEqual([citing.question]);
  await expect(page.getByText(`Articles citing @${reference.citekey}`)).toBeVisible();
});

test("combined filters from the form, a bookmarked URL, and a CSV of the same view", async ({ pageAs, staff }) => {
  const topic = uniqueTag("Index combo");
  const [r1, r2] = staff.reviewers;
  const wanted = createFixtureArticle({ author: staff.editor, topic, state: "under_review", reviewers: [r1] });
  createFixtureArticle({ author: staff.editor, topic, state: "under_review", reviewers: [r2] });
  createFixtureArticle({ author: staff.editor, topic, state: "draft" });
  createFixtureArticle({ author: staff.editor, topic, state: "approved" });

  const page = await pageAs(staff.editor, "/editor/articles");
  await page.getByLabel("Topic").selectOption(topic);
  await page.getByLabel("Workflow state").selectOption("under_review");
  await page.getByLabel("Assigned reviewer").selectOption(String(r1.id));
  await page.getByRole("button", { name: "Show articles" }).click();
  await expect(page).toHaveURL(/state=under_review/);
  expect(await rowsOf(page)).toEqual([wanted.question]);
  // Counts per state for this filter (the state itself left out): one under review, none else.
  await expect(page.getByTestId("state-counts")).toContainText("Under review 1");
  await expect(page.getByTestId("state-counts")).toContainText("Draft 0");

  const bookmarked = page.url();
  const again = await pageAs(staff.admin, bookmarked);
  expect(await rowsOf(again)).toEqual([wanted.question]);
  await expect(again.getByLabel("Topic")).toHaveValue(topic);
  await expect(again.getByLabel("Assigned reviewer")).toHaveValue(String(r1.id));

  const csv = await page.request.get(`/editor/articles/export?topic=${encodeURIComponent(topic)}`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const lines = (await csv.text()).trim().split("\r\n");
  expect(lines[0]).toBe("id,slug,question,topic,state,revision,author,updated,review_due,live,flagged,staff_url");
  expect(lines).toHaveLength(1 + 4);
  const filtered = (await (await page.request.get(`/editor/articles/export${new URL(bookmarked).search}`)).text()).trim().split("\r\n");
  expect(filtered).toHaveLength(2);
  expect(filtered[1]).toContain(wanted.slug);
});

test("pages by cursor without overlap, and a reviewer sees only what they are assigned", async ({ pageAs, staff }) => {
  const topic = uniqueTag("Index pages");
  const [r1] = staff.reviewers;
  const made = Array.from({ length: 53 }, (_, i) =>
    createFixtureArticle({ author: staff.editor, topic, state: i < 2 ? "under_review" : "draft", reviewers: i < 2 ? [r1] : [] }),
  );
  const page = await pageAs(staff.editor, `/editor/articles?topic=${encodeURIComponent(topic)}&sort=question`);
  const first = await rowsOf(page);
  expect(first).toHaveLength(50);
  await page.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/cursor=/);
  const second = await rowsOf(page);
  expect(second).toHaveLength(3);
  expect(new Set([...first, ...second])).toEqual(new Set(made.map((a) => a.question)));
  expect([...first, ...second]).toEqual([...first, ...second].toSorted());

  // A forged cursor shows the first page with a note, never an error.
  await page.goto(`/editor/articles?topic=${encodeURIComponent(topic)}&sort=question&cursor=bm9wZQ`);
  await expect(page.getByText("That page link has expired")).toBeVisible();
  expect(await rowsOf(page)).toHaveLength(50);

  const reviewer = await pageAs(r1, `/editor/articles?topic=${encodeURIComponent(topic)}`);
  await expect(reviewer.getByRole("heading", { name: "Articles assigned to you" })).toBeVisible();
  expect((await rowsOf(reviewer)).sort()).toEqual(
    made
      .slice(0, 2)
      .map((a) => a.question)
      .sort(),
  );
  const csv = (await (await reviewer.request.get(`/editor/articles/export?topic=${encodeURIComponent(topic)}`)).text())
    .trim()
    .split("\r\n");
  expect(csv).toHaveLength(3);
});

test("each dashboard queue links to the index filtered to it", async ({ pageAs, staff }) => {
  createFixtureArticle({ author: staff.editor, state: "under_review", reviewers: [staff.reviewers[0]] });
  const page = await pageAs(staff.editor);
  const queue = page.getByRole("region", { name: "Under review" });
  await expect(queue.getByRole("row")).not.toHaveCount(0);
  await queue.getByRole("link", { name: /^See all [\d,]+ under review$/ }).click();
  await expect(page).toHaveURL(/\/editor\/articles\?state=under_review$/);
  await expect(page.getByLabel("Workflow state")).toHaveValue("under_review");
  await expect(page.getByTestId("index-row").first()).toBeVisible();
});
