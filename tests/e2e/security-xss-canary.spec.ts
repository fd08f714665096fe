import { expect, test, type Page } from "@playwright/test";
import { e2eDb, createUser } from "../helpers/e2e-db";
import { DEMO, signIn } from "../helpers/session";
import { createArticle } from "../security/fixtures";

/**
 * Stored XSS, end to end: hostile text is written straight into the database (question, topic,
 * a board member's name and credentials, a reference, the site settings) and the pages that show
 * it are opened in a real browser. A payload that ran would set window.__vettedXss; none may,
 * no element may carry an injected handler, and the payload must appear as plain text.
 *
 * Data-driven: add the reader article, board, search and reference pages to CANARY_PAGES as they land.
 */

const CANARY = "window.__vettedXss=1";
const payload = (tag: string) =>
  `${tag} <img src=x onerror="${CANARY}"><script>${CANARY}</script>"><svg onload="${CANARY}"></svg><a href="javascript:${CANARY}">x</a>`;
const SHORT = `<img src=x onerror=${CANARY}>`; // fits the 80-character site name

type Stored = { slug: string; question: string; topic: string; name: string; credentials: string; referenceTitle: string };
type CanaryPage = { url: (s: Stored) => string; as: keyof typeof DEMO | null; shows: (s: Stored) => string[]; optional?: boolean };

export const CANARY_PAGES: CanaryPage[] = [
  { url: () => "/", as: null, shows: (s) => [s.question, s.topic, SHORT] },
  { url: () => "/dashboard", as: "editor", shows: (s) => [s.question] },
  { url: () => "/dashboard", as: "admin", shows: (s) => [s.question] },
  { url: () => "/admin/users", as: "admin", shows: (s) => [s.name, s.credentials] },
  // Pages other branches add; until they exist they answer 404 and only the canary is checked.
  { url: (s) => `/articles/${s.slug}`, as: null, shows: (s) => [s.question], optional: true },
  { url: (s) => `/articles/${s.slug}?audience=clinician`, as: null, shows: (s) => [s.question], optional: true },
  { url: () => "/board", as: null, shows: (s) => [s.name], optional: true },
  { url: () => "/editor/references", as: "editor", shows: (s) => [s.referenceTitle], optional: true },
];

let stored: Stored;
let savedSettings: { key: string; value: string }[] = [];

test.beforeAll(async () => {
  const reviewer = await createUser("reviewer");
  const author = await createUser("editor");
  const article = createArticle({ authorId: author.id, state: "under_review" });
  stored = {
    slug: article.slug,
    question: payload(`Q-${article.slug}`),
    topic: payload("Topic"),
    name: payload(`Dr. N-${article.slug}`),
    credentials: payload("MD"),
    referenceTitle: payload(`Ref-${article.slug}`),
  };
  const db = e2eDb();
  try {
    db.prepare("UPDATE revisions SET question = ?, clinician_body = ?, patient_body = ? WHERE id = ?").run(stored.question, `${stored.question}\n\n[@canary-${article.slug}]`, stored.question, article.revisionId);
    db.prepare("UPDATE articles SET topic = ? WHERE id = ?").run(stored.topic, article.articleId);
    db.prepare("UPDATE users SET name = ? WHERE id = ?").run(stored.name, reviewer.id);
    db.prepare("INSERT INTO board_profiles (user_id, credentials, specialty, bio, is_public) VALUES (?, ?, ?, ?, 1)").run(reviewer.id, stored.credentials, payload("Specialty"), payload("Bio"));
    db.prepare("INSERT INTO library_references (citekey, type, title, authors, source, url) VALUES (?, 'research', ?, ?, ?, ?)").run(
      `canary-${article.slug}`, stored.referenceTitle, JSON.stringify([{ family: payload("Family"), given: "A" }]), payload("Journal"), `javascript:${CANARY}`,
    );
    savedSettings = db.prepare("SELECT key, value FROM site_settings WHERE key IN ('siteName','patientDisclaimer','clinicianDisclaimer')").all() as typeof savedSettings;
    const upsert = db.prepare("INSERT INTO site_settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    upsert.run("siteName", JSON.stringify(SHORT));
    upsert.run("patientDisclaimer", JSON.stringify(payload("Patient disclaimer")));
    upsert.run("clinicianDisclaimer", JSON.stringify(payload("Clinician disclaimer")));
  } finally {
    db.close();
  }
});

test.afterAll(() => {
  // Other suites share this database: put the settings back as they were.
  const db = e2eDb();
  try {
    db.prepare("DELETE FROM site_settings WHERE key IN ('siteName','patientDisclaimer','clinicianDisclaimer')").run();
    for (const s of savedSettings) db.prepare("INSERT INTO site_settings (key, value) VALUES (?, ?)").run(s.key, s.value);
  } finally {
    db.close();
  }
});

async function injected(page: Page) {
  return page.evaluate((canary) => ({
    ran: (window as unknown as { __vettedXss?: number }).__vettedXss !== undefined,
    handlers: [...document.querySelectorAll("*")].filter((el) => [...el.attributes].some((a) => a.name.startsWith("on"))).map((el) => el.outerHTML.slice(0, 120)),
    scripts: [...document.scripts].filter((s) => s.text.includes(canary) && !s.text.includes("self.__next_f")).length,
    scriptLinks: [...document.querySelectorAll("a[href]")].filter((a) => /^\s*javascript:/i.test(a.getAttribute("href") ?? "")).length,
  }), CANARY);
}

for (const entry of CANARY_PAGES) {
  const label = `${entry.as ?? "anonymous"} opening ${entry.url({ slug: "<slug>" } as Stored)}`;
  test(`stored payloads stay text: ${label}`, async ({ page }) => {
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    if (entry.as) await signIn(page, DEMO[entry.as]);
    const response = await page.goto(entry.url(stored));
    await page.waitForLoadState("load");
    const found = response?.status() !== 404;
    if (!entry.optional) expect(found, "page exists").toBe(true);
    if (found) {
      // textContent, not innerText: CSS text-transform (uppercase topics) must not hide the payload.
      const text = (await page.evaluate(() => document.body.textContent ?? "")).replace(/\s+/g, " ");
      for (const shown of entry.shows(stored)) expect(text, "the payload is shown, as text").toContain(shown.replace(/\s+/g, " ").slice(0, 40));
    }
    expect(await injected(page)).toEqual({ ran: false, handlers: [], scripts: 0, scriptLinks: 0 });
    expect(dialogs).toEqual([]);
  });
}
