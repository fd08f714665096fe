import type { Page } from "@playwright/test";
import { e2eDb } from "../helpers/e2e-db";
import { createFixtureArticle, createFixtureReference, expect, test } from "../helpers/fixtures";
import { serverActionId } from "../helpers/server-actions";
import { editRevisionContent } from "../helpers/workflow-edit";

type Working = { articleId: number; revisionId: number; state: string; liveRevisionId: number | null; number: number };

function working(articleId: number): Working {
  const db = e2eDb();
  try {
    return db
      .prepare(
        `SELECT a.id AS articleId, r.id AS revisionId, r.state, a.live_revision_id AS liveRevisionId, r.number
           FROM articles a JOIN revisions r ON r.id = a.working_revision_id WHERE a.id = ?`,
      )
      .get(articleId) as Working;
  } finally {
    db.close();
  }
}

async function confirm(page: Page, button: string) {
  await page.getByRole("button", { name: button, exact: true }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: button, exact: true }).click();
}

test.describe("reviewer assignment, re-review and the checklist", () => {
  // Several staff sessions per test; on a loaded machine each page load takes seconds.
  test.slow();
  test("editors add and remove reviewers while a new revision of a live article is in review", async ({ pageAs, staff }) => {
    const [r1, r2, r3] = staff.reviewers;
    // A live article whose revision 2 is under review by r1 and r2, approved so far by r2.
    const article = createFixtureArticle({
      author: staff.editor,
      state: "under_review",
      live: true,
      reviewers: [r1, r2],
      approvedBy: [r2],
    });
    const start = working(article.articleId);
    expect(start.liveRevisionId).not.toBe(start.revisionId);

    const editor = await pageAs(staff.editor, `/editor/articles/${article.articleId}`);
    // Readers keep the approved revision while the new one is reviewed.
    await expect(editor.getByText(/Readers see revision 1, approved/)).toBeVisible();
    await expect(editor.getByText("1 of 2 needed")).toBeVisible();

    await editor.getByLabel("Add a reviewer").selectOption({ label: `${r3.name}, ${r3.credentials}` });
    await editor.getByLabel("Due by").fill("2030-01-15");
    await editor.getByRole("button", { name: "Add reviewer" }).click();
    await expect(editor.locator(`[data-reviewer='${r3.name}']`)).toContainText("15 January 2030");

    // Removing the reviewer who approved takes their approval out of the count; the record stays.
    const approver = editor.locator(`[data-reviewer='${r2.name}']`);
    await approver.getByRole("button", { name: `Remove ${r2.name}` }).click();
    await editor.getByRole("alertdialog").getByRole("button", { name: "Remove reviewer" }).click();
    await expect(approver).toHaveCount(0);
    await expect(editor.getByText("0 of 2 needed")).toBeVisible();
    await expect(editor.locator("[data-sign-off]").filter({ hasText: r2.name })).toBeVisible();

    const added = await pageAs(r3);
    await expect(added.getByRole("region", { name: "Assigned to you" }).getByRole("link", { name: article.question })).toBeVisible();
    await expect(added.locator("[data-kind=assigned]").first()).toBeVisible();

    const removed = await pageAs(r2);
    await expect(removed.locator("[data-kind=assignment_removed]").first()).toBeVisible();
    const response = await removed.goto(`/editor/articles/${article.articleId}/review`);
    expect(response?.status()).toBe(404);
  });

  test("an overdue approved article is re-reviewed in a new revision while the approved one stays live", async ({ pageAs, staff }) => {
    const article = createFixtureArticle({
      author: staff.editor,
      state: "approved",
      reviewDueAt: new Date(Date.now() - 86_400_000).toISOString(),
    });
    const start = working(article.articleId);
    expect(start.state).toBe("approved");
    const page = await pageAs(staff.editor);
    const queue = page.getByRole("region", { name: "Due for re-review" });
    await queue.getByRole("link", { name: article.question }).click();
    await expect(page).toHaveURL(new RegExp(`/editor/articles/${start.articleId}$`));
    await expect(page.getByText(/Due for re-review\. Review was due/)).toBeVisible();
    await confirm(page, "Start re-review");
    await expect(page.getByText("Submitted", { exact: true })).toBeVisible();
    await expect(page.getByText(/Readers see revision 1, approved/)).toBeVisible();
    const after = working(article.articleId);
    expect(after.revisionId).not.toBe(start.revisionId);
    expect(after.number).toBe(2);
    expect(after.liveRevisionId).toBe(start.revisionId);
    await expect(page.getByRole("button", { name: "Start re-review" })).toHaveCount(0);
  });

  test("a submitted revision can be withdrawn to draft", async ({ pageAs, staff }) => {
    const article = createFixtureArticle({ author: staff.editor, state: "submitted" });
    const page = await pageAs(staff.editor, `/editor/articles/${article.articleId}`);
    await confirm(page, "Withdraw");
    await expect(page.getByText("Draft", { exact: true })).toBeVisible();
    expect(working(article.articleId).state).toBe("draft");
  });

  test("a retracted or unknown citation blocks submission in the checklist and at the server", async ({ pageAs, staff }) => {
    const article = createFixtureArticle({ author: staff.editor, state: "changes_requested" });
    const retracted = createFixtureReference("A withdrawn aspirin trial");
    const db = e2eDb();
    try {
      db.prepare("UPDATE library_references SET retracted = 1 WHERE id = ?").run(retracted.id);
    } finally {
      db.close();
    }
    const unknown = `nosuchkey${retracted.id}`;
    editRevisionContent(
      article.articleId,
      { clinicianBody: `Aspirin halves risk [@${retracted.citekey}], says [@${unknown}].` },
      staff.editor.email,
    );
    const start = working(article.articleId);

    const page = await pageAs(staff.editor, `/editor/articles/${article.articleId}`);
    await expect(page.locator("[data-check=retracted]")).toHaveAttribute("data-status", "blocking");
    await expect(page.locator("[data-check=retracted]")).toContainText("A withdrawn aspirin trial");
    await expect(page.locator("[data-check=unknown-citekeys]")).toContainText(`@${unknown}`);
    await expect(page.getByRole("button", { name: "Submit for review" })).toBeDisabled();

    const response = await page.request.post(`/editor/articles/${article.articleId}`, {
      headers: {
        "Next-Action": serverActionId("submitRevisionAction", "lib/actions/workflow.ts"),
        "Content-Type": "text/plain;charset=UTF-8",
        Accept: "text/x-component",
      },
      data: JSON.stringify([{ revisionId: start.revisionId }]),
      maxRedirects: 0,
    });
    expect(await response.text()).toContain("Fix these before submitting");
    expect(working(article.articleId).state).toBe("changes_requested");
  });

  test("a reviewer comments on a passage they select, quoted in the thread", async ({ pageAs, staff }) => {
    const reviewer = staff.reviewers[0];
    const article = createFixtureArticle({ author: staff.editor, state: "under_review", reviewers: [reviewer, staff.reviewers[1]] });
    const page = await pageAs(reviewer, `/editor/articles/${article.articleId}/review`);
    await page.getByRole("button", { name: "Post comment" }).click();
    await expect(page.getByText("Write a comment")).toBeVisible();

    // Select the first paragraph of the patient wording, as a reviewer would with the mouse.
    const passage = await page.evaluate(() => {
      const paragraph = document.querySelector("[data-quote-source=patient] p")!;
      const range = document.createRange();
      range.selectNodeContents(paragraph);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return selection.toString().trim();
    });
    expect(passage.length).toBeGreaterThan(10);
    await page.getByRole("button", { name: "Quote selected text" }).click();
    await expect(page.getByLabel("Quoted passage (optional)")).toHaveValue(passage);
    await expect(page.getByLabel("Quoted wording")).toHaveValue("patient");
    await page.getByLabel("Comment", { exact: true }).fill("Please add how this applies to people with limited mobility.");
    await page.getByRole("button", { name: "Post comment" }).click();

    const thread = page.getByRole("list", { name: "Comments" });
    const comment = thread.getByRole("listitem").filter({ hasText: "limited mobility" });
    await expect(comment).toBeVisible();
    await expect(comment.locator("blockquote")).toContainText(passage.slice(0, 40));
    await expect(page.getByLabel("Quoted passage (optional)")).toHaveValue("");
  });
});
