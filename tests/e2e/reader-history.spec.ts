import { importReferences } from "../../lib/citations/import";
import { e2eDb } from "../helpers/e2e-db";
import { createFixtureArticle, createFixtureReference, expect, test, uniqueTag } from "../helpers/fixtures";
import { createArticleWithVersions } from "../helpers/history";

test.describe.configure({ mode: "parallel" });

/**
 * The public version history (issue 22), read with JavaScript off: each approved version with its
 * date, change summary and the reviewers who signed it, and a word diff in the chosen wording;
 * the draft in progress never shows. (Drafts-only articles: the draft-leak suite's URLs.)
 */

test("the version history lists each approved version with its reviewers and the changes, without JavaScript", async ({
  browser,
  staff,
}) => {
  const built = createArticleWithVersions(staff.editor.id);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/articles/${built.slug}?audience=patient`);
  await page.getByRole("link", { name: "Version history" }).click();
  await expect(page).toHaveURL(new RegExp(`/articles/${built.slug}/history\\?audience=patient$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Version history");

  const versions = page.getByRole("list", { name: "Approved versions, newest first" }).locator(":scope > li");
  await expect(versions).toHaveCount(3);
  await expect(versions.nth(0)).toContainText("Version 3 (current)");
  await expect(versions.nth(0)).toContainText("Adds swimming.");
  await expect(versions.nth(1)).toContainText("Raises the daily walk to 30 minutes");
  await expect(versions.nth(2)).toContainText("First version.");
  for (let i = 0; i < 3; i++) await expect(versions.nth(i)).toContainText(`${built.reviewer}, MD, FACOG`);

  // The diff opens without script (<details>), in the patient wording.
  await versions.nth(1).getByText("Changes from version 1").click();
  // (The legend above each diff holds an <ins> and a <del> of its own.)
  await expect(versions.nth(1).locator("ins").filter({ hasText: "30" })).toHaveCount(1);
  await expect(versions.nth(1).locator("del").filter({ hasText: "20" })).toHaveCount(1);
  await versions.nth(0).getByText("Changes from version 2").click();
  await expect(versions.nth(0).locator("ins").filter({ hasText: "Swimming counts too." })).toBeVisible();
  await expect(page.locator("body")).not.toContainText("UNAPPROVED DRAFT");

  // The clinician wording's diff, on the same static policy as the article.
  const response = await page.goto(`/articles/${built.slug}/history?audience=clinician`);
  expect(response?.headers()["content-security-policy"]).toContain("script-src 'self' 'unsafe-inline'");
  await page.getByText("Changes from version 2").click();
  await expect(
    page.getByRole("list", { name: "Approved versions, newest first" }).locator("ins").filter({ hasText: "Swimming counts too." }),
  ).toBeVisible();
  expect(await page.content()).not.toContain("UNAPPROVED DRAFT");
  expect(await page.locator('meta[name="robots"]').getAttribute("content")).toContain("noindex");
  await context.close();
});

test("the reference downloads parse back through the importers to the same references, and print hides forms and shows full DOIs", async ({
  browser,
  staff,
}) => {
  const first = createFixtureReference("A fixture trial of exercise for back pain");
  const second = createFixtureReference("A fixture guideline on back pain");
  const db = e2eDb();
  try {
    db.prepare("UPDATE library_references SET doi = ?, year = 2021, authors = ? WHERE id = ?").run(
      `10.5555/${uniqueTag("doi")}`,
      JSON.stringify([{ family: "Fixture", given: "Ann" }]),
      first.id,
    );
  } finally {
    db.close();
  }
  const article = createFixtureArticle({ author: staff.editor, state: "approved", cites: [first, second] });
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/articles/${article.slug}?audience=clinician`);
  const links = page.getByTestId("reference-downloads").getByRole("link");
  await expect(links).toHaveText(["RIS", "BibTeX", "CSL-JSON"]);

  const library = e2eDb();
  const expected = [first, second].map(
    (r) => library.prepare("SELECT title, doi, year, type FROM library_references WHERE id = ?").get(r.id) as Record<string, unknown>,
  );
  library.close();
  for (const [label, format] of [
    ["RIS", "ris"],
    ["BibTeX", "bibtex"],
    ["CSL-JSON", "csl-json"],
  ] as const) {
    const href = (await links.filter({ hasText: label }).getAttribute("href"))!;
    const response = await page.request.get(href);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-disposition"]).toContain(`${article.slug}-clinician-references.`);
    const result = importReferences(await response.text(), { format });
    if (!result.ok) throw new Error(result.error);
    const parsed = result.entries.map((e) => (e.status === "parsed" ? e.reference : null));
    expect(parsed.map((r) => r && { title: r.title, doi: r.doi ?? null, year: r.year ?? null, type: r.type })).toEqual(expected);
  }
  // An article readers can't see has no downloads.
  const draft = createFixtureArticle({ author: staff.editor, state: "draft", cites: [first] });
  expect((await page.request.get(`/api/v1/articles/${draft.slug}/references?format=ris`)).status()).toBe(404);

  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("region", { name: "Have a follow-up question?" })).toBeHidden();
  await expect(page.getByRole("region", { name: "Report an error" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  const doi = expected[0].doi as string;
  await expect(page.getByText(`https://doi.org/${doi}`)).toBeVisible();
  await expect(page.getByTestId("print-footer")).toContainText(`/articles/${article.slug}?audience=clinician`);
  await context.close();
});
