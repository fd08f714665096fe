import { expect, test, type Page } from "@playwright/test";
import { DEMO, signIn } from "../helpers/session";
import { e2eDb } from "../helpers/e2e-db";
import { serverActionId } from "../helpers/server-actions";
import { editRevisionContent } from "../helpers/workflow-edit";

type Working = { articleId: number; revisionId: number; state: string; liveRevisionId: number | null; number: number };

function working(slug: string): Working {
  const db = e2eDb();
  try {
    return db
      .prepare(
        `SELECT a.id AS articleId, r.id AS revisionId, r.state, a.live_revision_id AS liveRevisionId, r.number
           FROM articles a JOIN revisions r ON r.id = a.working_revision_id WHERE a.slug = ?`,
      )
      .get(slug) as Working;
  } finally {
    db.close();
  }
}

async function confirm(page: Page, button: string) {
  await page.getByRole("button", { name: button, exact: true }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: button, exact: true }).click();
}

test.describe("reviewer assignment, re-review and the checklist", () => {
  // Several staff sessions per test; on a loaded machine each sign-in takes seconds.
  test.slow();
  test("editors add and remove reviewers while a new revision of a live article is in review", async ({ browser }) => {
    const slug = "postpartum-back-pain-exercise-3-months";
    const start = working(slug);
    expect(start.state).toBe("under_review");
    expect(start.liveRevisionId).not.toBe(start.revisionId);

    const editor = await (await browser.newContext()).newPage();
    await signIn(editor, DEMO.editor);
    await editor.goto(`/editor/articles/${start.articleId}`);
    // Readers keep the approved revision while the new one is reviewed.
    await expect(editor.getByText(/Readers see revision 1, approved/)).toBeVisible();
    await expect(editor.getByText("1 of 2 needed")).toBeVisible();

    await editor.getByLabel("Add a reviewer").selectOption({ label: "Dr. Priya Raman, PT, DPT" });
    await editor.getByLabel("Due by").fill("2030-01-15");
    await editor.getByRole("button", { name: "Add reviewer" }).click();
    await expect(editor.locator("[data-reviewer='Dr. Priya Raman']")).toContainText("15 January 2030");

    // Removing the reviewer who approved takes their approval out of the count; the record stays.
    const osei = editor.locator("[data-reviewer='Dr. James Osei']");
    await osei.getByRole("button", { name: "Remove Dr. James Osei" }).click();
    await editor.getByRole("alertdialog").getByRole("button", { name: "Remove reviewer" }).click();
    await expect(osei).toHaveCount(0);
    await expect(editor.getByText("0 of 2 needed")).toBeVisible();
    await expect(editor.locator("[data-sign-off]").filter({ hasText: "Dr. James Osei" })).toBeVisible();

    const reviewer3 = await (await browser.newContext()).newPage();
    await signIn(reviewer3, DEMO.reviewer3);
    await expect(
      reviewer3.getByRole("region", { name: "Assigned to you" }).getByRole("link", { name: /postpartum back pain/i }),
    ).toBeVisible();
    await expect(reviewer3.locator("[data-kind=assigned]").first()).toBeVisible();

    const reviewer2 = await (await browser.newContext()).newPage();
    await signIn(reviewer2, DEMO.reviewer2);
    await expect(reviewer2.locator("[data-kind=assignment_removed]").first()).toBeVisible();
    const removed = await reviewer2.goto(`/editor/articles/${start.articleId}/review`);
    expect(removed?.status()).toBe(404);
  });

  test("an overdue approved article is re-reviewed in a new revision while the approved one stays live", async ({ page }) => {
    const slug = "first-line-treatment-acute-low-back-pain";
    const start = working(slug);
    expect(start.state).toBe("approved");
    await signIn(page, DEMO.editor);
    const queue = page.getByRole("region", { name: "Due for re-review" });
    await queue.getByRole("link", { name: /low back pain/i }).click();
    await expect(page).toHaveURL(new RegExp(`/editor/articles/${start.articleId}$`));
    await expect(page.getByText(/Due for re-review\. Review was due/)).toBeVisible();
    await confirm(page, "Start re-review");
    await expect(page.getByText("Submitted", { exact: true })).toBeVisible();
    await expect(page.getByText(/Readers see revision 1, approved/)).toBeVisible();
    const after = working(slug);
    expect(after.revisionId).not.toBe(start.revisionId);
    expect(after.number).toBe(2);
    expect(after.liveRevisionId).toBe(start.revisionId);
    await expect(page.getByRole("button", { name: "Start re-review" })).toHaveCount(0);
  });

  test("a submitted revision can be withdrawn to draft", async ({ page }) => {
    const slug = "when-to-screen-adults-for-type-2-diabetes";
    const start = working(slug);
    expect(start.state).toBe("submitted");
    await signIn(page, DEMO.editor);
    await page.goto(`/editor/articles/${start.articleId}`);
    await confirm(page, "Withdraw");
    await expect(page.getByText("Draft", { exact: true })).toBeVisible();
    expect(working(slug).state).toBe("draft");
  });

  test("a retracted or unknown citation blocks submission in the checklist and at the server", async ({ page }) => {
    const slug = "daily-aspirin-to-prevent-first-heart-attack";
    const start = working(slug);
    expect(start.state).toBe("changes_requested");
    const db = e2eDb();
    try {
      db.prepare(
        "INSERT INTO library_references (citekey, type, title, source, year, retracted) VALUES ('retracted2099', 'research', 'A withdrawn aspirin trial', 'Journal of Tests', 2099, 1)",
      ).run();
    } finally {
      db.close();
    }
    editRevisionContent(start.articleId, { clinicianBody: "Aspirin halves risk [@retracted2099], says [@nosuchkey2001]." });

    await signIn(page, DEMO.editor);
    await page.goto(`/editor/articles/${start.articleId}`);
    await expect(page.locator("[data-check=retracted]")).toHaveAttribute("data-status", "blocking");
    await expect(page.locator("[data-check=retracted]")).toContainText("A withdrawn aspirin trial");
    await expect(page.locator("[data-check=unknown-citekeys]")).toContainText("@nosuchkey2001");
    await expect(page.getByRole("button", { name: "Submit for review" })).toBeDisabled();

    const response = await page.request.post(`/editor/articles/${start.articleId}`, {
      headers: {
        "Next-Action": serverActionId("submitRevisionAction", "lib/actions/workflow.ts"),
        "Content-Type": "text/plain;charset=UTF-8",
        Accept: "text/x-component",
      },
      data: JSON.stringify([{ revisionId: start.revisionId }]),
      maxRedirects: 0,
    });
    expect(await response.text()).toContain("Fix these before submitting");
    expect(working(slug).state).toBe("changes_requested");
  });

  test("a reviewer comments on a passage they select, quoted in the thread", async ({ page }) => {
    const target = working("how-much-physical-activity-do-adults-need");
    await signIn(page, DEMO.reviewer1);
    await page.goto(`/editor/articles/${target.articleId}/review`);
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
