import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { createFixtureArticle, createFixtureReference, expect, test } from "../helpers/fixtures";
import { e2eDb } from "../helpers/e2e-db";
import { serverActionId } from "../helpers/server-actions";
import { DEMO, signIn } from "../helpers/session";
import type { ApiError } from "../helpers/json-shapes";

const FIXTURES = path.join(__dirname, "..", "fixtures", "citations");

/** Runs a read against the server's database and closes it again. */
function query<T>(sql: string, ...params: unknown[]): T {
  const db = e2eDb();
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
}
/**
 * References this spec writes through the app, as the demo editor: other specs, running in parallel,
 * write references of their own (fixtures with no creator, or as their own users), so counting every
 * row would be flaky.
 */
const referenceCount = () =>
  query<{ n: number }>(
    "SELECT count(*) AS n FROM library_references WHERE created_by_id = (SELECT id FROM users WHERE email = ?)",
    DEMO.editor,
  ).n;
/** Every import writes its rows and one reference.import audit event (by its importer), in one transaction. */
const importEvents = () =>
  query<{ n: number }>(
    "SELECT count(*) AS n FROM audit_events WHERE action = 'reference.import' AND actor_id = (SELECT id FROM users WHERE email = ?)",
    DEMO.editor,
  ).n;
const referenceByDoi = (doi: string) =>
  query<{ id: number; citekey: string; pages: string | null; retracted: number } | undefined>(
    "SELECT id, citekey, pages, retracted FROM library_references WHERE doi_key = lower(?)",
    doi,
  );
const referenceIdOf = (citekey: string) => query<{ id: number }>("SELECT id FROM library_references WHERE citekey = ?", citekey).id;

let sequence = 0;
/** A DOI no other test (or earlier run of this one) uses. */
const freshDoi = () => `10.5555/e2e.${Date.now()}.${sequence++}`;

async function fillNewReference(
  page: Page,
  fields: { title: string; authors: string; source: string; year: string; doi?: string; pages?: string },
) {
  await page.goto("/editor/references/new");
  await page.getByLabel("Type").selectOption({ label: "Research" });
  await page.getByLabel("Title").fill(fields.title);
  await page.getByLabel("Authors").fill(fields.authors);
  await page.getByLabel("Source (journal, organisation or website)").fill(fields.source);
  await page.getByLabel("Year").fill(fields.year);
  if (fields.pages) await page.getByLabel("Pages").fill(fields.pages);
  if (fields.doi) await page.getByLabel("DOI", { exact: true }).fill(fields.doi);
}

test.describe("reference library", () => {
  test("an editor adds a reference, sees its citekey and AMA form, then edits it", async ({ page }) => {
    await signIn(page, DEMO.editor);
    await page.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "References" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Reference library" })).toBeVisible();

    // Typed with a resolver prefix and in the registered (mixed) case, which the entry keeps.
    const doi = freshDoi().replace("e2e", "E2E.Walk");
    await fillNewReference(page, {
      title: "Walking programmes after caesarean birth: a randomised trial",
      authors: "Okonkwo, Adaeze N.\nLindahl EK",
      source: "Journal of Postnatal Care",
      year: "2024",
      pages: "101-109",
      doi: `https://doi.org/${doi}`,
    });
    await page.getByRole("button", { name: "Add reference" }).click();

    await expect(page).toHaveURL(/\/editor\/references\/\d+\?created=1/);
    await expect(page.getByRole("heading", { level: 1, name: "Reference okonkwo2024" })).toBeVisible();
    await expect(page.getByText("Cite it in an article as [@okonkwo2024]")).toBeVisible();
    const ama = page.getByRole("figure");
    await expect(ama).toContainText(
      "Okonkwo AN, Lindahl EK. Walking programmes after caesarean birth: a randomised trial. Journal of Postnatal Care. 2024:101-109. doi:" +
        doi,
    );
    expect(referenceByDoi(doi)).toMatchObject({ citekey: "okonkwo2024", pages: "101-109" });

    await page.getByLabel("Pages").fill("101-110");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.locator("[data-alert=success]", { hasText: "Saved okonkwo2024." })).toBeVisible();
    await expect(ama).toContainText("2024:101-110.");
    expect(referenceByDoi(doi)?.pages).toBe("101-110");
    const audit = query<{ n: number }>(
      "SELECT count(*) AS n FROM audit_events WHERE target_type = 'reference' AND target_id = ? AND action IN ('reference.create','reference.update')",
      String(referenceByDoi(doi)!.id),
    );
    expect(audit.n).toBe(2);

    // Found again by the library's filters, by the DOI in any case.
    await page.goto(`/editor/references?doi=${encodeURIComponent(doi.toLowerCase())}`);
    await expect(page.locator("li[data-citekey]")).toHaveCount(1);
    await expect(page.locator("li[data-citekey=okonkwo2024]")).toContainText("Okonkwo AN, Lindahl EK.");
    await page.goto("/editor/references?q=lindahl&type=research&year=2024");
    await expect(page.locator("li[data-citekey=okonkwo2024]")).toBeVisible();
  });

  test("the form explains bad fields, and a duplicate DOI points to the existing entry", async ({ page }) => {
    await signIn(page, DEMO.editor);
    const before = referenceCount();
    await fillNewReference(page, {
      title: "Copy of the Canadian guideline",
      authors: "Somebody, Else",
      source: "Br J Sports Med",
      year: "3020",
      doi: "not a doi",
    });
    await page.getByRole("button", { name: "Add reference" }).click();
    await expect(page.getByText("The year can be at most next year")).toBeVisible();
    await expect(page.getByText("Enter a DOI like 10.1136/bjsports-2018-100056")).toBeVisible();

    await page.getByLabel("Year").fill("2018");
    await page.getByLabel("DOI", { exact: true }).fill("https://doi.org/10.1136/BJSPORTS-2018-100056");
    await page.getByRole("button", { name: "Add reference" }).click();
    const error = page.locator("[data-alert=error]");
    await expect(error).toContainText("This DOI is already in the library as mottola2018.");
    // What the editor typed is still there.
    await expect(page.getByLabel("Title")).toHaveValue("Copy of the Canadian guideline");
    await error.getByRole("link", { name: "Open mottola2018" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Reference mottola2018" })).toBeVisible();
    expect(referenceCount()).toBe(before);
  });

  test("importing a BibTeX file previews new, duplicate and invalid entries and saves only the picked ones", async ({ page }) => {
    await signIn(page, DEMO.editor);
    const keep = freshDoi();
    const skip = freshDoi();
    const bib = `@article{fresh_one,
  title = {Pelvic floor training in the first postpartum year},
  author = {Haugland, Ingrid and Moreno, Luis},
  journal = {International Urogynecology Journal}, year = {2023}, volume = {34}, pages = {55--61},
  doi = {${keep}},
}
@article{fresh_two,
  title = {Return to running after childbirth},
  author = {Haugland, Ingrid},
  journal = {Sports Health}, year = {2023},
  doi = {${skip}},
}
@article{already_there,
  title = {2019 Canadian guideline for physical activity throughout pregnancy},
  journal = {Br J Sports Med}, year = {2018},
  doi = {10.1136/bjsports-2018-100056},
}
@article{broken,
  title = {An entry with a missing brace,
  journal = {Nowhere}, year = {2020},
`;
    const before = referenceCount();
    await page.goto("/editor/references");
    await page.getByRole("link", { name: "Import" }).click();
    await page.getByLabel("File").setInputFiles({ name: "library.bib", mimeType: "text/plain", buffer: Buffer.from(bib) });
    await page.getByRole("button", { name: "Preview import" }).click();

    await expect(page.getByText("Read as BibTeX: 2 new, 1 duplicate, 1 invalid.")).toBeVisible();
    const entries = page.getByRole("list", { name: "Entries read" }).getByRole("listitem");
    await expect(entries).toHaveCount(4);
    await expect(entries.nth(2)).toHaveAttribute("data-verdict", "duplicate");
    await expect(entries.nth(2)).toContainText("Already in the library as mottola2018");
    await expect(entries.nth(2).getByRole("link", { name: "Open mottola2018" })).toBeVisible();
    await expect(entries.nth(3)).toHaveAttribute("data-verdict", "invalid");
    await expect(entries.nth(3)).toContainText("braces do not balance");
    await expect(entries.nth(2).getByRole("checkbox")).toBeDisabled();
    expect(referenceCount()).toBe(before);

    await page.getByRole("checkbox", { name: "Import entry 2 (haugland2023a)" }).uncheck();
    await page.getByRole("button", { name: "Import 1 selected" }).click();
    await expect(page.locator("[data-alert=success]")).toContainText("Imported 1 reference.");
    expect(referenceByDoi(keep)?.citekey).toBe("haugland2023");
    expect(referenceByDoi(skip)).toBeUndefined();
    expect(referenceCount()).toBe(before + 1);
  });

  test("the fixture files of every format preview with their broken entries named", async ({ page }) => {
    await signIn(page, DEMO.editor);
    await page.goto("/editor/references/import");
    for (const [file, label] of [
      ["postpartum.ris", "RIS"],
      ["postpartum.json", "CSL-JSON"],
      ["postpartum.nbib", "PubMed (MEDLINE .nbib)"],
      ["postpartum.bib", "BibTeX"],
    ] as const) {
      await page.getByLabel("File").setInputFiles(path.join(FIXTURES, file));
      await page.getByRole("button", { name: "Preview import" }).click();
      await expect(page.getByText(`Read as ${label}:`)).toBeVisible();
      await expect(page.locator("[data-verdict=invalid]").first()).toBeVisible();
      if (file !== "postpartum.bib") await page.getByRole("button", { name: "Start over" }).click();
    }
    // The BibTeX fixture: a work already in the library without its PMID is flagged by its title and left unpicked.
    const sameTitle = page.locator("[data-verdict=new]", { hasText: "Possibly already in the library: thabet2019 has the same title." });
    await expect(sameTitle.getByRole("checkbox")).not.toBeChecked();
    const fresh = await page.locator("[data-verdict=new] input:checked").count();
    expect(fresh).toBeGreaterThan(0);
    const before = referenceCount();
    await page.getByRole("button", { name: `Import ${fresh} selected` }).click();
    await expect(page.locator("[data-alert=success]")).toContainText(`Imported ${fresh} reference`);
    expect(referenceCount()).toBe(before + fresh);
  });

  test("hostile input gets a clear error and writes nothing", async ({ page }) => {
    await signIn(page, DEMO.editor);
    const before = { rows: referenceCount(), imports: importEvents() };
    await page.goto("/editor/references/import");

    const junk = Buffer.alloc(64 * 1024);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919 + 13) % 256;
    await page.getByLabel("File").setInputFiles({ name: "library.bib", mimeType: "application/octet-stream", buffer: junk });
    await page.getByRole("button", { name: "Preview import" }).click();
    await expect(page.locator("[data-alert=error]")).toContainText("does not look like a text export");
    await expect(page.locator("[data-alert=error]")).toContainText("Nothing was imported.");

    await page.getByLabel("File").setInputFiles({ name: "huge.bib", mimeType: "text/plain", buffer: Buffer.alloc(10 * 1024 * 1024, "a") });
    await page.getByRole("button", { name: "Preview import" }).click();
    await expect(page.locator("[data-alert=error]")).toContainText("limited to 5 MB");

    // The server refuses the same on its own, whatever the page checked first.
    const huge = await page.request.post("/api/references/import", {
      data: Buffer.alloc(10 * 1024 * 1024, "@"),
      headers: { "Content-Type": "application/octet-stream" },
    });
    expect(huge.status()).toBe(413);
    expect(((await huge.json()) as ApiError).error).toContain("limited to 5 MB");
    const garbage = await page.request.post("/api/references/import", { data: "just some words, no references at all" });
    expect(garbage.status()).toBe(422);
    expect(((await garbage.json()) as ApiError).error).toContain("Could not tell the format");
    expect({ rows: referenceCount(), imports: importEvents() }).toEqual(before);
  });

  test("deleting a cited reference is refused with the citing article named; an uncited one is deleted", async ({ page }) => {
    await signIn(page, DEMO.editor);
    const citing = query<{ question: string }>(
      "SELECT w.question FROM revision_citations rc JOIN revisions r ON r.id = rc.revision_id JOIN articles a ON a.id = r.article_id JOIN revisions w ON w.id = a.working_revision_id JOIN library_references l ON l.id = rc.reference_id WHERE l.citekey = 'gutke2010' LIMIT 1",
    );
    await page.goto(`/editor/references/${referenceIdOf("gutke2010")}`);
    await expect(page.getByRole("region", { name: "Cited by" })).toContainText(citing.question);
    await page.getByRole("button", { name: "Delete reference" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
    const refusal = page.locator("[data-alert=error]");
    await expect(refusal).toContainText("This reference can't be deleted");
    await expect(refusal.getByRole("link", { name: citing.question })).toBeVisible();
    expect(referenceIdOf("gutke2010")).toBeGreaterThan(0);

    const doi = freshDoi();
    await fillNewReference(page, { title: "A reference nobody cites", authors: "Nobody, Cited", source: "J Unused", year: "2020", doi });
    await page.getByRole("button", { name: "Add reference" }).click();
    await expect(page).toHaveURL(/created=1/);
    await page.getByRole("button", { name: "Delete reference" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
    await expect(page).toHaveURL(/\/editor\/references\?deleted=nobody2020/);
    await expect(page.locator("[data-alert=success]")).toContainText("Deleted nobody2020");
    expect(referenceByDoi(doi)).toBeUndefined();
  });

  test("exports a selection and an article's references as files reference managers read", async ({ page }) => {
    await signIn(page, DEMO.editor);
    await page.goto("/editor/references?q=mottola");
    await page.getByRole("checkbox", { name: "Select mottola2018 for export" }).check();
    await page.getByLabel("Export format").selectOption("ris");
    const downloadPromise = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export selected" }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toBe("mottola2018.ris");
    const ris = fs.readFileSync(await download.path(), "utf8");
    expect(ris).toMatch(/^TY {2}- JOUR/m);
    expect(ris).toContain("DO  - 10.1136/bjsports-2018-100056");
    expect(ris).toContain("AN  - 30337460");

    const ids = [referenceIdOf("mottola2018"), referenceIdOf("bull2020")].join(",");
    const bib = await page.request.get(`/api/references/export?format=bibtex&ids=${ids}`);
    expect(bib.headers()["content-disposition"]).toContain('filename="vetted-references-2.bib"');
    const bibText = await bib.text();
    expect(bibText).toContain("@article{mottola2018,");
    expect(bibText).toContain("@article{bull2020,");

    const article = query<{ id: number; slug: string }>(
      "SELECT id, slug FROM articles WHERE working_revision_id IN (SELECT revision_id FROM revision_citations) LIMIT 1",
    );
    const json = await page.request.get(`/api/references/export?format=csl-json&articleId=${article.id}`);
    expect(json.status()).toBe(200);
    const items = (await json.json()) as Array<{ "citation-key": string }>;
    const cited = query<{ n: number }>(
      "SELECT count(DISTINCT reference_id) AS n FROM revision_citations rc JOIN articles a ON a.working_revision_id = rc.revision_id WHERE a.id = ?",
      article.id,
    ).n;
    expect(items).toHaveLength(cited);

    const bad = await page.request.get("/api/references/export?format=docx&ids=1");
    expect(bad.status()).toBe(400);
  });

  test("marking a reference retracted flags the approved articles citing it and lists them", async ({ pageAs, staff }) => {
    // A reference of this test's own, cited by an approved article of its own (the seeded library is only read).
    const reference = createFixtureReference("A fixture trial later retracted");
    const citing = createFixtureArticle({ author: staff.editor, state: "approved", cites: [reference] });
    const { id, citekey } = reference;
    const page = await pageAs(staff.editor);
    await page.goto(`/editor/references/${id}`);
    await page.getByRole("button", { name: "Mark retracted" }).click();
    await expect(page.getByText("Say where the retraction was published")).toBeVisible();
    await page.getByLabel("Retraction note").fill("Retraction notice published 2026, doi:10.1097/e2e.retraction");
    await page.getByRole("button", { name: "Mark retracted" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Marked ${citekey} retracted.` })).toBeVisible();
    await expect(page.getByText("Marked retracted on")).toBeVisible();
    const flagged = query<{ reason: string | null }>(
      "SELECT re_review_reason AS reason FROM articles WHERE id = ?",
      citing.articleId,
    ).reason;
    expect(flagged).toContain(citekey);
    expect(
      query<{ n: number }>("SELECT count(*) AS n FROM audit_events WHERE action = 'reference.retract' AND target_id = ?", String(id)).n,
    ).toBe(1);

    await page.goto("/editor/references/retracted");
    const entry = page.locator(`li[data-citekey=${citekey}]`);
    await expect(entry).toContainText("Retraction notice published 2026");
    await expect(entry.getByRole("listitem").first()).toBeVisible();

    await page.goto(`/editor/references/${id}`);
    await page.getByRole("button", { name: "Remove the retraction mark" }).click();
    await expect(page.getByRole("button", { name: "Mark retracted" })).toBeVisible();
    expect(query<{ retracted: number }>("SELECT retracted FROM library_references WHERE id = ?", id).retracted).toBe(0);
  });

  test("reviewers and signed-out callers are refused by the pages, the endpoints and the actions", async ({ page, request }) => {
    const before = referenceCount();
    const actionId = serverActionId("createReferenceAction", "lib/actions/references.ts");
    const call = (client: typeof request) =>
      client.post("/editor/references/new", {
        headers: { "Next-Action": actionId, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
        data: JSON.stringify([{ type: "research", title: "Injected", source: "Nowhere", doi: freshDoi() }]),
        maxRedirects: 0,
      });

    const anonymous = await call(request);
    expect(await anonymous.text()).not.toContain("Added");
    expect((await request.get("/api/references/export?format=bibtex&ids=1")).status()).toBe(401);
    expect((await request.post("/api/references/import", { data: "@article{x, title={t}, journal={j}}" })).status()).toBe(401);

    await signIn(page, DEMO.reviewer1);
    await expect(page.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "References" })).toHaveCount(0);
    const response = await page.goto("/editor/references");
    expect(response?.status()).toBe(404);
    expect((await page.goto("/editor/references/import"))?.status()).toBe(404);

    const asReviewer = await call(page.request);
    expect(await asReviewer.text()).toContain("You don't have permission to manage the reference library.");
    expect((await page.request.get("/api/references/export?format=bibtex&ids=1")).status()).toBe(403);
    expect((await page.request.post("/api/references/import", { data: "@article{x, title={t}, journal={j}}" })).status()).toBe(403);
    expect(referenceCount()).toBe(before);
  });
});
