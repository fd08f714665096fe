import type { APIRequestContext, Page } from "@playwright/test";
import { createFixtureArticle, createFixtureReference, expect, FIXTURE_PASSWORD, test, uniqueTag } from "../helpers/fixtures";
import { e2eDb } from "../helpers/e2e-db";
import { waitForMail } from "../helpers/mailbox";

/**
 * The publishing lifecycle (issue 16): a scheduled revision stays off every reader surface until
 * its time and goes live within 60 s after it (or is refused, with the reason, when a cited source
 * was retracted meanwhile); a withdrawn article answers 410 with its reason on every reader URL
 * and leaves every list; republishing restores it; archiving with a successor answers 301.
 * The site's time zone is UTC on the e2e server, so the form's times are UTC.
 */
test.describe.configure({ mode: "parallel" });

function run(query: string, ...params: unknown[]): void {
  const db = e2eDb();
  try {
    db.prepare(query).run(...params);
  } finally {
    db.close();
  }
}

function get<T>(query: string, ...params: unknown[]): T {
  const db = e2eDb();
  try {
    return db.prepare(query).get(...params) as T;
  } finally {
    db.close();
  }
}

/** The datetime-local value (UTC, seconds) of a time `ms` from now. */
const inputIn = (ms: number) => new Date(Date.now() + ms).toISOString().slice(0, 19);

async function approve(page: Page) {
  await page.getByRole("button", { name: /^Approve( again)?$/ }).click();
  const dialog = page.getByRole("dialog", { name: "Sign your approval" });
  await dialog.getByLabel("Your password").fill(FIXTURE_PASSWORD);
  await dialog.getByRole("button", { name: "Sign and approve" }).click();
}

/** Every address that serves the article to readers, including the internal routes and RSC/prefetch requests. */
async function readerResponses(request: APIRequestContext, slug: string) {
  const opts = { maxRedirects: 0 };
  return [
    await request.get(`/articles/${slug}`, opts),
    await request.get(`/articles/${slug}?audience=clinician`, opts),
    await request.get(`/articles/${slug}?audience=patient`, opts),
    await request.get(`/reader/default/${slug}`, opts),
    await request.get(`/reader/clinician/${slug}`, opts),
    await request.get(`/reader/patient/${slug}`, opts),
    await request.get(`/articles/${slug}.rsc`, opts),
    await request.get(`/articles/${slug}`, { ...opts, headers: { RSC: "1" } }),
    await request.get(`/articles/${slug}`, { ...opts, headers: { RSC: "1", "Next-Router-Prefetch": "1" } }),
  ];
}

async function listsMention(request: APIRequestContext, slug: string, word: string): Promise<string[]> {
  const where: string[] = [];
  // The API lists by id, so among the many fixture articles other specs publish this one is found through its own topic.
  if ((await (await request.get(`/api/v1/articles?limit=100&topic=${word}`)).text()).includes(slug)) where.push("api");
  if ((await (await request.get("/sitemap.xml")).text()).includes(slug)) where.push("sitemap");
  if ((await (await request.get("/feed.xml")).text()).includes(slug)) where.push("feed");
  if ((await (await request.get(`/search?q=${word}`)).text()).includes(slug)) where.push("search");
  if ((await (await request.get(`/topics/${word}`)).text()).includes(slug)) where.push("topic");
  return where;
}

test("a scheduled revision waits off every reader surface, goes live within 60 s of its time, and a retraction meanwhile refuses it", async ({
  pageAs,
  staff,
  request,
}) => {
  test.setTimeout(150_000);
  const [r1, r2] = staff.reviewers;
  const tag = uniqueTag("sched").replace(/-/g, "");
  const fresh = createFixtureArticle({
    author: staff.editor,
    state: "under_review",
    live: true,
    reviewers: [r1, r2],
    approvedBy: [r1],
    patientBody: `The new advice ${tag} is here.`,
  });
  run("UPDATE revisions SET patient_body = ? WHERE id = ?", `The old advice ${tag}old stays until then.`, fresh.liveRevisionId);
  const source = createFixtureReference(`A trial that will be retracted ${tag}`);
  const doomed = createFixtureArticle({
    author: staff.editor,
    state: "under_review",
    live: true,
    reviewers: [r1, r2],
    approvedBy: [r1],
    cites: [source],
  });

  const editor = await pageAs(staff.editor, `/editor/articles/${fresh.articleId}`);
  const publishAt: Record<number, number> = {};
  for (const article of [fresh, doomed]) {
    await editor.goto(`/editor/articles/${article.articleId}`);
    // Far enough ahead that both schedules and both approvals are done before it, even on a loaded machine.
    const value = inputIn(60_000);
    publishAt[article.articleId] = Date.parse(`${value}Z`);
    await editor.getByLabel("Publish at (UTC)").fill(value);
    await editor.getByRole("button", { name: "Save schedule" }).click();
    await expect(editor.getByText("Scheduled. The revision goes live")).toBeVisible();
  }

  const reviewer = await pageAs(r2, `/editor/articles/${fresh.articleId}/review`);
  for (const article of [fresh, doomed]) {
    await reviewer.goto(`/editor/articles/${article.articleId}/review`);
    await approve(reviewer);
    // Approved but not live: it waits for its time (the page's message is transient, the row is not).
    await expect
      .poll(() => get<{ state: string }>("SELECT state FROM revisions WHERE id = ?", article.revisionId).state, { timeout: 15_000 })
      .toBe("approved");
    expect(get<{ live: number }>("SELECT live_revision_id AS live FROM articles WHERE id = ?", article.articleId).live).toBe(
      article.liveRevisionId,
    );
  }
  run("UPDATE library_references SET retracted = 1 WHERE id = ?", source.id);

  // Before its time: approved and scheduled for staff, the old text for readers everywhere.
  await editor.goto(`/editor/articles/${fresh.articleId}`);
  await expect(editor.getByTestId("lifecycle-status")).toContainText("Approved, scheduled for");
  const page = await (await request.get(`/articles/${fresh.slug}`)).text();
  expect(page).toContain(`${tag}old`);
  expect(page).not.toContain(`new advice ${tag}`);
  expect(await (await request.get(`/api/v1/articles/${fresh.slug}?audience=patient`)).text()).not.toContain(`new advice ${tag}`);

  // Within 60 s of its time the new text is on the page and in the API; the lateness is measured, not assumed.
  await expect
    .poll(async () => (await request.get(`/articles/${fresh.slug}?audience=patient`)).text(), { timeout: 90_000, intervals: [1_000] })
    .toContain(`new advice ${tag}`);
  const lateness = Date.now() - publishAt[fresh.articleId];
  console.log(`[lifecycle] scheduled publication visible ${(lateness / 1000).toFixed(1)} s after its time`);
  expect(lateness).toBeLessThanOrEqual(60_000);
  expect(await (await request.get(`/api/v1/articles/${fresh.slug}?audience=patient`)).text()).toContain(`new advice ${tag}`);
  expect(get<{ live: number }>("SELECT live_revision_id AS live FROM articles WHERE id = ?", fresh.articleId).live).toBe(fresh.revisionId);

  // The retracted source refused the other one: the reason on the revision, in the inbox and by mail.
  await expect
    .poll(
      () => get<{ reason: string | null }>("SELECT publish_blocked_reason AS reason FROM revisions WHERE id = ?", doomed.revisionId).reason,
      {
        timeout: 30_000,
      },
    )
    .toContain("retracted");
  expect(get<{ live: number }>("SELECT live_revision_id AS live FROM articles WHERE id = ?", doomed.articleId).live).toBe(
    doomed.liveRevisionId,
  );
  await editor.goto(`/editor/articles/${doomed.articleId}`);
  await expect(editor.getByText(/Not published at its scheduled time: A cited reference has been marked retracted/)).toBeVisible();
  const mail = await waitForMail(staff.editor.email, { subject: /Scheduled publication refused/ });
  expect(mail.text).toContain("retracted");
});

test("withdrawing answers 410 with the reason everywhere and leaves every list; republishing and archiving", async ({
  pageAs,
  staff,
  request,
}) => {
  const word = uniqueTag("wd").replace(/-/g, "");
  const article = createFixtureArticle({ author: staff.editor, state: "approved", topic: word, patientBody: `Take ${word} with food.` });
  const successor = createFixtureArticle({ author: staff.editor, state: "approved" });
  // Cached first, so the 410 below can't come from an empty cache.
  const before = await readerResponses(request, article.slug);
  // The six page addresses render (the RSC variants answer as Next does for them, never 410 while the article is up).
  for (const response of before.slice(0, 6)) expect(response.status(), response.url()).toBe(200);
  for (const response of before.slice(6)) expect(response.status(), response.url()).not.toBe(410);
  // (A fixture written straight into the database has no search row yet; republishing below writes one.)
  expect(await listsMention(request, article.slug, word)).toEqual(["api", "sitemap", "feed", "topic"]);

  const admin = await pageAs(staff.admin, `/editor/articles/${article.articleId}`);
  await admin.getByRole("button", { name: "Withdraw article" }).click();
  const dialog = admin.getByRole("alertdialog", { name: `Withdraw “${article.question}”?` });
  await dialog.getByRole("button", { name: "Withdraw" }).click();
  await expect(dialog.getByText("Give readers the reason in at least 10 characters")).toBeVisible();
  const reason = `The manufacturer recalled the product ${word}.`;
  await dialog.getByLabel("Public reason").fill(reason);
  await dialog.getByRole("button", { name: "Withdraw" }).click();
  await expect(admin.getByText("Withdrawn. Every reader address")).toBeVisible();
  await expect(admin.getByTestId("lifecycle-status")).toHaveText("Withdrawn");

  const started = Date.now();
  for (const response of await readerResponses(request, article.slug)) {
    expect(response.status(), response.url()).toBe(410);
    const body = await response.text();
    expect(body).toContain(reason);
    expect(body).not.toContain(`Take ${word}`);
  }
  console.log(`[lifecycle] ${9} reader URLs answered 410 within ${Date.now() - started} ms of the withdrawal`);
  const api = await request.get(`/api/v1/articles/${article.slug}`);
  expect(api.status()).toBe(410);
  expect(await api.json()).toMatchObject({ error: "Withdrawn", reason });
  // A revalidated topic page may be served stale to the one request that starts its re-render (revalidatePath).
  await expect.poll(() => listsMention(request, article.slug, word), { timeout: 10_000 }).toEqual([]);
  const told = get<{ n: number }>(
    "SELECT count(*) AS n FROM notifications WHERE user_id = ? AND article_id = ? AND kind = 'article_withdrawn'",
    staff.editor.id,
    article.articleId,
  );
  expect(told.n).toBe(1);
  expect(
    get<{ n: number }>("SELECT count(*) AS n FROM audit_events WHERE article_id = ? AND action = 'article.withdraw'", article.articleId).n,
  ).toBe(1);

  // Republish: the approved text is unchanged, so it comes back at once.
  await admin.getByRole("button", { name: "Republish" }).click();
  await admin.getByRole("alertdialog").getByRole("button", { name: "Republish" }).click();
  await expect(admin.getByText("Republished. Readers see")).toBeVisible();
  const back = await request.get(`/articles/${article.slug}?audience=patient`);
  expect(back.status()).toBe(200);
  expect(await back.text()).toContain(`Take ${word}`);
  await expect
    .poll(() => listsMention(request, article.slug, word), { timeout: 10_000 })
    .toEqual(["api", "sitemap", "feed", "search", "topic"]);

  // Archive with a successor: 301 there, from the page and the API.
  await admin.getByRole("button", { name: "Archive…" }).click();
  const archive = admin.getByRole("alertdialog");
  await archive.getByLabel("Successor’s slug (optional)").fill("no-such-article");
  await archive.getByRole("button", { name: "Archive" }).click();
  await expect(archive.getByText("Enter the slug of another live article")).toBeVisible();
  await archive.getByLabel("Successor’s slug (optional)").fill(successor.slug);
  await archive.getByRole("button", { name: "Archive" }).click();
  await expect(admin.getByText(`Archived. Its address now leads to /articles/${successor.slug}`)).toBeVisible();
  const moved = await request.get(`/articles/${article.slug}?audience=clinician`, { maxRedirects: 0 });
  expect(moved.status()).toBe(301);
  expect(moved.headers().location).toMatch(new RegExp(`/articles/${successor.slug}\\?audience=clinician$`));
  expect((await request.get(`/api/v1/articles/${article.slug}`, { maxRedirects: 0 })).status()).toBe(301);
});

test("bad schedules are refused at the field and change nothing", async ({ pageAs, staff }) => {
  const article = createFixtureArticle({ author: staff.editor, state: "submitted" });
  const editor = await pageAs(staff.editor, `/editor/articles/${article.articleId}`);
  await editor.getByLabel("Publish at (UTC)").fill("2020-01-01T09:00:00");
  await editor.getByRole("button", { name: "Save schedule" }).click();
  await expect(editor.getByText("Choose a time in the future")).toBeVisible();
  await editor.getByLabel("Publish at (UTC)").fill(inputIn(3 * 3_600_000));
  await editor.getByLabel("Expires at (UTC)").fill(inputIn(2 * 3_600_000));
  await editor.getByRole("button", { name: "Save schedule" }).click();
  await expect(editor.getByText("The expiry must be after the publication time")).toBeVisible();
  const row = get<{ publishAt: string | null; unpublishAt: string | null }>(
    "SELECT publish_at AS publishAt, unpublish_at AS unpublishAt FROM revisions WHERE id = ?",
    article.revisionId,
  );
  expect(row).toEqual({ publishAt: null, unpublishAt: null });
  // An editor may schedule but, with the default setting, not withdraw.
  await expect(editor.getByRole("button", { name: "Withdraw article" })).toHaveCount(0);
});
