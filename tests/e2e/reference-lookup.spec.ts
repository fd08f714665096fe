import { expect, test } from "../helpers/fixtures";
import { e2eDb } from "../helpers/e2e-db";
import { loggedLookups } from "../helpers/lookup-stub";
import { E2E_LOOKUP_LOG } from "../../playwright.config";

/**
 * Issue 19, "Add by DOI or PMID". The e2e server asks a local stand-in for doi.org and PubMed
 * (scripts/e2e-lookup-stub.mjs) that answers with stored real responses. The spec owns the work it
 * adds (PREDIMED 2013): an earlier, uncited copy is removed first.
 */

const PREDIMED_DOI = "10.1056/NEJMoa1200303";

function rowsWithDoi(doi: string): Array<{ id: number; doi: string; retracted: number }> {
  const db = e2eDb();
  try {
    return db.prepare("SELECT id, doi, retracted FROM library_references WHERE doi_key = lower(?)").all(doi) as Array<{
      id: number;
      doi: string;
      retracted: number;
    }>;
  } finally {
    db.close();
  }
}

test.beforeAll(() => {
  const db = e2eDb();
  try {
    db.prepare("DELETE FROM library_references WHERE doi_key = lower(?) AND id NOT IN (SELECT reference_id FROM revision_citations)").run(
      PREDIMED_DOI,
    );
  } finally {
    db.close();
  }
});

test("a DOI fills the form for the editor to check; nothing is saved until they add it, and the DOI keeps its case", async ({
  staff,
  pageAs,
}) => {
  const page = await pageAs(staff.editor, "/editor/references/new");
  await page.getByRole("textbox", { name: "DOI or PMID" }).fill(`https://doi.org/${PREDIMED_DOI.toLowerCase()}`);
  await page.getByRole("button", { name: "Look up" }).click();

  const lookup = page.getByRole("region", { name: "Add by DOI or PMID" });
  await expect(lookup.locator("[data-alert=success]")).toContainText(
    "Found it at doi.org. Check the details below, then add the reference.",
  );
  // The record says it was retracted: the editor is told, with the record's own words.
  await expect(lookup.locator("[data-alert=warning]")).toContainText(
    "Retracted, per the record's own metadata (CSL-JSON updated-by): “Retraction in doi:10.1056/NEJMc1806491 (2018-6-13)”",
  );
  await expect(page.getByLabel("Title")).toHaveValue("Primary Prevention of Cardiovascular Disease with a Mediterranean Diet");
  await expect(page.getByLabel("DOI", { exact: true })).toHaveValue(PREDIMED_DOI);
  await expect(page.getByLabel("Pages")).toHaveValue("1279-1290");
  await expect(page.getByLabel("Authors")).toHaveValue(/^Estruch, Ramón\nRos, Emilio/);
  expect(rowsWithDoi(PREDIMED_DOI)).toEqual([]);

  await page.getByRole("button", { name: "Add reference" }).click();
  await expect(page).toHaveURL(/\/editor\/references\/\d+\?created=1/);
  await expect(page.getByRole("figure")).toContainText(`N Engl J Med. 2013;368(14):1279-1290. doi:${PREDIMED_DOI}`);
  expect(rowsWithDoi(PREDIMED_DOI)).toEqual([expect.objectContaining({ doi: PREDIMED_DOI })]);
});

test("the duplicate check runs before any request, and an unreachable resolver leaves a clear message and nothing saved", async ({
  staff,
  pageAs,
}) => {
  const page = await pageAs(staff.editor, "/editor/references/new");
  const asked = () => loggedLookups(E2E_LOOKUP_LOG).length;

  // Seeded in the library (ASPREE 2018), typed in lower case.
  const before = asked();
  await page.getByRole("textbox", { name: "DOI or PMID" }).fill("10.1056/nejmoa1805819");
  await page.getByRole("button", { name: "Look up" }).click();
  const error = page.getByRole("region", { name: "Add by DOI or PMID" }).locator("[data-alert=error]");
  await expect(error).toContainText("This DOI is already in the library as");
  await expect(error.getByRole("link", { name: /^Open / })).toBeVisible();
  expect(asked()).toBe(before);

  await page.getByRole("textbox", { name: "DOI or PMID" }).fill("10.9999/unreachable.e2e");
  await page.getByRole("button", { name: "Look up" }).click();
  await expect(error).toHaveText("Couldn't reach doi.org — enter the reference by hand or import a file.");
  await expect(page.getByLabel("Title")).toHaveValue("");
  expect(rowsWithDoi("10.9999/unreachable.e2e")).toEqual([]);

  await page.getByRole("textbox", { name: "DOI or PMID" }).fill("not an identifier");
  await page.getByRole("button", { name: "Look up" }).click();
  await expect(page.getByText("Enter a DOI like 10.1056/NEJMoa1511939 or a PMID like 26551272")).toBeVisible();
});
