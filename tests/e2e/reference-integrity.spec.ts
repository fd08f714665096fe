import { createFixtureArticle, expect, test } from "../helpers/fixtures";
import { e2eDb } from "../helpers/e2e-db";

/**
 * Issue 19: a record that says it was retracted (or corrected) imports so, and the DOI keeps the
 * case it was registered in. The spec owns the two works it imports: any earlier copy (a previous
 * run on the same database) that no article cites is removed first.
 */

const WAKEFIELD_DOI = "10.1016/S0140-6736(97)11096-0";
const SPRINT_DOI = "10.1056/NEJMoa1511939";

const BIBTEX = `@article{wakefield_ileal-lymphoid-nodular_1998,
  title = {Ileal-lymphoid-nodular hyperplasia, non-specific colitis, and pervasive developmental disorder in children},
  author = {Wakefield, A. J. and Murch, S. H. and Anthony, A. and Linnell, J. and Casson, D. M. and Malik, M. and Berelowitz, M.},
  journaltitle = {The Lancet},
  shortjournal = {Lancet},
  volume = {351}, number = {9103}, pages = {637--641}, date = {1998-02-28},
  doi = {${WAKEFIELD_DOI}},
  note = {Retracted in: Lancet. 2010;375(9713):445},
}
@article{sprint_research_group_randomized_2015,
  title = {A Randomized Trial of Intensive versus Standard Blood-Pressure Control},
  author = {{SPRINT Research Group} and Wright, Jackson T. and Williamson, Jeff D.},
  journaltitle = {New England Journal of Medicine},
  shortjournal = {N Engl J Med},
  volume = {373}, number = {22}, pages = {2103--2116}, date = {2015-11-26},
  doi = {${SPRINT_DOI}},
  addendum = {Erratum in: N Engl J Med. 2017;377(25):2506},
}
`;

type Row = { id: number; citekey: string; doi: string; retracted: number; retraction_source: string | null; notice_kind: string | null };

function referenceRow(doi: string): Row | undefined {
  const db = e2eDb();
  try {
    return db
      .prepare("SELECT id, citekey, doi, retracted, retraction_source, notice_kind FROM library_references WHERE doi_key = lower(?)")
      .get(doi) as Row | undefined;
  } finally {
    db.close();
  }
}

test.beforeAll(() => {
  const db = e2eDb();
  try {
    for (const doi of [WAKEFIELD_DOI, SPRINT_DOI]) {
      db.prepare("DELETE FROM library_references WHERE doi_key = lower(?) AND id NOT IN (SELECT reference_id FROM revision_citations)").run(
        doi,
      );
    }
  } finally {
    db.close();
  }
});

test("a BibTeX entry whose note says it was retracted is previewed with the warning and lands retracted; an erratum lands as a notice", async ({
  staff,
  pageAs,
}) => {
  const page = await pageAs(staff.editor, "/editor/references/import");
  await page.getByLabel("File").setInputFiles({ name: "retracted.bib", mimeType: "text/plain", buffer: Buffer.from(BIBTEX) });
  await page.getByRole("button", { name: "Preview import" }).click();

  await expect(page.getByText("Read as BibTeX: 2 new, 0 duplicates, 0 invalid.")).toBeVisible();
  const entries = page.getByRole("list", { name: "Entries read" }).locator(":scope > li");
  await expect(entries.nth(0)).toContainText(
    "Retracted, per the record's own metadata (BibTeX note): “Retracted in: Lancet. 2010;375(9713):445”",
  );
  await expect(entries.nth(0)).toContainText("Imports as retracted");
  await expect(entries.nth(0)).toContainText(`doi:${WAKEFIELD_DOI}`);
  await expect(entries.nth(1)).toContainText("Corrected (erratum), per the record's own metadata");
  await expect(entries.nth(1)).toContainText("Imports with a notice (correction)");

  await page.getByRole("button", { name: "Import 2 selected" }).click();
  await expect(page.locator("[data-alert=success]")).toContainText("Imported 2 references.");

  const wakefield = referenceRow(WAKEFIELD_DOI)!;
  expect(wakefield).toMatchObject({ doi: WAKEFIELD_DOI, retracted: 1, retraction_source: "import", notice_kind: null });
  const sprint = referenceRow(SPRINT_DOI)!;
  expect(sprint).toMatchObject({ doi: SPRINT_DOI, retracted: 0, notice_kind: "correction" });

  // The reference page says it is retracted, why, and where that came from; the DOI keeps its case in the AMA entry.
  await page.goto(`/editor/references/${wakefield.id}`);
  const retraction = page.locator("[data-alert]", { hasText: "Marked retracted" });
  await expect(retraction).toContainText("from the imported record's own metadata");
  await expect(retraction).toContainText("Retracted in: Lancet. 2010;375(9713):445");
  await expect(page.getByRole("figure")).toContainText(`Lancet. 1998;351(9103):637-641. doi:${WAKEFIELD_DOI}`);

  await page.goto(`/editor/references/${sprint.id}`);
  await expect(page.getByRole("heading", { name: "Notice" })).toBeVisible();
  await expect(page.locator("[data-alert]", { hasText: "Correction" })).toContainText("Erratum in: N Engl J Med. 2017;377(25):2506");

  // Readers see the notice beside the entry of an approved article citing it.
  const article = createFixtureArticle({
    author: staff.editor,
    state: "approved",
    reviewers: [staff.reviewers[0], staff.reviewers[1]],
    approvedBy: [staff.reviewers[0], staff.reviewers[1]],
    cites: [{ id: sprint.id, citekey: sprint.citekey }],
  });
  await page.goto(`/articles/${article.slug}?audience=clinician`);
  const references = page.locator('section[aria-labelledby="references-heading"]');
  await expect(references.getByRole("listitem").first()).toContainText("Correction");
  await expect(references.getByRole("link", { name: /DOI/ })).toHaveAttribute("href", `https://doi.org/${SPRINT_DOI}`);
});
