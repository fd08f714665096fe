import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import Database from "better-sqlite3";
import { createFixtureArticle, createReviewer, expect, FIXTURE_PASSWORD, test } from "../helpers/fixtures";
import { e2eDb } from "../helpers/e2e-db";

/**
 * Board governance (issue 17): change classes verified by the server, the approver mix, and the
 * settings that refuse a mix no quorum could meet. Each test owns its articles and reviewers.
 */
test.describe.configure({ mode: "parallel" });

function row<T>(sql: string, ...params: unknown[]): T {
  const db = e2eDb();
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
}

type ArticleDates = { liveRevisionId: number | null; lastReviewedAt: string | null; reviewDueAt: string | null };
const datesOf = (articleId: number) =>
  row<ArticleDates>(
    "SELECT live_revision_id AS liveRevisionId, last_reviewed_at AS lastReviewedAt, review_due_at AS reviewDueAt FROM articles WHERE id = ?",
    articleId,
  );
const revisionOf = (id: number) =>
  row<{ state: string; changeClass: string }>("SELECT state, change_class AS changeClass FROM revisions WHERE id = ?", id);

async function approve(page: Page) {
  await page.getByRole("button", { name: /^Approve( again)?$/ }).click();
  const dialog = page.getByRole("dialog", { name: "Sign your approval" });
  await dialog.getByLabel("Your password").fill(FIXTURE_PASSWORD);
  await dialog.getByRole("button", { name: "Sign and approve" }).click();
  await expect(dialog).toBeHidden();
}

/** npm run signatures:verify against a database file: its exit code and output. */
function verifySignatures(file: string, slug: string): { code: number; output: string } {
  try {
    const output = execFileSync(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "scripts/signatures-verify.ts", "--article", slug],
      { env: { ...process.env, DATABASE_PATH: file }, encoding: "utf8", stdio: "pipe" },
    );
    return { code: 0, output };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { code: e.status, output: `${e.stdout}${e.stderr}` };
  }
}

const LIVE_TEXT = "Most people can use this treatmnet safely. Take 150 mg with food.\n\nStop and get help if it makes you feel worse.";

test("a one-word typo fix claimed minor publishes with one approval and keeps last reviewed", async ({ pageAs, staff }) => {
  const physio = staff.reviewers[2];
  const article = createFixtureArticle({
    author: staff.editor,
    state: "draft",
    live: true,
    patientBody: LIVE_TEXT,
    workingPatientBody: LIVE_TEXT.replace("treatmnet", "treatment"),
  });
  const before = datesOf(article.articleId);
  const editor = await pageAs(staff.editor, `/editor/articles/${article.articleId}`);

  // A minor claim needs a reason: refused in the form, nothing submitted.
  await editor.getByLabel(/^Minor/).check();
  await editor.getByRole("button", { name: "Submit for review" }).click();
  await expect(editor.getByText("Choose why the change is minor")).toBeVisible();
  expect(revisionOf(article.revisionId).state).toBe("draft");

  await editor.getByLabel("Why it is minor").selectOption("typo");
  await editor.getByRole("button", { name: "Submit for review" }).click();
  await expect(editor.getByText("Submitted", { exact: true })).toBeVisible();
  expect(revisionOf(article.revisionId)).toEqual({ state: "submitted", changeClass: "minor" });
  await expect(editor.getByTestId("change-class")).toContainText("Minor change");
  await expect(editor.getByTestId("change-class")).toContainText("1 word changed");

  // One physiotherapist is enough: the physician requirement applies to new and major changes only.
  await editor.getByLabel(physio.name).check();
  await editor.getByRole("button", { name: "Start review" }).click();
  await expect(editor.getByText("Under review", { exact: true })).toBeVisible();

  const reviewer = await pageAs(physio, `/editor/articles/${article.articleId}/review`);
  await expect(reviewer.getByTestId("change-class")).toContainText("Typo or spelling");
  await expect(reviewer.getByRole("heading", { name: /Changes since the live revision/ })).toBeVisible();
  await approve(reviewer);
  await expect.poll(() => revisionOf(article.revisionId).state).toBe("approved");

  const after = datesOf(article.articleId);
  expect(after.liveRevisionId).toBe(article.revisionId);
  expect(after.lastReviewedAt).toBe(before.lastReviewedAt);
  expect(after.reviewDueAt).toBe(before.reviewDueAt);

  // The signature record shows the sign-off and verifies; a copy of the database with a tampered hash doesn't.
  await editor.goto(`/editor/articles/${article.articleId}/signatures`);
  const signature = editor.locator("[data-revision='2'] [data-signature]");
  await expect(signature).toContainText(physio.name);
  await expect(signature).toContainText("Minor change");
  await expect(signature).toContainText("Yes, towards the quorum");
  await expect(editor.getByTestId("signature-verification").first()).toHaveAttribute("data-ok", "yes");
  await expect(editor.getByTestId("signature-verification")).toHaveCount(2);
  await expect(editor.locator("[data-ok='no']")).toHaveCount(0);

  const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "vetted-signatures-")), "copy.db");
  const live = e2eDb();
  try {
    live.prepare("VACUUM INTO ?").run(copy);
  } finally {
    live.close();
  }
  expect(verifySignatures(copy, article.slug)).toMatchObject({ code: 0 });
  const tampered = new Database(copy);
  try {
    tampered.exec("DROP TRIGGER sign_offs_no_update");
    tampered.prepare("UPDATE sign_offs SET content_hash = ? WHERE revision_id = ?").run("f".repeat(64), article.revisionId);
  } finally {
    tampered.close();
  }
  const failed = verifySignatures(copy, article.slug);
  expect(failed.code).toBe(1);
  expect(failed.output).toMatch(/FAIL revision 2, sign-off #\d+: its hash ffffffffffff… differs from audit event #\d+/);
  fs.rmSync(path.dirname(copy), { recursive: true, force: true });
});

test("a claimed-minor change to a number is refused with the reason, and stays a draft", async ({ pageAs, staff }) => {
  const article = createFixtureArticle({
    author: staff.editor,
    state: "draft",
    live: true,
    patientBody: LIVE_TEXT,
    workingPatientBody: LIVE_TEXT.replace("150", "120"),
  });
  const editor = await pageAs(staff.editor, `/editor/articles/${article.articleId}`);
  await editor.getByLabel(/^Minor/).check();
  await editor.getByLabel("Why it is minor").selectOption("typo");
  await editor.getByRole("button", { name: "Submit for review" }).click();
  await expect(editor.getByText("changes a number: 150 → 120").first()).toBeVisible();
  expect(revisionOf(article.revisionId).state).toBe("draft");

  // Submitted as major it goes through, needing the full review.
  await editor.getByLabel(/^Major/).check();
  await editor.getByRole("button", { name: "Submit for review" }).click();
  await expect(editor.getByText("Submitted", { exact: true })).toBeVisible();
  expect(revisionOf(article.revisionId)).toEqual({ state: "submitted", changeClass: "major" });
});

test("two nurse approvals don't publish a new article until a physician signs", async ({ pageAs, staff }) => {
  const [nurse1, nurse2] = [await createReviewer("RN, BSN", "nurse"), await createReviewer("RN, MSN", "nurse")];
  const physician = staff.reviewers[0];

  // The assignment form suggests the reviewers who would meet the missing requirement.
  const waiting = createFixtureArticle({ author: staff.editor, state: "submitted" });
  const editor = await pageAs(staff.editor, `/editor/articles/${waiting.articleId}`);
  const form = editor.getByRole("form", { name: "Assign reviewers" });
  await expect(form.locator("label", { hasText: physician.name })).toContainText("Suggested: meets at least 1 physician approval");
  await expect(form.locator("label", { hasText: staff.reviewers[2].name })).not.toContainText("Suggested");

  const article = createFixtureArticle({
    author: staff.editor,
    state: "under_review",
    reviewers: [nurse1, nurse2, physician],
    approvedBy: [nurse1],
  });
  const review = `/editor/articles/${article.articleId}/review`;
  const second = await pageAs(nurse2, review);
  await approve(second);
  await expect(second.getByText("You have approved this exact text.")).toBeVisible({ timeout: 15_000 });
  expect(revisionOf(article.revisionId).state).toBe("under_review");
  await expect(second.getByText("2 of 2 approvals on this text")).toBeVisible();
  await expect(second.getByTestId("change-class")).toContainText("At least 1 physician approval: missing");

  const doctor = await pageAs(physician, review);
  await approve(doctor);
  await expect.poll(() => revisionOf(article.revisionId).state).toBe("approved");
  expect(datesOf(article.articleId).liveRevisionId).toBe(article.revisionId);
});

test("a mix requirement asking for more approvals than the quorum is refused", async ({ pageAs, staff }) => {
  const admin = await pageAs(staff.admin, "/admin/settings");
  const before = row<{ n: number }>("SELECT count(*) AS n FROM site_settings WHERE key = 'approverMix'").n;
  await admin.getByLabel("Requirement 1: at least this many approvals").fill("3");
  await admin.getByRole("button", { name: "Save settings" }).click();
  await expect(admin.getByText("Asks for 3 approvals, more than the 2 a review needs")).toBeVisible();
  expect(row<{ n: number }>("SELECT count(*) AS n FROM site_settings WHERE key = 'approverMix'").n).toBe(before);
});
