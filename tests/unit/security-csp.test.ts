import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { cspForPath, generateNonce, isStaticPage, nonceCsp, parseCsp, staticCsp } from "@/lib/security/csp";

const NONCE = "c2VjdXJpdHktdGVzdC1ub25jZQ==";

describe("the Content-Security-Policy", () => {
  it("lets only scripts carrying this request's nonce run on dynamic pages, and what they load", () => {
    const csp = parseCsp(nonceCsp(NONCE));
    expect(csp.get("script-src")).toContain(`'nonce-${NONCE}'`);
    expect(csp.get("script-src")).toContain("'strict-dynamic'");
    expect(csp.get("script-src")).not.toContain("'unsafe-inline'");
    expect(csp.get("script-src")).not.toContain("'unsafe-eval'");
  });

  it("forbids plugins, <base> rewriting, framing and posting forms elsewhere on every page", () => {
    for (const policy of [nonceCsp(NONCE), staticCsp()]) {
      const csp = parseCsp(policy);
      expect(csp.get("object-src")).toEqual(["'none'"]);
      expect(csp.get("base-uri")).toEqual(["'none'"]);
      expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
      expect(csp.get("form-action")).toEqual(["'self'"]);
      expect(csp.get("default-src")).toEqual(["'self'"]);
    }
  });

  it("gives cached static pages a same-origin policy without a nonce (no script from elsewhere)", () => {
    const csp = parseCsp(staticCsp());
    expect(csp.get("script-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get("connect-src")).toEqual(["'self'"]);
    expect(cspForPath("/articles/postpartum-back-pain").nonce).toBeNull();
  });

  it("uses a fresh nonce for each dynamic page request", () => {
    const a = cspForPath("/dashboard");
    const b = cspForPath("/dashboard");
    expect(a.nonce).not.toBeNull();
    expect(a.nonce).not.toBe(b.nonce);
    expect(a.policy).toContain(`'nonce-${a.nonce}'`);
  });

  it("tells static reader pages from dynamic pages", () => {
    expect(isStaticPage("/articles/back-pain")).toBe(true);
    expect(isStaticPage("/articles/back-pain/")).toBe(true);
    for (const page of [
      "/",
      "/board",
      "/policy",
      "/topics/obstetrics",
      "/reader/patient/back-pain",
      "/static/home",
      "/articles/back-pain/history",
      "/reader/default/back-pain/history",
    ])
      expect(isStaticPage(page)).toBe(true);
    for (const dynamic of ["/login", "/search", "/dashboard", "/editor/articles/3", "/articles", "/articles/a/b", "/search"]) {
      expect(isStaticPage(dynamic)).toBe(false);
    }
  });

  it("allows eval only in development and upgrades requests only over https", () => {
    expect(nonceCsp(NONCE, { development: true })).toContain("'unsafe-eval'");
    expect(nonceCsp(NONCE)).not.toContain("upgrade-insecure-requests");
    expect(nonceCsp(NONCE, { https: true })).toContain("upgrade-insecure-requests");
  });

  it("refuses a nonce that could break out of the header", () => {
    expect(() => nonceCsp("abc")).toThrow();
    expect(() => nonceCsp(`${NONCE}'; script-src *`)).toThrow();
  });

  it("makes nonces of 16 random bytes", () => {
    const seen = new Set(Array.from({ length: 1000 }, () => generateNonce()));
    expect(seen.size).toBe(1000);
    for (const n of seen) expect(atob(n)).toHaveLength(16);
  });
});

describe("cached reader pages' policy in next.config.js", () => {
  it("is the same policy as staticCsp(), on every static reader path", async () => {
    const require = createRequire(import.meta.url);
    const config = require("../../next.config.js") as {
      headers: () => Promise<{ source: string; headers: { key: string; value: string }[] }[]>;
    };
    const rules = await config.headers();
    const csp = rules.filter((r) => r.headers.some((h) => h.key === "Content-Security-Policy"));
    expect(csp.map((r) => r.source)).toEqual(expect.arrayContaining(["/", "/board", "/policy", "/articles/:slug", "/topics/:topic"]));
    for (const rule of csp) expect(rule.headers.find((h) => h.key === "Content-Security-Policy")?.value).toBe(staticCsp());
    for (const rule of csp) expect(isStaticPage(rule.source.replace(/:[a-z]+/g, "x"))).toBe(true);
  });
});
