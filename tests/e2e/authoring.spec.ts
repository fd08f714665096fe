import { DEMO, signIn } from "../helpers/session";
import { createFixtureArticle, expect, test } from "../helpers/fixtures";
import { e2eDb } from "../helpers/e2e-db";
import { editArticle, saveStatus } from "../helpers/editor";

type RevisionRow = {
  id: number;
  number: number;
  state: string;
  patient_body: string;
  clinician_body: string;
  question: string;
  version: number;
};

function articleRow(id: number) {
  const db = e2eDb();
  try {
    return db
      .prepare("SELECT id, slug, live_revision_id AS liveId, working_revision_id AS workingId FROM articles WHERE id = ?")
      .get(id) as { id: number; slug: string; liveId: number | null; workingId: number };
  } finally {
    db.close();
  }
}

function revision(id: number): RevisionRow {
  const db = e2eDb();
  try {
    return db.prepare("SELECT * FROM revisions WHERE id = ?").get(id) as RevisionRow;
  } finally {
    db.close();
  }
}

test.describe("authoring", () => {
  test("an editor creates an article, writes both wordings with a citation, sees it numbered, and finds everything after a reload", async ({
    page,
  }) => {
    await signIn(page, DEMO.editor);
    await page.getByRole("main").getByRole("link", { name: "New article" }).click();
    await page.getByLabel("Question").fill("Can I swim six weeks after a caesarean?");
    await page.getByLabel("Topic").fill("Obstetrics");
    await page.getByRole("button", { name: "Create and start writing" }).click();
    await expect(page).toHaveURL(/\/editor\/articles\/\d+\/edit$/);
    const articleId = Number(page.url().match(/articles\/(\d+)\/edit/)![1]);
    await expect(page.getByLabel("Slug")).toHaveValue("swim-six-weeks-after-caesarean");
    await expect(saveStatus(page)).toHaveText("All changes saved");

    const clinician = page.getByLabel("Clinician wording", { exact: true });
    await clinician.fill("Swimming can resume once the wound has healed and lochia has stopped");
    // The citation picker inserts at the cursor, here the end of the sentence.
    await clinician.press("End");
    await page.getByRole("toolbar", { name: "Clinician wording formatting" }).getByRole("button", { name: "Cite…" }).click();
    const picker = page.getByRole("dialog", { name: "Cite a reference" });
    await picker.getByLabel("Search the library").fill("physical activity sedentary");
    await picker.getByRole("button", { name: /Cite World Health Organization 2020 guidelines/ }).click();
    await expect(picker).toBeHidden();
    await expect(clinician).toHaveValue("Swimming can resume once the wound has healed and lochia has stopped [@bull2020]");
    await clinician.press("End");
    await clinician.pressSequentially(". Walk first [@american2020]; then swim [@bull2020].");

    const patient = page.getByLabel("Patient wording", { exact: true });
    await patient.fill("You can usually swim once your wound has healed [@bull2020]. Ask your midwife first.");
    await page.getByLabel("Author's conflict-of-interest disclosure").fill("The author reports no conflicts of interest.");

    await expect(saveStatus(page)).toHaveText(/^Saved at \d\d:\d\d$/, { timeout: 20_000 });

    const clinicianPreview = page.getByRole("region", { name: "Preview of the clinician wording" });
    await expect(clinicianPreview.locator("sup.citation")).toHaveText(["1", "2", "1"]);
    await expect(clinicianPreview.getByRole("region", { name: "Clinician references" }).getByRole("listitem")).toHaveCount(2);
    await expect(clinicianPreview.getByRole("listitem").first()).toContainText("Guideline");
    await expect(clinicianPreview.getByRole("listitem").first()).toContainText("World Health Organization 2020 guidelines");
    const patientPreview = page.getByRole("region", { name: "Preview of the patient wording" });
    await expect(patientPreview.locator("sup.citation")).toHaveText(["1"]);
    await expect(page.getByRole("region", { name: /Readability — patient wording/ })).toContainText("Flesch-Kincaid grade");

    await page.reload();
    await expect(page.getByLabel("Clinician wording", { exact: true })).toHaveValue(
      "Swimming can resume once the wound has healed and lochia has stopped [@bull2020]. Walk first [@american2020]; then swim [@bull2020].",
    );
    await expect(page.getByLabel("Patient wording", { exact: true })).toHaveValue(
      "You can usually swim once your wound has healed [@bull2020]. Ask your midwife first.",
    );
    await expect(page.getByLabel("Author's conflict-of-interest disclosure")).toHaveValue("The author reports no conflicts of interest.");
    await expect(saveStatus(page)).toHaveText("All changes saved");

    const row = articleRow(articleId);
    const saved = revision(row.workingId);
    expect(saved.state).toBe("draft");
    expect(saved.patient_body).toContain("[@bull2020]");
  });

  test("editing an approved article leaves the live revision alone, and the history shows the change", async ({ pageAs, staff }) => {
    const { articleId } = createFixtureArticle({ author: staff.editor, state: "approved" });
    const before = articleRow(articleId);
    expect(before.liveId).toBe(before.workingId);
    const livePatient = revision(before.liveId!).patient_body;

    const page = await pageAs(staff.editor, `/editor/articles/${articleId}/edit`);
    await expect(page.getByText(/This revision is approved and live/)).toBeVisible();
    await expect(page.getByLabel("Slug")).toHaveAttribute("readonly", "");
    await editArticle(page, articleId, { patient: `${livePatient}\n\nCheck with your midwife before starting anything new.` });
    await expect(page.getByText(/You are editing revision 2, a new draft/)).toBeVisible();

    const after = articleRow(articleId);
    expect(after.liveId).toBe(before.liveId);
    expect(after.workingId).not.toBe(before.workingId);
    expect(revision(after.liveId!).patient_body).toBe(livePatient);
    expect(revision(after.liveId!).state).toBe("approved");
    expect(revision(after.workingId)).toMatchObject({ number: 2, state: "draft" });

    await page.getByRole("link", { name: "History" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Revision history" })).toBeVisible();
    const rows = page.getByRole("table").getByRole("row");
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(1)).toContainText("(being edited)");
    await expect(rows.nth(2)).toContainText("(live)");
    await expect(page.getByText("Changes from revision 1 to revision 2.")).toBeVisible();
    const patientChanges = page.getByRole("region", { name: "Patient wording changes" });
    await expect(patientChanges.locator("ins")).toContainText("Check with your midwife before starting anything new.");
    await expect(page.getByRole("region", { name: "Clinician wording changes" })).toContainText("(no change)");

    // Any two revisions: the reverse direction shows the addition as a removal.
    await page.getByLabel("From").selectOption({ label: "Revision 2" });
    await page.getByLabel("To").selectOption({ label: "Revision 1" });
    await page.getByRole("button", { name: "Compare" }).click();
    await expect(page.getByRole("region", { name: "Patient wording changes" }).locator("del")).toContainText("Check with your midwife");
  });

  test("editing a revision under review saves in place, changes its hash, and warns that approvals stop counting", async ({
    pageAs,
    staff,
  }) => {
    const [r1, r2] = staff.reviewers;
    const { articleId } = createFixtureArticle({ author: staff.editor, state: "under_review", reviewers: [r1, r2], approvedBy: [r1] });
    const before = articleRow(articleId);
    const beforeRevision = revision(before.workingId) as RevisionRow & { content_hash: string };
    expect(beforeRevision.state).toBe("under_review");

    const page = await pageAs(staff.editor, `/editor/articles/${articleId}/edit`);
    await expect(page.getByText(/approvals given so far stop counting/)).toBeVisible();
    const patient = page.getByLabel("Patient wording", { exact: true });
    await patient.press("Control+End");
    await patient.pressSequentially("\n\nRest when you need to.");
    await expect(saveStatus(page)).toHaveText(/^Saved at/, { timeout: 20_000 });
    // Typing on after a save that refreshed reader pages keeps everything on screen.
    await patient.pressSequentially(" Then carry on.");
    await expect(saveStatus(page)).toHaveText(/^Saved at/, { timeout: 20_000 });
    await expect(patient).toHaveValue(/Rest when you need to\. Then carry on\.$/);

    const after = articleRow(articleId);
    expect(after.workingId).toBe(before.workingId);
    expect(after.liveId).toBe(before.liveId);
    const afterRevision = revision(after.workingId) as RevisionRow & { content_hash: string };
    expect(afterRevision.state).toBe("under_review");
    expect(afterRevision.version).toBeGreaterThan(beforeRevision.version);
    expect(afterRevision.content_hash).not.toBe(beforeRevision.content_hash);
    expect(afterRevision.patient_body.endsWith("Rest when you need to. Then carry on.")).toBe(true);
  });

  test("duplicate as new article copies the text into a new draft", async ({ pageAs, staff }) => {
    const { articleId } = createFixtureArticle({ author: staff.editor, state: "draft" });
    const page = await pageAs(staff.editor, `/editor/articles/${articleId}/edit`);
    // The editor fills its fields as it starts; read the wording once it is there (a read taken
    // before that returned "" on a loaded CI machine).
    const patientWording = page.getByLabel("Patient wording", { exact: true });
    await expect(patientWording).toHaveValue(/\S/);
    const original = await patientWording.inputValue();
    await page.getByRole("button", { name: "Duplicate as new article" }).click();
    await expect(page).not.toHaveURL(new RegExp(`/articles/${articleId}/edit$`));
    await expect(page).toHaveURL(/\/editor\/articles\/\d+\/edit$/);
    await expect(page.getByLabel("Question (the article's title)")).toHaveValue(/^Copy of /);
    await expect(page.getByLabel("Patient wording", { exact: true })).toHaveValue(original);
  });
});
