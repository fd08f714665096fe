import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { createUser } from "../helpers/e2e-db";
import { createArticleWithVersions } from "../helpers/history";
import { issuePreviewLink } from "../helpers/preview-links";
import { createArticle } from "../security/fixtures";

const PAGES = [
  "/",
  "/articles/postpartum-back-pain-exercise-3-months?audience=patient",
  "/articles/postpartum-back-pain-exercise-3-months?audience=clinician",
  "/articles/when-to-screen-adults-for-type-2-diabetes?audience=clinician",
  "/search",
  "/search?q=exercise",
  "/board",
  "/policy",
  "/topics/obstetrics",
  "/no-such-page",
];

test.describe("reader pages are accessible", () => {
  for (const path of PAGES) {
    test(`axe finds no violations on ${path}`, async ({ page }) => {
      const errors: string[] = [];
      page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
      await page.goto(path);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
      await expect(page.locator("main#main")).toHaveCount(1);
      await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
      if (path !== "/no-such-page") expect(errors).toEqual([]);
    });
  }

  test("axe finds no violations on an article's version history, its diffs in both wordings", async ({ page }) => {
    const author = await createUser("editor");
    const { slug } = createArticleWithVersions(author.id);
    for (const audience of ["patient", "clinician"]) {
      await page.goto(`/articles/${slug}/history?audience=${audience}`);
      await expect(page.getByText("Adds swimming.")).toBeVisible();
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
      await expect(page.locator("main#main")).toHaveCount(1);
      await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
    }
  });

  test("axe finds no violations on a preview link's page, in both wordings", async ({ page }) => {
    const author = await createUser("editor");
    const draft = createArticle({ authorId: author.id, state: "draft" });
    const { token } = issuePreviewLink({ articleId: draft.articleId, revisionId: null, createdById: author.id, recipient: "Dr Axe" });
    for (const audience of ["patient", "clinician"]) {
      await page.goto(`/preview/${token}?audience=${audience}`);
      await expect(page.getByTestId("preview-banner")).toBeVisible();
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
      await expect(page.locator("main#main")).toHaveCount(1);
      await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
    }
  });

  test("the skip link is the first stop and lands on the content", async ({ page }) => {
    await page.goto("/articles/postpartum-back-pain-exercise-3-months");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#main$/);
  });

  test("pages carry a description, a canonical URL and Open Graph tags", async ({ page }) => {
    await page.goto("/articles/postpartum-back-pain-exercise-3-months");
    await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /.{50,}/);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/articles\/postpartum-back-pain-exercise-3-months$/);
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute(
      "content",
      "What exercises help postpartum back pain at 3 months?",
    );
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  });
});
