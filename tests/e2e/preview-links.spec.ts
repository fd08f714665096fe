import { e2eDb } from "../helpers/e2e-db";
import { createFixtureArticle, expect, test, uniqueTag } from "../helpers/fixtures";
import { expirePreviewLink, issuePreviewLink, tokenOf } from "../helpers/preview-links";

/**
 * Expiring read-only preview links (issue 20, part 5): made and revoked from the article overview,
 * opened without an account, rendered as readers would see the revision, every view and refusal
 * audited, and a guest comment landing in the review, marked as a guest's.
 */

test.describe.configure({ mode: "parallel" });

function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = e2eDb();
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

const auditOf = (linkId: number) =>
  query<{ action: string; summary: string }>(
    "SELECT action, summary FROM audit_events WHERE target_type = 'preview_link' AND target_id = ? ORDER BY id",
    String(linkId),
  ).map((e) => ({ action: e.action, ...(JSON.parse(e.summary) as { reason?: string; audience?: string }) }));

test("an editor makes a link; the guest reads the draft as readers would, switches wording and comments into the review", async ({
  browser,
  pageAs,
  staff,
}) => {
  const article = createFixtureArticle({
    author: staff.editor,
    state: "draft",
    patientBody: "Rest for a day, then walk a little more each day.",
    clinicianBody: "Advise graded activity; imaging is not indicated in the first six weeks.",
  });
  const recipient = `Dr Outside ${uniqueTag("guest")}`;

  const editor = await pageAs(staff.editor, `/editor/articles/${article.articleId}`);
  const panel = editor.getByRole("region", { name: "Preview links" });
  await expect(panel).toContainText("No preview links yet.");
  await panel.getByRole("button", { name: "Create preview link" }).click();
  const dialog = editor.getByRole("dialog", { name: "Create a preview link" });
  await dialog.getByLabel("Expires after (days)").fill("31");
  await dialog.getByRole("button", { name: "Create link" }).click();
  await expect(dialog.getByText("A link can last at most 30 days.")).toBeVisible();
  await dialog.getByLabel("Expires after (days)").fill("7");
  await dialog.getByLabel("Recipient's name (optional)").fill(recipient);
  await dialog.getByRole("button", { name: "Create link" }).click();
  const url = await dialog.getByTestId("preview-link-url").inputValue();
  expect(url).toMatch(/\/preview\/[A-Za-z0-9_-]{22}$/);
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(panel.getByRole("listitem").filter({ hasText: recipient })).toContainText("Active");
  await expect(panel).toContainText("Not opened yet");
  const [link] = query<{ id: number; token_hash: string; revision_id: number; expires_at: string }>(
    "SELECT id, token_hash, revision_id, expires_at FROM preview_links WHERE recipient = ?",
    recipient,
  );
  // Stored hashed: the token itself is nowhere in the row.
  expect(link.token_hash).toMatch(/^[0-9a-f]{64}$/);
  expect(link.token_hash).not.toContain(tokenOf(url));
  expect(link.revision_id).toBe(article.revisionId);

  // The guest: a browser with no account.
  const guestContext = await browser.newContext();
  const guest = await guestContext.newPage();
  const response = await guest.goto(new URL(url).pathname);
  expect(response?.status()).toBe(200);
  const headers = response!.headers();
  expect(headers["cache-control"]).toContain("no-store");
  expect(headers["x-robots-tag"]).toContain("noindex");
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["set-cookie"]).toBeUndefined();
  await expect(guest.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expect(guest.getByTestId("preview-banner")).toContainText("Preview — not yet approved");
  await expect(guest.getByTestId("preview-banner")).toContainText(`Shared with ${recipient}`);
  await expect(guest.getByRole("heading", { level: 1 })).toHaveText(article.question);
  await expect(guest.getByText("Rest for a day, then walk a little more each day.")).toBeVisible();
  await expect(guest.getByTestId("disclaimer")).toBeVisible();
  // No staff navigation, nothing that leads into the staff area.
  await expect(guest.getByRole("link", { name: /Dashboard|Sign out|Edit/ })).toHaveCount(0);
  await guest.getByRole("link", { name: "Healthcare professional" }).click();
  await expect(guest).toHaveURL(/\?audience=clinician$/);
  await expect(guest.getByText("imaging is not indicated in the first six weeks")).toBeVisible();
  await expect(guest.getByTestId("preview-banner")).toBeVisible();

  // Comment for the editors.
  const comment = `The second paragraph is hard to follow ${uniqueTag("c")}`;
  await guest.getByLabel("Your comment").fill(comment);
  await guest.getByRole("button", { name: "Send comment" }).click();
  await expect(guest.getByTestId("guest-comment-result")).toHaveText("Thank you. Your comment has been sent to the editors.");
  const [stored] = query<{ id: number; guest_name: string; preview_link_id: number; revision_id: number; author_id: number }>(
    "SELECT id, guest_name, preview_link_id, revision_id, author_id FROM review_comments WHERE body = ?",
    comment,
  );
  expect(stored).toMatchObject({
    guest_name: recipient,
    preview_link_id: link.id,
    revision_id: article.revisionId,
    author_id: staff.editor.id,
  });
  // Never a sign-off.
  expect(query("SELECT id FROM sign_offs WHERE revision_id = ?", article.revisionId)).toEqual([]);
  expect(
    query("SELECT kind FROM notifications WHERE user_id = ? AND event_key = ?", staff.editor.id, `guest_comment:${stored.id}`),
  ).toEqual([{ kind: "review_comment" }]);
  expect(auditOf(link.id).map((e) => [e.action, e.audience])).toEqual([
    ["preview_link.created", undefined],
    ["preview_link.viewed", "patient"],
    ["preview_link.viewed", "clinician"],
  ]);
  await guestContext.close();

  // The editor sees the views on the link and the comment in the review, marked as a guest's.
  await editor.reload();
  await expect(panel).toContainText("Opened 2 times");
  await editor.goto(`/editor/articles/${article.articleId}/review`);
  const shown = editor.locator("[data-guest-comment]").filter({ hasText: comment });
  await expect(shown).toContainText(recipient);
  await expect(shown).toContainText("Guest");
  await expect(shown).toContainText("not a sign-off");
});

test("revoked, expired, cut-short and altered links answer 404 at once, each refusal audited", async ({ page, pageAs, staff }) => {
  const article = createFixtureArticle({ author: staff.editor, state: "under_review", live: true });
  const revoked = issuePreviewLink({
    articleId: article.articleId,
    revisionId: null,
    createdById: staff.editor.id,
    recipient: "Revoke me",
  });
  const expiring = issuePreviewLink({
    articleId: article.articleId,
    revisionId: null,
    createdById: staff.editor.id,
    recipient: "Let me lapse",
  });
  const path = (token: string) => `/preview/${token}`;

  // Both work first.
  for (const link of [revoked, expiring]) expect((await page.goto(path(link.token)))?.status()).toBe(200);

  // Revoked from the overview, after a confirmation.
  const editor = await pageAs(staff.editor, `/editor/articles/${article.articleId}`);
  await editor.getByRole("button", { name: "Revoke the link for Revoke me" }).click();
  await editor.getByRole("alertdialog").getByRole("button", { name: "Revoke the link" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "Preview link revoked" })).toBeVisible();
  expect((await page.goto(path(revoked.token)))?.status()).toBe(404);

  // Expired: its expiry moved into the past in the database.
  expirePreviewLink(expiring.token);
  expect((await page.goto(path(expiring.token)))?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We couldn't find that page");
  await expect(page.getByText(article.question)).toHaveCount(0);

  // Cut short and altered: no link to speak of, audited by reason and length only.
  const [{ last }] = query<{ last: number }>("SELECT max(id) AS last FROM audit_events");
  const altered = `${expiring.token.slice(0, -1)}${expiring.token.endsWith("A") ? "B" : "A"}`;
  for (const bad of [expiring.token.slice(0, 21), altered, `${expiring.token}x`]) expect((await page.goto(path(bad)))?.status()).toBe(404);
  // Other specs may be refused alongside: look for these three among the refusals since.
  const refusals = query<{ summary: string }>(
    "SELECT summary FROM audit_events WHERE action = 'preview_link.refused' AND id > ?",
    last,
  ).map((r) => JSON.parse(r.summary) as { reason: string; tokenLength: number });
  for (const expected of [
    { reason: "malformed", tokenLength: 21 },
    { reason: "unknown", tokenLength: 22 },
    { reason: "malformed", tokenLength: 23 },
  ])
    expect(refusals).toContainEqual(expect.objectContaining(expected));
  expect(JSON.stringify(refusals)).not.toContain(expiring.token.slice(0, 21));
  expect(auditOf(revoked.linkId).at(-1)).toMatchObject({ action: "preview_link.refused", reason: "revoked" });
  expect(auditOf(expiring.linkId).at(-1)).toMatchObject({ action: "preview_link.refused", reason: "expired" });
  // The overview tells which is which.
  await editor.reload();
  await expect(editor.getByRole("listitem").filter({ hasText: "Revoke me" })).toContainText("Revoked");
  await expect(editor.getByRole("listitem").filter({ hasText: "Let me lapse" })).toContainText("Expired");
});

test("a 'this version' link keeps its revision, a 'latest draft' link follows the working one, and neither opens anything else", async ({
  page,
  staff,
}) => {
  const article = createFixtureArticle({ author: staff.editor, state: "draft" });
  const other = createFixtureArticle({ author: staff.editor, state: "draft" });
  const pinned = issuePreviewLink({ articleId: article.articleId, revisionId: article.revisionId, createdById: staff.editor.id });
  const latest = issuePreviewLink({ articleId: article.articleId, revisionId: null, createdById: staff.editor.id });
  // A newer working revision, as editing would make.
  const newer = `Is the newer wording ${uniqueTag("rev")} clearer?`;
  const db = e2eDb();
  try {
    const { id } = db
      .prepare(
        `INSERT INTO revisions (article_id, number, question, clinician_body, patient_body, disclosure, state, content_hash, author_id)
         VALUES (?, 2, ?, 'Newer clinician text.', 'Newer patient text.', 'None.', 'draft', ?, ?) RETURNING id`,
      )
      .get(article.articleId, newer, "1".repeat(64), staff.editor.id) as { id: number };
    db.prepare("UPDATE articles SET working_revision_id = ? WHERE id = ?").run(id, article.articleId);
  } finally {
    db.close();
  }
  await page.goto(`/preview/${pinned.token}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(article.question);
  await expect(page.getByTestId("preview-banner")).toContainText("This link shows one version of the article.");
  await page.goto(`/preview/${latest.token}?audience=clinician`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(newer);
  await expect(page.getByTestId("preview-banner")).toContainText("always shows the latest draft");

  // The token names its link, nothing else: extra segments, queries and other addresses open nothing more.
  for (const url of [
    `/preview/${pinned.token}/${other.slug}`,
    `/preview/${pinned.token}?article=${other.articleId}&revision=${other.revisionId}`,
    `/articles/${other.slug}?token=${pinned.token}`,
    `/articles/${article.slug}?preview=${pinned.token}`,
  ]) {
    await page.goto(url);
    const body = (await page.content()).replace(/\s+/g, " ");
    expect(body.includes(other.question), url).toBe(false);
    if (!url.startsWith(`/preview/${pinned.token}?`)) expect(body.includes(article.question), url).toBe(false);
  }
  // And no staff page: the preview left no session behind.
  const staffPage = await page.goto(`/editor/articles/${article.articleId}`);
  await expect(page).toHaveURL(/\/login/);
  expect(staffPage?.status()).toBe(200);
  await expect(page.getByText(article.question)).toHaveCount(0);
});
