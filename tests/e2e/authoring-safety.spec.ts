import type { Page } from "@playwright/test";
import { createFixtureArticle, expect, test } from "../helpers/fixtures";
import { e2eDb } from "../helpers/e2e-db";
import { saveStatus } from "../helpers/editor";
import { serverActionId } from "../helpers/server-actions";
import type { LocalDraft } from "../helpers/json-shapes";

type Working = {
  articleId: number;
  revisionId: number;
  version: number;
  slug: string;
  topic: string;
  question: string;
  clinician_body: string;
  patient_body: string;
  disclosure: string;
};

function working(slug: string): Working {
  const db = e2eDb();
  try {
    return db
      .prepare(
        `SELECT a.id AS articleId, r.id AS revisionId, r.version, a.slug, a.topic, r.question, r.clinician_body, r.patient_body, r.disclosure
         FROM articles a JOIN revisions r ON r.id = a.working_revision_id WHERE a.slug = ?`,
      )
      .get(slug) as Working;
  } finally {
    db.close();
  }
}

/** A fresh draft article to edit, created through the UI, so tests don't share text. */
async function newDraft(page: Page, question: string): Promise<number> {
  await page.goto("/editor/articles/new");
  await page.getByLabel("Question").fill(question);
  await page.getByRole("button", { name: "Create and start writing" }).click();
  await expect(page).toHaveURL(/\/editor\/articles\/\d+\/edit$/);
  return Number(page.url().match(/articles\/(\d+)\/edit/)![1]);
}

const patientBody = (articleId: number) => {
  const db = e2eDb();
  try {
    return (
      db
        .prepare("SELECT r.patient_body AS body FROM articles a JOIN revisions r ON r.id = a.working_revision_id WHERE a.id = ?")
        .get(articleId) as { body: string }
    ).body;
  } finally {
    db.close();
  }
};

/** Calls the save action as any outside client could: a raw POST with the action id. */
async function rawSave(page: Page, articleId: number, payload: unknown) {
  const response = await page.request.post(`/editor/articles/${articleId}/edit`, {
    headers: {
      "Next-Action": serverActionId("saveRevisionAction", "lib/actions/revisions.ts"),
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
    },
    data: JSON.stringify([payload]),
  });
  return response.text();
}

test.describe("authoring without lost work", () => {
  // Two signed-in browser contexts on a shared 2-core machine need more than the default minute.
  test.describe.configure({ timeout: 150_000 });

  test("a save from a stale second tab is refused, keeps its text, and offers a working compare", async ({ pageAs, staff }) => {
    const tabA = await pageAs(staff.editor);
    const articleId = await newDraft(tabA, "Two editors, one article?");
    const tabB = await pageAs(staff.editor);
    await tabB.goto(`/editor/articles/${articleId}/edit`);
    await expect(saveStatus(tabB)).toHaveText("All changes saved");

    await tabA.getByLabel("Patient wording", { exact: true }).fill("Text from the first tab.");
    await expect(saveStatus(tabA)).toHaveText(/^Saved at/, { timeout: 20_000 });

    const patientB = tabB.getByLabel("Patient wording", { exact: true });
    await patientB.fill("Text from the second tab.");
    await expect(saveStatus(tabB)).toHaveText("Not saved — a newer version exists", { timeout: 20_000 });
    await expect(patientB).toHaveValue("Text from the second tab.");
    expect(patientBody(articleId)).toBe("Text from the first tab.");

    const compare = tabB.getByRole("region", { name: "Not saved: a newer version exists" });
    const patientDiff = compare.getByRole("region", { name: "Patient wording differences" });
    await expect(patientDiff.locator("del")).toHaveText("[removed: first]");
    await expect(patientDiff.locator("ins")).toHaveText("[added: second]");
    await expect(compare.getByRole("region", { name: "Clinician wording differences" })).toHaveCount(0);

    // Typing on during the conflict saves nothing over the other tab's text.
    await patientB.pressSequentially(" More.");
    await tabB.waitForTimeout(2500);
    expect(patientBody(articleId)).toBe("Text from the first tab.");

    await compare.getByRole("button", { name: "Keep my text" }).click();
    await expect(saveStatus(tabB)).toHaveText(/^Saved at/, { timeout: 20_000 });
    expect(patientBody(articleId)).toBe("Text from the second tab. More.");
  });

  test("choosing the saved version after a conflict puts it on screen", async ({ pageAs, staff }) => {
    const tabA = await pageAs(staff.editor);
    const articleId = await newDraft(tabA, "Whose text wins?");
    const tabB = await pageAs(staff.editor);
    await tabB.goto(`/editor/articles/${articleId}/edit`);
    await tabA.getByLabel("Clinician wording", { exact: true }).fill("Saved elsewhere.");
    await expect(saveStatus(tabA)).toHaveText(/^Saved at/, { timeout: 20_000 });
    await tabB.getByLabel("Clinician wording", { exact: true }).fill("Mine.");
    await expect(saveStatus(tabB)).toHaveText("Not saved — a newer version exists", { timeout: 20_000 });
    await tabB.getByRole("button", { name: "Use the saved version" }).click();
    await tabB.getByRole("alertdialog").getByRole("button", { name: "Discard my text" }).click();
    await expect(tabB.getByLabel("Clinician wording", { exact: true })).toHaveValue("Saved elsewhere.");
    await expect(saveStatus(tabB)).toHaveText(/^Saved at/);
  });

  test("a failed save keeps the text in the browser through a reload, and saves it once the server answers", async ({ pageAs, staff }) => {
    const page = await pageAs(staff.editor);
    const articleId = await newDraft(page, "What if the connection drops?");
    // Server actions POST to the page's URL: failing them is the server being unreachable.
    const editUrl = `**/editor/articles/${articleId}/edit`;
    await page.route(editUrl, (route) => (route.request().method() === "POST" ? route.abort("connectionrefused") : route.continue()));

    await page.getByLabel("Patient wording", { exact: true }).fill("Typed while the server was unreachable.");
    await expect(saveStatus(page)).toHaveText("Not saved — retrying", { timeout: 20_000 });
    expect(patientBody(articleId)).toBe("");
    const kept = await page.evaluate(
      (id) =>
        Object.entries<string>(window.localStorage)
          .filter(([k]) => k.startsWith(`vetted:draft:article:${id}:`))
          .map(([, v]) => (JSON.parse(v) as LocalDraft).fields.patientBody),
      articleId,
    );
    expect(kept).toEqual(["Typed while the server was unreachable."]);

    await page.reload();
    await expect(page.getByLabel("Patient wording", { exact: true })).toHaveValue("Typed while the server was unreachable.");
    await expect(page.getByText("Unsaved changes from this browser were restored")).toBeVisible();

    await page.unroute(editUrl);
    await expect(saveStatus(page)).toHaveText(/^Saved at/, { timeout: 30_000 });
    expect(patientBody(articleId)).toBe("Typed while the server was unreachable.");
    // The browser's copy is dropped once the server has the text.
    const localCopies = await page.evaluate(
      (id) => Object.keys(window.localStorage).filter((k) => k.startsWith(`vetted:draft:article:${id}:`)),
      articleId,
    );
    expect(localCopies).toEqual([]);
  });

  test("the save action refuses fields the editor doesn't have (raw POST)", async ({ pageAs, staff }) => {
    const page = await pageAs(staff.editor);
    const draft = working(createFixtureArticle({ author: staff.editor, state: "draft" }).slug);
    const valid = {
      articleId: draft.articleId,
      revisionId: draft.revisionId,
      version: draft.version,
      question: draft.question,
      slug: draft.slug,
      topic: draft.topic,
      clinicianBody: draft.clinician_body,
      patientBody: `${draft.patient_body}\n\nRaw POST edit.`,
      disclosure: draft.disclosure,
    };
    const refused = await rawSave(page, draft.articleId, { ...valid, state: "approved", authorId: 1 });
    expect(refused).toContain('"code":"invalid"');
    expect(working(draft.slug).version).toBe(draft.version);

    // The same request without the extra fields is accepted, so the refusal above was the fields.
    const accepted = await rawSave(page, draft.articleId, valid);
    expect(accepted).toContain('"ok":true');
    const after = working(draft.slug);
    expect(after.version).toBe(draft.version + 1);
    expect(after.patient_body).toContain("Raw POST edit.");
  });

  test("a reviewer can't open the editor, save, or use the preview", async ({ pageAs, staff }) => {
    const draft = working(createFixtureArticle({ author: staff.editor, state: "submitted" }).slug);
    const page = await pageAs(staff.reviewers[0]);
    const response = await page.goto(`/editor/articles/${draft.articleId}/edit`);
    expect(response?.status()).toBe(404);
    await expect(page.getByLabel("Patient wording", { exact: true })).toHaveCount(0);

    const reply = await rawSave(page, draft.articleId, {
      articleId: draft.articleId,
      revisionId: draft.revisionId,
      version: draft.version,
      question: "Hijacked",
      slug: draft.slug,
      topic: draft.topic,
      clinicianBody: "x",
      patientBody: "x",
      disclosure: "",
    });
    expect(reply).toContain('"code":"forbidden"');
    expect(working(draft.slug)).toMatchObject({ version: draft.version, question: draft.question });

    const preview = await page.request.post("/api/editor/preview", { data: { clinicianBody: "x", patientBody: "y" } });
    expect(preview.status()).toBe(403);
    const search = await page.request.get("/api/editor/citations?q=bull");
    expect(search.status()).toBe(403);
  });
});
