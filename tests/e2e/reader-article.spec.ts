import { expect, test, type Page } from "@playwright/test";
import { DEFAULT_SETTINGS } from "../../lib/validations/settings";
import type { ApiArticle, ApiArticleList, ApiError, ArticleJsonLd } from "../helpers/json-shapes";

const APPROVED = "/articles/postpartum-back-pain-exercise-3-months";
const SUBMITTED = "/articles/when-to-screen-adults-for-type-2-diabetes";
const UNDER_REVIEW = "/articles/how-much-physical-activity-do-adults-need";
const OTHER_APPROVED = "/articles/first-line-treatment-acute-low-back-pain";

const disclaimer = (page: Page) => page.getByTestId("disclaimer");

test.describe("article page", () => {
  test("an approved article shows reviewers, the stepper at Approved and no caution", async ({ page }) => {
    await page.goto(APPROVED);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("What exercises help postpartum back pain at 3 months?");
    await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
    await expect(page.getByRole("link", { name: "Reviewed by our Medical Advisory Board" })).toHaveAttribute("href", "/board");
    await expect(page.getByTestId("review-stage")).toHaveText("Current stage: Approved");
    await expect(page.getByText("Educational purpose only")).toHaveCount(0);
    await expect(page.getByTestId("last-reviewed")).toContainText("Dr. Maria Lindqvist, MD, FACOG");
    await expect(page.getByText(/^Last updated/)).toBeVisible();
    await expect(page.getByRole("link", { name: "View editorial policy" })).toHaveAttribute("href", "/policy");
    // The live revision stays up while its successor is in review (the successor adds diastasis recti).
    await page.goto(`${APPROVED}?audience=clinician`);
    await expect(page.locator(".prose-article")).not.toContainText("Examine for diastasis recti");
  });

  test("a submitted article carries the caution and the stepper at Submitted", async ({ page }) => {
    await page.goto(SUBMITTED);
    await expect(page.getByText("Educational purpose only — this content is pending review by our Medical Advisory Board.")).toBeVisible();
    await expect(page.getByTestId("review-stage")).toHaveText("Current stage: Submitted");
    await expect(page.locator('li[aria-current="step"]')).toContainText("Submitted");
    await expect(page.getByTestId("last-reviewed")).toHaveCount(0);
    await page.goto(UNDER_REVIEW);
    await expect(page.getByTestId("review-stage")).toHaveText("Current stage: Under Review");
  });

  test("citations are numbered by first appearance and link both ways to a typed reference list", async ({ page }) => {
    await page.goto(`${APPROVED}?audience=clinician`);
    const numbers = await page
      .locator(".prose-article sup.citation a")
      .evaluateAll((links) => links.map((a) => Number(a.getAttribute("href")!.slice(5))));
    const firstSeen = numbers.filter((n, i) => numbers.indexOf(n) === i);
    expect(firstSeen).toEqual(firstSeen.map((_, i) => i + 1));
    const entries = page.locator('section[aria-labelledby="references-heading"] > ol > li');
    await expect(entries).toHaveCount(firstSeen.length);
    await expect(entries.first()).toContainText(/Guideline|Research|Systematic review|Review/);
    await expect(entries.first().getByRole("link", { name: /DOI/ })).toHaveAttribute("href", /^https:\/\/doi\.org\/10\./);
    // Text → list → back to the text.
    await page.locator(".prose-article sup.citation a").first().click();
    await expect(page).toHaveURL(/#ref-1$/);
    await page
      .locator("#ref-1")
      .getByRole("link", { name: /Back to citation 1 in the text/ })
      .first()
      .click();
    await expect(page).toHaveURL(/#cite-1-1$/);
  });

  test("the JSON-LD parses and matches the visible reviewers, dates and citations", async ({ page }) => {
    await page.goto(`${APPROVED}?audience=clinician`);
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!) as ArticleJsonLd;
    expect(ld["@type"]).toBe("MedicalWebPage");
    expect(ld.name).toBe(await page.getByRole("heading", { level: 1 }).textContent());
    expect(ld.audience.audienceType).toBe("Clinician");
    const reviewers = (ld.reviewedBy ?? []).map((p) => (p.honorificSuffix ? `${p.name}, ${p.honorificSuffix}` : p.name)).join("; ");
    await expect(page.getByTestId("last-reviewed")).toContainText(`by ${reviewers}`);
    expect(await page.getByTestId("last-reviewed").locator("time").getAttribute("datetime")).toBe(ld.lastReviewed);
    expect(await page.locator("time").first().getAttribute("datetime")).toBe(ld.dateModified);
    const dois = await page
      .locator('section[aria-labelledby="references-heading"] a[href^="https://doi.org/"]')
      .evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(ld.citation.map((c) => c.url).filter((u) => u?.startsWith("https://doi.org/"))).toEqual(dois);
    expect(ld.citation).toHaveLength(await page.locator('section[aria-labelledby="references-heading"] > ol > li').count());
    expect(ld.publishingPrinciples).toMatch(/\/policy$/);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
      "href",
      /\/articles\/postpartum-back-pain-exercise-3-months\?audience=clinician$/,
    );
  });
});

test.describe("audience choice", () => {
  test("works without JavaScript and is remembered on the next page", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(APPROVED);
    await expect(disclaimer(page)).toHaveText(DEFAULT_SETTINGS.patientDisclaimer);
    const patientBody = await page.locator(".prose-article").textContent();
    const patientRefs = await page.locator('section[aria-labelledby="references-heading"] > ol > li').allTextContents();

    await page.getByRole("link", { name: "Healthcare professional" }).click();
    await expect(page).toHaveURL(/\?audience=clinician$/);
    await expect(disclaimer(page)).toHaveText(DEFAULT_SETTINGS.clinicianDisclaimer);
    await expect(page.getByRole("link", { name: /Healthcare professional/ })).toHaveAttribute("aria-current", "true");
    expect(await page.locator(".prose-article").textContent()).not.toBe(patientBody);
    expect(await page.locator('section[aria-labelledby="references-heading"] > ol > li').allTextContents()).not.toEqual(patientRefs);

    // The next article, opened without ?audience=, keeps the choice.
    await page.goto(OTHER_APPROVED);
    await expect(disclaimer(page)).toHaveText(DEFAULT_SETTINGS.clinicianDisclaimer);
    await page.getByRole("link", { name: "Patient or caregiver" }).click();
    await page.goto(SUBMITTED);
    await expect(disclaimer(page)).toHaveText(DEFAULT_SETTINGS.patientDisclaimer);
    await context.close();
  });

  test("a shared ?audience= link shows that wording to someone with no cookie", async ({ browser }) => {
    const context = await browser.newContext();
    await context.addCookies([{ name: "vetted-audience", value: "patient", url: "http://127.0.0.1" }]);
    const page = await context.newPage();
    await page.goto(`${OTHER_APPROVED}?audience=clinician`);
    await expect(disclaimer(page)).toHaveText(DEFAULT_SETTINGS.clinicianDisclaimer);
    await context.close();
  });
});

test.describe("public read API", () => {
  test("lists visible articles and returns one in the chosen wording", async ({ request }) => {
    const list = (await (await request.get("/api/v1/articles")).json()) as ApiArticleList;
    const slugs = list.articles.map((a) => a.slug);
    expect(slugs).toContain("postpartum-back-pain-exercise-3-months");
    expect(slugs).toContain("when-to-screen-adults-for-type-2-diabetes");
    expect(Object.keys(list.articles[0]).sort()).toEqual(["lastReviewed", "lastUpdated", "question", "slug", "status"]);

    const res = await request.get("/api/v1/articles/postpartum-back-pain-exercise-3-months?audience=clinician");
    expect(res.status()).toBe(200);
    const body = (await res.json()) as ApiArticle;
    expect(body.audience).toBe("clinician");
    expect(body.status).toBe("approved");
    expect(body.disclaimer).toBe(DEFAULT_SETTINGS.clinicianDisclaimer);
    expect(body.references.map((r) => r.number)).toEqual(body.references.map((_, i) => i + 1));
    expect(body.references[0]).toMatchObject({ citekey: expect.any(String), type: expect.any(String), formatted: expect.any(String) });
    expect(body.reviewedBy).toContainEqual({ name: "Dr. Maria Lindqvist", credentials: "MD, FACOG" });
    expect(body.html).toContain('href="#ref-1"');

    const submitted = (await (await request.get("/api/v1/articles/when-to-screen-adults-for-type-2-diabetes")).json()) as ApiArticle;
    expect(submitted).toMatchObject({ status: "submitted", lastReviewed: null, reviewedBy: [] });

    const bad = await request.get("/api/v1/articles/postpartum-back-pain-exercise-3-months?audience=doctor");
    expect(bad.status()).toBe(400);
    expect(((await bad.json()) as ApiError).error).toMatch(/clinician.*patient/);
  });
});
