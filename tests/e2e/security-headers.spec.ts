import { expect, test } from "@playwright/test";
import { parseCsp } from "@/lib/security/csp";
import { PAGE_ROWS, ROUTE_ROWS } from "../security/access-table";
import { anonymousCaller, baseURL, createArticle, dbValue, signedInCaller, signInOverHttp } from "../security/fixtures";
import { createUser, userActive } from "../helpers/e2e-db";
import { issuePreviewLink } from "../helpers/preview-links";
import { serverActionId } from "../helpers/server-actions";
import { signIn } from "../helpers/session";
import type { SessionJson } from "../helpers/json-shapes";

/** Response headers, cookies, CSRF and "GET is safe": what a browser-side attacker would try. */

test.describe("security headers", () => {
  // "/" became a static reader page when the reader landed: it gets the static policy (below).
  for (const path of ["/login", "/search?q=pain"]) {
    test(`${path} carries a nonce CSP that matches the scripts Next rendered, and the hardening headers`, async ({ request }) => {
      const res = await request.get(path);
      const headers = res.headers();
      const csp = parseCsp(headers["content-security-policy"] ?? "");
      const nonce = csp
        .get("script-src")
        ?.find((s) => s.startsWith("'nonce-"))
        ?.slice(7, -1);
      expect(nonce, "script-src has a nonce").toBeTruthy();
      expect(csp.get("script-src")).toContain("'strict-dynamic'");
      expect(csp.get("object-src")).toEqual(["'none'"]);
      expect(csp.get("base-uri")).toEqual(["'none'"]);
      expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
      const html = await res.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, "every script carries this response's nonce").toContain(`nonce="${nonce}"`);
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(headers["permissions-policy"]).toContain("camera=()");
      expect(headers["strict-transport-security"]).toMatch(/max-age=\d{7,}/);
      expect(headers["x-frame-options"]).toBe("DENY");
      expect(headers["x-xss-protection"]).toBe("0");
      expect(headers["x-powered-by"]).toBeUndefined();
      const again = parseCsp((await request.get(path)).headers()["content-security-policy"] ?? "");
      expect(again.get("script-src"), "a fresh nonce per response").not.toContain(`'nonce-${nonce}'`);
    });
  }

  for (const path of ["/", "/board", "/articles/first-line-treatment-acute-low-back-pain"]) {
    test(`${path} (a cached reader page) carries the static policy: no script from any other origin, and the hardening headers`, async ({
      request,
    }) => {
      const res = await request.get(path);
      expect(res.status()).toBe(200);
      const headers = res.headers();
      const csp = parseCsp(headers["content-security-policy"] ?? "");
      // Documented in SECURITY.md: cached HTML can't carry a per-request nonce.
      expect(csp.get("script-src")).toEqual(["'self'", "'unsafe-inline'"]);
      expect(csp.get("object-src")).toEqual(["'none'"]);
      expect(csp.get("base-uri")).toEqual(["'none'"]);
      expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
      expect(csp.get("form-action")).toEqual(["'self'"]);
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["x-frame-options"]).toBe("DENY");
    });
  }

  test("pages run under the policy without a single violation: sign-in and the dashboard still work", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to (execute|load|apply)/i.test(m.text())) violations.push(m.text());
    });
    const editor = await createUser("editor");
    await signIn(page, editor.email, editor.password);
    await expect(page.getByRole("heading", { level: 1, name: "Your desk" })).toBeVisible();
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(violations).toEqual([]);
  });

  test("the session cookie is HttpOnly and SameSite=Lax", async () => {
    const user = await createUser("editor");
    const api = await signInOverHttp(user.email, user.password);
    const cookie = (await api.storageState()).cookies.find((c) => c.name === "next-auth.session-token");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
    // Plain http here; NEXTAUTH_URL=https://… switches on Secure (tests/unit/security-session-cookie.test.ts).
    expect(cookie?.secure).toBe(false);
    await api.dispose();
  });

  test("the audience cookie a reader's choice sets is HttpOnly and SameSite=Lax, and still chooses the wording", async ({ page }) => {
    const article = "/articles/first-line-treatment-acute-low-back-pain";
    await page.goto(`${article}?audience=patient`);
    const cookie = (await page.context().cookies()).find((c) => c.name === "vetted-audience");
    expect(cookie?.value).toBe("patient");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
    expect(await page.evaluate(() => document.cookie)).not.toContain("vetted-audience");
    // The server still reads it: the bare address serves the remembered wording, either way round.
    const selected = page.locator('a[aria-current="true"]');
    await page.goto(article);
    await expect(selected).toContainText("Patient or caregiver");
    await page.goto(`${article}?audience=clinician`);
    await page.goto(article);
    await expect(selected).toContainText("Healthcare professional");
  });
});

test.describe("cross-site requests", () => {
  test("a cross-origin POST to a server action, with the admin's cookie, changes nothing", async () => {
    const admin = await signedInCaller("admin");
    const target = await createUser("editor");
    const id = serverActionId("setUserActiveAction", "lib/actions/users.ts");
    for (const origin of ["https://evil.example", "null", "http://127.0.0.1.evil.example"]) {
      const res = await admin.api.post("/admin/users", {
        headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", Origin: origin },
        data: JSON.stringify([{ userId: target.id, active: false }]),
        maxRedirects: 0,
      });
      expect(await res.text(), `Origin: ${origin}`).not.toContain('"ok":true');
      expect(userActive(target.id), `Origin: ${origin}`).toBe(true);
    }
    // The same request from our own origin works, so the refusal above was the origin check.
    const same = await admin.api.post("/admin/users", {
      headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", Origin: baseURL() },
      data: JSON.stringify([{ userId: target.id, active: false }]),
    });
    expect(await same.text()).toContain('"ok":true');
    expect(userActive(target.id)).toBe(false);
    await admin.api.dispose();
  });

  test("a forged sign-in or sign-out without next-auth's CSRF token does nothing", async () => {
    const user = await createUser("editor");
    const anon = await anonymousCaller();
    await anon.api.post("/api/auth/callback/credentials", {
      form: { email: user.email, password: user.password, json: "true" },
      headers: { Origin: "https://evil.example" },
      maxRedirects: 0,
    });
    expect((await anon.api.storageState()).cookies.map((c) => c.name)).not.toContain("next-auth.session-token");

    const victim = await signInOverHttp(user.email, user.password);
    await victim.post("/api/auth/signout", { form: {}, headers: { Origin: "https://evil.example" }, maxRedirects: 0 });
    const session = (await (await victim.get("/api/auth/session")).json()) as SessionJson;
    expect(session?.user?.email).toBe(user.email);
    await anon.api.dispose();
    await victim.dispose();
  });
});

test.describe("safe methods", () => {
  test("no GET, even one naming a server action, changes anything", async () => {
    // ~612 sequential requests: 44 s alone on a loaded machine, and it timed out at 60 s beside the access matrix.
    test.slow();
    const author = await createUser("editor");
    const target = await createUser("editor");
    const article = createArticle({ authorId: author.id, state: "under_review" });
    const callers = [
      await anonymousCaller(),
      await signedInCaller("editor"),
      await signedInCaller("reviewer"),
      await signedInCaller("admin"),
    ];
    const ids = [author.id, target.id, ...callers.map((c) => c.id).filter((id): id is number => id !== null)];
    const snapshot = () => [
      dbValue(
        `SELECT group_concat(id || ':' || active || ':' || session_version || ':' || updated_at) AS users FROM users WHERE id IN (${ids.join(",")})`,
      ),
      // editorialPolicy is left out: the access matrix's settings row changes and restores it, and may run alongside.
      dbValue("SELECT group_concat(key || '=' || value) AS settings FROM site_settings WHERE key <> 'editorialPolicy'"),
      dbValue("SELECT state, version, updated_at FROM revisions WHERE id = ?", article.revisionId),
      dbValue(`SELECT count(*) AS n FROM audit_events WHERE actor_id IN (${ids.join(",")}) AND action NOT LIKE 'auth.%'`),
    ];
    const before = snapshot();
    const actionId = serverActionId("setUserActiveAction", "lib/actions/users.ts");
    const published = createArticle({ authorId: author.id, published: true });
    // A preview view is counted and audited (as the link's guest, no staff actor): none of what is compared here.
    const previewToken = issuePreviewLink({ articleId: article.articleId, revisionId: null, createdById: author.id }).token;
    const urls = [
      ...PAGE_ROWS.map((r) => r.url({ draft: article, published, authorEmail: "", draftPreviewToken: previewToken })),
      ...ROUTE_ROWS.flatMap((r) => r.probes.filter((p) => p.method === "GET").map((p) => p.path)),
      `/articles/${article.slug}`,
    ];
    let requests = 0;
    for (const c of callers) {
      for (const url of urls) {
        await c.api.get(url, { maxRedirects: 0 });
        await c.api.get(url, { headers: { "Next-Action": actionId }, maxRedirects: 0 });
        await c.api.get(`${url}${url.includes("?") ? "&" : "?"}userId=${target.id}&active=false`, { maxRedirects: 0 });
        requests += 3;
      }
    }
    expect(snapshot()).toEqual(before);
    expect(userActive(target.id)).toBe(true);
    console.log(`safe-methods figures: ${requests} GET requests, no change`);
    for (const c of callers) await c.api.dispose();
  });
});
