import { execFileSync } from "node:child_process";
import type { Page } from "@playwright/test";
import { signIn } from "../helpers/session";
import { createFixtureArticle, expect, FIXTURE_PASSWORD, test } from "../helpers/fixtures";
import { createUser, e2eDb } from "../helpers/e2e-db";
import { serverActionId } from "../helpers/server-actions";
import { editArticle } from "../helpers/editor";
import { E2E_DATABASE } from "../../playwright.config";

type Working = { articleId: number; revisionId: number; state: string; contentHash: string; liveRevisionId: number | null };

function working(articleId: number): Working {
  const db = e2eDb();
  try {
    return db
      .prepare(
        `SELECT a.id AS articleId, r.id AS revisionId, r.state, r.content_hash AS contentHash, a.live_revision_id AS liveRevisionId
           FROM articles a JOIN revisions r ON r.id = a.working_revision_id WHERE a.id = ?`,
      )
      .get(articleId) as Working;
  } finally {
    db.close();
  }
}

function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = e2eDb();
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** Sign-offs on the given revisions (other workers sign their own fixtures meanwhile). */
const signOffCount = (...revisionIds: number[]) =>
  query<{ n: number }>(
    `SELECT count(*) AS n FROM sign_offs WHERE revision_id IN (${revisionIds.map(() => "?").join(",")})`,
    ...revisionIds,
  )[0].n;

async function approve(page: Page, password = FIXTURE_PASSWORD) {
  await page.getByRole("button", { name: /^Approve( again)?$/ }).click();
  const dialog = page.getByRole("dialog", { name: "Sign your approval" });
  await expect(dialog.getByTestId("signature-meaning")).toHaveText(
    "I have reviewed this content for medical accuracy and approve it for publication.",
  );
  await dialog.getByLabel("Your password").fill(password);
  await dialog.getByRole("button", { name: "Sign and approve" }).click();
  return dialog;
}

function auditVerify(): string {
  return execFileSync(process.execPath, ["--import", "tsx", "scripts/audit-verify.ts"], {
    env: { ...process.env, DATABASE_PATH: E2E_DATABASE },
    encoding: "utf8",
  });
}

test.describe("editorial workflow and board sign-off", () => {
  test("submit, review, request changes, edit, sign twice with passwords, approve on the current text", async ({ pageAs, staff }) => {
    test.setTimeout(360_000);
    const [r1, r2] = staff.reviewers;
    const article = createFixtureArticle({
      author: staff.editor,
      state: "draft",
      question: `Is ibuprofen safe while breastfeeding (${Date.now()})?`,
    });
    const slug = article.articleId;
    const start = working(slug);
    expect(start.state).toBe("draft");
    const articleUrl = `/editor/articles/${start.articleId}`;
    const reviewUrl = `${articleUrl}/review`;

    // The editor submits and assigns two board reviewers with a due date.
    const editor = await pageAs(staff.editor, articleUrl);
    await expect(editor.locator("[data-check=content]")).toHaveAttribute("data-status", "passed");
    await editor.getByRole("button", { name: "Submit for review" }).click();
    await expect(editor.getByText("Submitted", { exact: true })).toBeVisible();
    await editor.getByLabel(r1.name).check();
    await editor.getByLabel(r2.name).check();
    await editor.getByLabel("Review due by").fill("2030-06-30");
    await editor.getByRole("button", { name: "Start review" }).click();
    await expect(editor.getByText("Under review", { exact: true })).toBeVisible();
    await expect(editor.locator(`[data-reviewer='${r1.name}']`)).toContainText("30 June 2030");
    expect(working(slug).state).toBe("under_review");

    // reviewer1 finds it on their dashboard and requests changes (a comment is required).
    const reviewer1 = await pageAs(r1);
    await expect(reviewer1.getByRole("region", { name: "Assigned to you" }).getByRole("link", { name: article.question })).toBeVisible();
    await expect(reviewer1.locator("[data-kind=assigned]").filter({ hasText: article.question })).toBeVisible();
    await reviewer1.goto(reviewUrl);
    await expect(reviewer1.getByRole("heading", { name: "For healthcare professionals" })).toBeVisible();
    await expect(reviewer1.getByRole("heading", { name: "For patients and caregivers" })).toBeVisible();
    // Sending it back is a signature too: the comment and the password, each required.
    await reviewer1.getByText("Request changes instead").click();
    await reviewer1.getByRole("button", { name: "Request changes" }).click();
    await expect(reviewer1.getByText("Say what needs to change")).toBeVisible();
    await expect(reviewer1.getByText("Enter your password to sign")).toBeVisible();
    expect(working(slug).state).toBe("under_review");
    await reviewer1.getByLabel("What needs to change").fill("Add the infant age at which the dose guidance applies.");
    await reviewer1.locator("#changes-password").fill("not-my-password");
    await reviewer1.getByRole("button", { name: "Request changes" }).click();
    await expect(reviewer1.getByText("That password is not correct. Nothing was signed.").first()).toBeVisible();
    expect(working(slug).state).toBe("under_review");
    await reviewer1.locator("#changes-password").fill(FIXTURE_PASSWORD);
    await reviewer1.getByRole("button", { name: "Request changes" }).click();
    await expect(reviewer1.getByText("Changes requested", { exact: true })).toBeVisible();
    {
      const db = e2eDb();
      try {
        // The change request is recorded as signed with the password (the sign-off's first component).
        const row = db
          .prepare(
            "SELECT factors FROM sign_offs WHERE revision_id = (SELECT working_revision_id FROM articles WHERE id = ?) AND decision = 'request_changes'",
          )
          .get(slug) as { factors: string };
        expect(row.factors).toBe("password");
      } finally {
        db.close();
      }
    }
    expect(working(slug).state).toBe("changes_requested");

    // The editor edits in the editor page and resubmits; the same panel reviews again.
    await editArticle(editor, start.articleId, {
      patient: "Ibuprofen is a common choice while breastfeeding, including for newborns. Take the lowest dose that helps.",
    });
    await editor.goto("/dashboard");
    await expect(editor.locator("[data-kind=changes_requested]").first()).toBeVisible();
    await editor.goto(articleUrl);
    await editor.getByRole("button", { name: "Submit for review" }).click();
    await expect(editor.getByText("Submitted", { exact: true })).toBeVisible();
    await editor.getByRole("button", { name: "Start review" }).click();
    await expect(editor.getByText("Under review", { exact: true })).toBeVisible();

    // reviewer1 approves with their password: one approval of two.
    await reviewer1.goto(reviewUrl);
    const dialog = await approve(reviewer1);
    await expect(dialog).toBeHidden();
    await expect(reviewer1.getByText("You have approved this exact text.")).toBeVisible();
    await expect(reviewer1.getByText("1 of 2 approvals on this text")).toBeVisible();

    // The editor edits again: reviewer1's approval stays on record but stops counting.
    await editArticle(editor, start.articleId, {
      patient: "Ibuprofen is a common choice while breastfeeding. Take the lowest dose that helps, for the shortest time.",
    });
    await reviewer1.goto(reviewUrl);
    await expect(reviewer1.getByText("The text changed after you approved it.")).toBeVisible();
    await expect(reviewer1.getByText("0 of 2 approvals on this text")).toBeVisible();
    await expect(reviewer1.locator("[data-sign-off][data-counts=no]").filter({ hasText: "Given on an earlier version" })).toBeVisible();
    await reviewer1.goto("/dashboard");
    await expect(
      reviewer1
        .getByRole("region", { name: "Assigned to you" })
        .locator("li")
        .filter({ hasText: article.question })
        .getByText("Needs your sign-off again"),
    ).toBeVisible();
    await expect(reviewer1.locator("[data-kind=sign_off_again]").first()).toBeVisible();

    // A wrong password records nothing and says so.
    const before = signOffCount(start.revisionId);
    await reviewer1.goto(reviewUrl);
    const wrong = await approve(reviewer1, "not-my-password");
    await expect(wrong.getByRole("alert")).toHaveText("That password is not correct. Nothing was signed.");
    expect(signOffCount(start.revisionId)).toBe(before);
    expect(working(slug).state).toBe("under_review");
    await wrong.getByRole("button", { name: "Cancel" }).click();

    // Both reviewers sign the current text: the revision is approved and goes live.
    await approve(reviewer1);
    await expect(reviewer1.getByText("1 of 2 approvals on this text")).toBeVisible();
    const reviewer2 = await pageAs(r2);
    await reviewer2.goto(reviewUrl);
    await approve(reviewer2);
    await expect(reviewer2.getByText("Approved", { exact: true }).first()).toBeVisible();

    const end = working(slug);
    expect(end.state).toBe("approved");
    expect(end.liveRevisionId).toBe(end.revisionId);
    const latest = query<{ reviewer: string; content_hash: string }>(
      `SELECT u.email AS reviewer, s.content_hash FROM sign_offs s JOIN users u ON u.id = s.reviewer_id
        WHERE s.revision_id = ? AND s.decision = 'approve' AND s.id IN (SELECT max(id) FROM sign_offs WHERE revision_id = ? GROUP BY reviewer_id)`,
      end.revisionId,
      end.revisionId,
    );
    expect(latest.map((s) => s.reviewer).sort()).toEqual([r1.email, r2.email].sort());
    for (const s of latest) expect(s.content_hash).toBe(end.contentHash);
    const dates = query<{ last_reviewed_at: string; review_due_at: string }>(
      "SELECT last_reviewed_at, review_due_at FROM articles WHERE id = ?",
      end.articleId,
    )[0];
    expect(new Date(dates.review_due_at).getUTCFullYear() - new Date(dates.last_reviewed_at).getUTCFullYear()).toBe(1);

    // The editor sees who signed, when, and what the signature means; the author is told.
    await editor.goto(articleUrl);
    await expect(editor.getByText("Approved", { exact: true }).first()).toBeVisible();
    const counted = editor.locator("[data-sign-off][data-counts=yes]");
    await expect(counted).toHaveCount(2);
    await expect(counted.first()).toContainText("I have reviewed this content for medical accuracy and approve it for publication.");
    await expect(counted.first()).toContainText("UTC");
    await expect(editor.locator("[data-audit-action='revision.approve']")).toBeVisible();
    await editor.goto("/dashboard");
    await expect(editor.locator("[data-kind=approved]").first()).toBeVisible();

    expect(auditVerify()).toContain("Audit chain intact");
  });

  test("a reviewer can't approve a revision they aren't assigned to, nor one they wrote, even by a raw POST", async ({
    page,
    sessionOf,
    staff,
  }) => {
    const actionId = serverActionId("approveRevisionAction", "lib/actions/review.ts");
    const post = (path: string, body: unknown) =>
      page.request.post(path, {
        headers: { "Next-Action": actionId, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
        data: JSON.stringify([body]),
        maxRedirects: 0,
      });

    // The third board reviewer is not on the panel of this revision under review.
    const [r1, r2, outsider] = staff.reviewers;
    const target = working(
      createFixtureArticle({ author: staff.editor, state: "under_review", reviewers: [r1, r2], approvedBy: [r1] }).articleId,
    );
    expect(target.state).toBe("under_review");
    const panel = query<{ email: string }>(
      "SELECT u.email FROM review_assignments a JOIN users u ON u.id = a.reviewer_id WHERE a.revision_id = ? AND a.removed_at IS NULL",
      target.revisionId,
    ).map((r) => r.email);
    expect(panel).not.toContain(outsider.email);
    await page.context().addCookies((await sessionOf(outsider)).cookies);
    const before = signOffCount(target.revisionId);
    const refused = await post(`/editor/articles/${target.articleId}/review`, {
      revisionId: target.revisionId,
      contentHash: target.contentHash,
      password: outsider.password,
    });
    expect(await refused.text()).toContain("Only an assigned reviewer can approve");
    expect(signOffCount(target.revisionId)).toBe(before);
    expect(working(target.articleId).state).toBe("under_review");
    // Nor can they open its review page.
    const reviewPage = await page.goto(`/editor/articles/${target.articleId}/review`);
    expect(reviewPage?.status()).toBe(404);

    // A board member who wrote a revision, assigned to it by a direct database write.
    const author = await createUser("reviewer");
    const db = e2eDb();
    let own: { articleId: number; revisionId: number; contentHash: string };
    try {
      const slug = `own-revision-${Date.now()}`;
      const articleId = (db.prepare("INSERT INTO articles (slug, topic) VALUES (?, 'Test') RETURNING id").get(slug) as { id: number }).id;
      const contentHash = "b".repeat(64);
      const revisionId = (
        db
          .prepare(
            "INSERT INTO revisions (article_id, number, question, clinician_body, patient_body, disclosure, state, content_hash, author_id) VALUES (?, 1, 'Q?', 'C.', 'P.', 'None.', 'under_review', ?, ?) RETURNING id",
          )
          .get(articleId, contentHash, author.id) as { id: number }
      ).id;
      db.prepare("UPDATE articles SET working_revision_id = ? WHERE id = ?").run(revisionId, articleId);
      db.prepare("INSERT INTO review_assignments (revision_id, reviewer_id) VALUES (?, ?)").run(revisionId, author.id);
      own = { articleId, revisionId, contentHash };
    } finally {
      db.close();
    }
    await page.context().clearCookies();
    await signIn(page, author.email, author.password);
    const ownRefused = await post(`/editor/articles/${own.articleId}/review`, {
      revisionId: own.revisionId,
      contentHash: own.contentHash,
      password: author.password,
    });
    expect(await ownRefused.text()).toContain("The author of a revision can't review it");
    expect(signOffCount(target.revisionId, own.revisionId)).toBe(before);
    expect(query<{ state: string }>("SELECT state FROM revisions WHERE id = ?", own.revisionId)[0].state).toBe("under_review");
  });
});
