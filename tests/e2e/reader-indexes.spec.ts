import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { topicSlug } from "../../lib/reader/site-url";

/**
 * Reader indexes reach every article: on a generated database of 3,000 articles (its own server,
 * like the bench smoke run; the demo seed is too small to show a cut-off), every visible article
 * is in the sitemap (an index of 1,000-URL files here), on its topic's pages and across the API's
 * pages, and the counts readers see match the database.
 */
const ARTICLES = 3000;
const port = Number(process.env.E2E_PORT ?? 3100) + 71;
const dbFile = path.resolve(`tests/.tmp/reader-indexes-${port}.db`);
let server: { url: string; child: ChildProcess };

/** `next start` of the current build on 127.0.0.1 against the generated database (stopped in afterAll). */
async function startServer(env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(port)], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_PATH: dbFile,
      NEXTAUTH_URL: url,
      NEXTAUTH_SECRET: "e2e-only-secret-not-for-production-use-000000",
      ...env,
    },
  });
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      await (await fetch(`${url}/login`)).arrayBuffer();
      return { url, child };
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  child.kill("SIGKILL");
  throw new Error("server not ready");
}
let expected: { slug: string; topic: string }[];

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const seeded = spawnSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "scripts/seed-large.ts", "--articles", String(ARTICLES), "--out", dbFile],
    { encoding: "utf8", timeout: 120_000 },
  );
  expect(seeded.status, seeded.stderr.slice(-2000)).toBe(0);
  // What readers may see under the default policy (on-submit), computed here from the rows
  // themselves: the live revision if any, else a submitted or in-review working revision.
  const db = new Database(dbFile, { readonly: true });
  expected = db
    .prepare(
      `SELECT a.slug AS slug, a.topic AS topic FROM articles a LEFT JOIN revisions w ON w.id = a.working_revision_id
       WHERE a.live_revision_id IS NOT NULL OR w.state IN ('submitted', 'under_review')`,
    )
    .all() as { slug: string; topic: string }[];
  db.close();
  expect(expected.length).toBeGreaterThan(2000);
  server = await startServer({ SITEMAP_URLS_PER_FILE: "1000", JOB_RUNNER: "off" });
});

test.afterAll(async () => {
  if (server && server.child.exitCode === null) {
    const exited = new Promise((resolve) => server.child.once("exit", resolve));
    server.child.kill("SIGTERM");
    await exited;
  }
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(dbFile + suffix, { force: true });
});

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
const slugOf = (url: string) => decodeURIComponent(url.split("/articles/")[1] ?? "");
const text = async (request: APIRequestContext, url: string) => {
  const res = await request.get(`${server.url}${url}`);
  expect(res.status(), url).toBe(200);
  return res.text();
};

test("the sitemap index leads to every visible article, each file within the limit", async ({ request }) => {
  const root = await text(request, "/sitemap.xml");
  expect(root).toContain("<sitemapindex");
  const files = locs(root);
  expect(files[0]).toMatch(/\/sitemaps\/pages\.xml$/);
  expect(root).toMatch(/<lastmod>\d{4}-\d{2}-\d{2}T/);
  const slugs: string[] = [];
  for (const file of files.slice(1)) {
    const urls = locs(await text(request, new URL(file).pathname));
    expect(urls.length).toBeLessThanOrEqual(1000);
    slugs.push(...urls.map(slugOf));
  }
  expect(slugs.length).toBe(expected.length);
  expect(new Set(slugs)).toEqual(new Set(expected.map((a) => a.slug)));
  const pages = locs(await text(request, "/sitemaps/pages.xml"));
  for (const topic of new Set(expected.map((a) => a.topic))) expect(pages).toContain(`${server.url}/topics/${topicSlug(topic)}`);
  expect((await request.get(`${server.url}/sitemaps/articles-99.xml`)).status()).toBe(404);
});

test("home shows each topic's true count, and a topic's pages hold all of its articles", async ({ request }) => {
  const home = (await text(request, "/")).replaceAll("<!-- -->", "");
  const topics = [...new Set(expected.map((a) => a.topic))];
  for (const topic of topics) {
    const count = expected.filter((a) => a.topic === topic).length;
    expect(home.includes(`>${topic} <span class="text-muted">(${count})</span>`), `${topic}: ${count}`).toBe(true);
  }
  const topic = topics[0];
  const want = expected.filter((a) => a.topic === topic).map((a) => a.slug);
  const first = (await text(request, `/topics/${topicSlug(topic)}`)).replaceAll("<!-- -->", "");
  expect(first).toContain(`${want.length.toLocaleString("en")} answers`);
  const pageCount = Math.ceil(want.length / 50);
  expect(first).toContain(`Page 1 of ${pageCount}`);
  const seen: string[] = [];
  for (let p = 1; p <= pageCount; p++) {
    const html = await text(request, `/topics/${topicSlug(topic)}?page=${p}`);
    seen.push(...[...html.matchAll(/href="\/articles\/([^"]+)"/g)].map((m) => decodeURIComponent(m[1])));
  }
  expect(seen.length).toBe(want.length);
  expect(new Set(seen)).toEqual(new Set(want));
  // A page past the end shows the last page, anything unreadable the first; never an error.
  const pageShown = async (qs: string) =>
    /Page (\d+) of/.exec((await text(request, `/topics/${topicSlug(topic)}${qs}`)).replaceAll("<!-- -->", ""))?.[1];
  expect(await pageShown("?page=99999")).toBe(String(pageCount));
  expect(await pageShown("?page=0")).toBe("1");
  expect(await pageShown("?page=abc")).toBe("1");
});

test("the API's pages, followed by their next cursor, hold every visible article once", async ({ request }) => {
  const slugs: string[] = [];
  let url: string | null = `${server.url}/api/v1/articles?limit=100`;
  let pages = 0;
  while (url) {
    const res: APIResponse = await request.get(url);
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { articles: { slug: string }[]; next: string | null };
    expect(body.articles.length).toBeLessThanOrEqual(100);
    slugs.push(...body.articles.map((a) => a.slug));
    const link: string = res.headers()["link"] ?? "";
    if (body.next) expect(link).toContain(`cursor=${body.next}`);
    url = body.next ? /<([^>]+)>; rel="next"/.exec(link)![1] : null;
    pages++;
  }
  expect(pages).toBe(Math.ceil(expected.length / 100));
  expect(slugs.length).toBe(expected.length);
  expect(new Set(slugs)).toEqual(new Set(expected.map((a) => a.slug)));

  // Filters: a topic, and a time no article was updated after.
  const topic = expected[0].topic;
  const inTopic: string[] = [];
  let next: string | null = null;
  do {
    const body = (await (
      await request.get(`${server.url}/api/v1/articles?topic=${topicSlug(topic)}&limit=100${next ? `&cursor=${next}` : ""}`)
    ).json()) as { articles: { slug: string }[]; next: string | null };
    inTopic.push(...body.articles.map((a) => a.slug));
    next = body.next;
  } while (next);
  expect(new Set(inTopic)).toEqual(new Set(expected.filter((a) => a.topic === topic).map((a) => a.slug)));
  const future = await request.get(`${server.url}/api/v1/articles?updatedSince=2999-01-01T00:00:00Z`);
  expect(await future.json()).toEqual({ articles: [], next: null });
});

test("the API answers 304 to its ETag and a clear 400 to bad input", async ({ request }) => {
  const first = await request.get(`${server.url}/api/v1/articles?limit=5`);
  const etag = first.headers()["etag"];
  expect(etag).toMatch(/^W\/"/);
  expect(first.headers()["last-modified"]).toBeTruthy();
  expect((await request.get(`${server.url}/api/v1/articles?limit=5`, { headers: { "If-None-Match": etag } })).status()).toBe(304);
  const cursor = ((await first.json()) as { next: string }).next;
  for (const qs of [
    "limit=100000",
    "limit=0",
    "cursor=forged",
    `topic=cardiology&cursor=${cursor}`,
    "topic=no-such-topic",
    "updatedSince=soon",
    "sort=slug",
  ]) {
    const res = await request.get(`${server.url}/api/v1/articles?${qs}`);
    expect(res.status(), qs).toBe(400);
    expect(((await res.json()) as { error: string }).error.length, qs).toBeGreaterThan(10);
  }
});
