import http from "node:http";
import type { Page } from "@playwright/test";
import { e2eDb } from "../helpers/e2e-db";
import { serverActionId } from "../helpers/server-actions";
import { baseURL } from "../security/fixtures";
import { createFixtureArticle, expect, test } from "../helpers/fixtures";

/** A published article of this file's own that the questions are asked on (set in beforeAll). */
let ARTICLE = "";
let QUESTION = "";

function questionRow(text: string) {
  const db = e2eDb();
  try {
    return db
      .prepare("SELECT id, status, email, audience, converted_article_id AS convertedArticleId FROM follow_up_questions WHERE question = ?")
      .get(text) as
      { id: number; status: string; email: string | null; audience: string | null; convertedArticleId: number | null } | undefined;
  } finally {
    db.close();
  }
}

/**
 * A question posted as the form posts it (React's multipart action reply), over a connection from a
 * chosen loopback address, so the server sees a TCP peer other than the test runner's 127.0.0.1.
 */
async function askFrom(localAddress: string, text: string, forwardedFor?: string): Promise<string> {
  const form = new FormData();
  for (const [k, v] of Object.entries({ slug: ARTICLE.split("/").at(-1)!, question: text, email: "", audience: "patient" }))
    form.append(`_1_${k}`, v);
  form.append("0", JSON.stringify(["$undefined", "$K1"]));
  const encoded = new Request("http://local/", { method: "POST", body: form });
  const body = Buffer.from(await encoded.arrayBuffer());
  const url = new URL(ARTICLE, baseURL());
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: "POST",
        localAddress,
        headers: {
          "Content-Type": encoded.headers.get("content-type")!,
          "Content-Length": body.length,
          "Next-Action": serverActionId("askFollowUpQuestionAction", "lib/actions/follow-up-questions.ts"),
          Accept: "text/x-component",
          ...(forwardedFor ? { "X-Forwarded-For": forwardedFor } : {}),
        },
      },
      (res) => {
        let text = "";
        res.on("data", (chunk: Buffer) => (text += chunk.toString()));
        res.on("end", () => resolve(text));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

async function ask(page: Page, text: string, email = "") {
  await page.getByLabel("Your question").fill(text);
  if (email) await page.getByLabel("Email (optional)").fill(email);
  await page.getByRole("button", { name: "Send question" }).click();
}

// The rate-limit test fills the sender's bucket, so these run one after another.
test.describe.configure({ mode: "serial" });

test.describe("follow-up questions", () => {
  test.beforeAll(({ staff }) => {
    const article = createFixtureArticle({
      author: staff.editor,
      state: "approved",
      question: `Does the fixture back-pain treatment work (${Date.now()})?`,
    });
    ARTICLE = `/articles/${article.slug}`;
    QUESTION = article.question;
  });

  test("a reader's question reaches the editors' inbox and becomes a draft", async ({ page, pageAs, staff }) => {
    const text = `Can I use a heat wrap at night? ${Date.now()}`;
    await page.goto(`${ARTICLE}?audience=patient`);
    await ask(page, text, "reader@example.org");
    await expect(page.getByTestId("follow-up-result")).toHaveText("Thank you. Your question has been sent to our editors.");
    expect(questionRow(text)).toMatchObject({ status: "new", email: "reader@example.org", audience: "patient" });

    const editor = await pageAs(staff.editor);
    await editor.getByRole("link", { name: "Questions" }).click();
    const item = editor.getByRole("listitem").filter({ hasText: text });
    await expect(item).toContainText(QUESTION);
    await item.getByRole("button", { name: "Turn into draft article" }).click();
    await expect(editor.getByRole("status").filter({ hasText: "Draft article created from the question." })).toBeVisible();
    const row = questionRow(text)!;
    expect(row.status).toBe("converted");
    const db = e2eDb();
    try {
      const draft = db
        .prepare("SELECT a.slug, r.state, r.question FROM articles a JOIN revisions r ON r.id = a.working_revision_id WHERE a.id = ?")
        .get(row.convertedArticleId) as { slug: string; state: string; question: string };
      expect(draft).toMatchObject({ state: "draft", question: text });
      // The new draft is not public.
      expect((await page.request.get(`/articles/${draft.slug}`)).status()).toBe(404);
    } finally {
      db.close();
    }
  });

  test("editors can dismiss a question after confirming", async ({ page, pageAs, staff }) => {
    const text = `Is it fine to sleep on a soft mattress? ${Date.now()}`;
    await page.goto(ARTICLE);
    await ask(page, text);
    await expect(page.getByTestId("follow-up-result")).toBeVisible();
    const editor = await pageAs(staff.editor, "/editor/questions");
    const item = editor.getByRole("listitem").filter({ hasText: text });
    await item.getByRole("button", { name: "Dismiss" }).click();
    await editor.getByRole("alertdialog").getByRole("button", { name: "Dismiss question" }).click();
    await expect(editor.getByRole("status").filter({ hasText: "Question dismissed." })).toBeVisible();
    expect(questionRow(text)?.status).toBe("dismissed");
    await editor.reload();
    await expect(editor.getByRole("region", { name: /New/ }).getByText(text)).toHaveCount(0);
  });

  test("a reviewer cannot open the inbox", async ({ pageAs, staff }) => {
    const page = await pageAs(staff.reviewers[0]);
    const response = await page.goto("/editor/questions");
    expect(response?.status()).toBe(404);
  });

  test("works without JavaScript and keeps the text when it is invalid", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(ARTICLE);
    await ask(page, "Too short");
    await expect(page.getByText("Please write your question (at least 10 characters).")).toBeVisible();
    await expect(page.getByLabel("Your question")).toHaveValue("Too short");
    const text = `Does a standing desk help? ${Date.now()}`;
    await ask(page, text);
    await expect(page.getByTestId("follow-up-result")).toHaveText("Thank you. Your question has been sent to our editors.");
    expect(questionRow(text)?.status).toBe("new");
    await context.close();
  });

  test("a filled honeypot is thanked but nothing is stored", async ({ page }) => {
    const text = `Buy cheap pills now ${Date.now()}`;
    await page.goto(ARTICLE);
    await page.locator("#follow-up-website").evaluate((input: HTMLInputElement) => (input.value = "http://spam.example"));
    await ask(page, text);
    await expect(page.getByTestId("follow-up-result")).toHaveText("Thank you. Your question has been sent to our editors.");
    expect(questionRow(text)).toBeUndefined();
  });

  test("too many questions from one address are refused until the window ends", async ({ page }) => {
    const db = e2eDb();
    const buckets = db.prepare("SELECT key FROM rate_limits WHERE key LIKE 'question-ip:%'").all() as { key: string }[];
    expect(buckets.length).toBeGreaterThan(0);
    try {
      for (const { key } of buckets)
        db.prepare("UPDATE rate_limits SET count = 1000000, window_start = ? WHERE key = ?").run(new Date().toISOString(), key);
      const text = `One question too many ${Date.now()}`;
      await page.goto(ARTICLE);
      await ask(page, text);
      await expect(page.getByTestId("follow-up-result")).toHaveText(
        "You have sent several questions in the last hour. Please try again later.",
      );
      await expect(page.getByLabel("Your question")).toHaveValue(text);
      expect(questionRow(text)).toBeUndefined();
    } finally {
      for (const { key } of buckets) db.prepare("DELETE FROM rate_limits WHERE key = ?").run(key);
      db.close();
    }
  });

  test("forged X-Forwarded-For headers neither evade the limit nor get a bucket of their own", async ({ browser, page }) => {
    // Eight fresh browser contexts, each loading the article and posting: slow on a loaded machine.
    test.slow();
    // This client's own bucket (127.0.0.1, the TCP peer), made by one accepted question, then filled.
    await page.goto(ARTICLE);
    await ask(page, `A question before the forgeries ${Date.now()}`);
    await expect(page.getByTestId("follow-up-result")).toHaveText("Thank you. Your question has been sent to our editors.");
    const db = e2eDb();
    const buckets = db.prepare("SELECT key FROM rate_limits WHERE key LIKE 'question-ip:%'").all() as { key: string }[];
    try {
      for (const { key } of buckets)
        db.prepare("UPDATE rate_limits SET count = 1000000, window_start = ? WHERE key = ?").run(new Date().toISOString(), key);
      for (let i = 1; i <= 8; i++) {
        const forged = i % 2 ? `198.51.100.${i}` : `198.51.100.${i}, 203.0.113.${i}`;
        const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": forged } });
        const forger = await context.newPage();
        const text = `Question ${i} from an invented address ${Date.now()}`;
        await forger.goto(ARTICLE);
        await ask(forger, text);
        await expect(forger.getByTestId("follow-up-result")).toHaveText(
          "You have sent several questions in the last hour. Please try again later.",
        );
        expect(questionRow(text)).toBeUndefined();
        await context.close();
      }
      const forgedBuckets = db
        .prepare("SELECT key FROM rate_limits WHERE key LIKE 'question-ip:198.51.100.%' OR key LIKE 'question-ip:203.0.113.%'")
        .all();
      expect(forgedBuckets).toEqual([]);
    } finally {
      for (const { key } of buckets) db.prepare("DELETE FROM rate_limits WHERE key = ?").run(key);
      db.close();
    }
  });

  test("naming another client in X-Forwarded-For fills only the sender's own bucket, never the other client's", async () => {
    // Two clients on their own loopback addresses (not the runner's 127.0.0.1, which other specs share).
    const forger = "127.0.0.2";
    const victim = "127.0.0.3";
    const keys = [forger, victim, "198.51.100.77"].map((ip) => `question-ip:${ip}`);
    const db = e2eDb();
    const bucket = (ip: string) =>
      db.prepare("SELECT count FROM rate_limits WHERE key = ?").get(`question-ip:${ip}`) as { count: number } | undefined;
    try {
      for (const key of keys) db.prepare("DELETE FROM rate_limits WHERE key = ?").run(key);
      const accepted = /"ok":true/;
      // The forger claims to be the victim: the question counts against the forger's own address.
      expect(await askFrom(forger, `A question in someone else's name ${Date.now()}`, victim)).toMatch(accepted);
      expect(bucket(forger)?.count).toBe(1);
      expect(bucket(victim)).toBeUndefined();
      // At its limit, the forger is refused whichever address it writes, and makes no bucket for them.
      db.prepare("UPDATE rate_limits SET count = 1000000, window_start = ? WHERE key = ?").run(new Date().toISOString(), keys[0]);
      for (const claimed of [victim, "198.51.100.77", `198.51.100.77, ${victim}`]) {
        const text = `Another try as ${claimed} ${Date.now()}`;
        expect(await askFrom(forger, text, claimed)).toContain("You have sent several questions in the last hour.");
        expect(questionRow(text)).toBeUndefined();
      }
      expect(bucket("198.51.100.77")).toBeUndefined();
      // The victim was never counted, so it asks freely.
      const own = `The victim's own question ${Date.now()}`;
      expect(await askFrom(victim, own)).toMatch(accepted);
      expect(questionRow(own)?.status).toBe("new");
      expect(bucket(victim)?.count).toBe(1);
    } finally {
      for (const key of keys) db.prepare("DELETE FROM rate_limits WHERE key = ?").run(key);
      db.close();
    }
  });
});
