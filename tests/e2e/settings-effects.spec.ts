import type { Page } from "@playwright/test";
import { createFixtureArticle, expect, FIXTURE_PASSWORD, test } from "../helpers/fixtures";
import { e2eDb } from "../helpers/e2e-db";
import { editArticle } from "../helpers/editor";

// Site-wide settings change what every other test sees: this file runs in the "settings"
// project, after all the others, one test at a time, and puts every setting back.
test.describe.configure({ mode: "serial" });

type Working = { articleId: number; revisionId: number; state: string; liveRevisionId: number | null };

function working(articleId: number): Working {
  const db = e2eDb();
  try {
    return db
      .prepare(
        `SELECT a.id AS articleId, r.id AS revisionId, r.state, a.live_revision_id AS liveRevisionId
           FROM articles a JOIN revisions r ON r.id = a.working_revision_id WHERE a.id = ?`,
      )
      .get(articleId) as Working;
  } finally {
    db.close();
  }
}

async function saveSetting(page: Page, label: string, value: string) {
  await page.goto("/admin/settings");
  await page.waitForLoadState("networkidle");
  await page.getByLabel(label).fill(value);
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText(/Settings saved/)).toBeVisible();
}

test.describe("site settings take effect at once", () => {
  test("with requiredApprovals set to 1, a single board approval publishes the next revision", async ({ browser, pageAs, staff }) => {
    test.setTimeout(240_000);
    const [, approver] = staff.reviewers;
    const article = createFixtureArticle({ author: staff.editor, state: "approved" });
    const admin = await pageAs(staff.admin, "/admin/settings");
    await admin.waitForLoadState("networkidle");
    const originalApprovals = await admin.getByLabel("Approvals required").inputValue();
    expect(originalApprovals).toBe("2");
    await saveSetting(admin, "Approvals required", "1");

    try {
      // Editing the approved article starts revision 2; the approved one stays live.
      const editor = await pageAs(staff.editor);
      const before = working(article.articleId);
      expect(before.state).toBe("approved");
      await editArticle(editor, before.articleId, {
        patient: "Gentle core exercises after birth are safe for most people. Start slowly and stop if it hurts.",
      });
      const draft = working(article.articleId);
      expect(draft.revisionId).not.toBe(before.revisionId);
      expect(draft.liveRevisionId).toBe(before.revisionId);

      await editor.goto(`/editor/articles/${draft.articleId}`);
      await editor.getByRole("button", { name: "Submit for review" }).click();
      await expect(editor.getByText("Submitted", { exact: true })).toBeVisible();
      await editor.getByLabel(approver.name).check();
      await editor.getByLabel("Review due by").fill("2030-06-30");
      await editor.getByRole("button", { name: "Start review" }).click();
      await expect(editor.getByText("Under review", { exact: true })).toBeVisible();

      const reviewer = await pageAs(approver, `/editor/articles/${draft.articleId}/review`);
      await expect(reviewer.getByText("0 of 1 approvals on this text")).toBeVisible();
      await reviewer.getByRole("button", { name: /^Approve( again)?$/ }).click();
      const dialog = reviewer.getByRole("dialog", { name: "Sign your approval" });
      await dialog.getByLabel("Your password").fill(FIXTURE_PASSWORD);
      await dialog.getByRole("button", { name: "Sign and approve" }).click();
      await expect(dialog).toBeHidden();

      // One approval was enough: revision 2 is approved and is what readers now get.
      expect(working(article.articleId)).toMatchObject({
        revisionId: draft.revisionId,
        state: "approved",
        liveRevisionId: draft.revisionId,
      });
      const reader = await (await browser.newContext()).newPage();
      await reader.goto(`/articles/${article.slug}?audience=patient`);
      await expect(reader.getByText("Gentle core exercises after birth are safe for most people.")).toBeVisible();
      await expect(reader.getByTestId("last-reviewed")).toContainText(approver.name);
    } finally {
      await saveSetting(admin, "Approvals required", originalApprovals);
    }
  });

  test("a changed disclaimer shows on the reader page for that audience at once", async ({ browser, pageAs, staff }) => {
    const { slug } = createFixtureArticle({ author: staff.editor, state: "approved" });
    const reader = await (await browser.newContext()).newPage();
    await reader.goto(`/articles/${slug}?audience=patient`);
    const before = await reader.getByTestId("disclaimer").innerText();

    const admin = await pageAs(staff.admin, "/admin/settings");
    await admin.waitForLoadState("networkidle");
    const label = "Disclaimer for patients and caregivers";
    const original = await admin.getByLabel(label).inputValue();
    const changed = `This answer is general information, not advice for you (${Date.now()}).`;
    await saveSetting(admin, label, changed);
    try {
      await reader.reload();
      await expect(reader.getByTestId("disclaimer")).toHaveText(changed);
      // The clinician wording keeps its own disclaimer.
      await reader.goto(`/articles/${slug}?audience=clinician`);
      await expect(reader.getByTestId("disclaimer")).not.toHaveText(changed);
    } finally {
      await saveSetting(admin, label, original);
    }
    await reader.goto(`/articles/${slug}?audience=patient`);
    await expect(reader.getByTestId("disclaimer")).toHaveText(before);
  });
});
