import { expect, type Page } from "@playwright/test";

export type ArticleEdits = { clinician?: string; patient?: string; question?: string };

/** The editor's save state ("Saved at 14:02", "Saving…", "Not saved — retrying"). */
export const saveStatus = (page: Page) => page.getByTestId("save-status");

/**
 * Edits an article through its editor page, as a writer would, and waits until the autosave
 * reports the text saved. Fields left out are not touched. Editing an approved article starts a
 * new working revision (the approved one stays live).
 */
export async function editArticle(page: Page, articleId: number, edits: ArticleEdits): Promise<void> {
  await page.goto(`/editor/articles/${articleId}/edit`);
  await expect(page.getByRole("heading", { level: 1, name: "Edit article" })).toBeVisible();
  if (edits.question !== undefined) await page.getByLabel("Question (the article's title)").fill(edits.question);
  if (edits.clinician !== undefined) await page.getByLabel("Clinician wording", { exact: true }).fill(edits.clinician);
  if (edits.patient !== undefined) await page.getByLabel("Patient wording", { exact: true }).fill(edits.patient);
  await expect(saveStatus(page)).toHaveText(/^(Saved at \d\d:\d\d|All changes saved)$/, { timeout: 20_000 });
}
