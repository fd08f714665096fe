/**
 * Headers every response carries (the Content-Security-Policy is per page, set in proxy.ts).
 * HSTS is sent by production builds; browsers ignore it on plain http, so local runs are unaffected.
 */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  // The old XSS auditor is gone from current browsers and could be abused to leak data; "0" turns it off where it remains (OWASP).
  { key: "X-XSS-Protection", value: "0" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
  },
  ...(process.env.NODE_ENV === "production" ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

/**
 * Cached reader pages carry a fixed policy (no per-request nonce is possible on them), so it is
 * sent from here and proxy.ts does not run for them: the proxy would cost every cached page a
 * middleware call. Must equal staticCsp() in lib/security/csp.ts (a unit test checks).
 */
const STATIC_PAGE_CSP =
  "script-src 'self' 'unsafe-inline'; default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; frame-src 'none'; worker-src 'self'; manifest-src 'self'";
const STATIC_PAGES = [
  "/",
  "/board",
  "/policy",
  "/articles/:slug",
  "/articles/:slug/history",
  "/topics/:topic",
  "/topics/:topic/page/:page",
  "/reader/:audience/:slug",
  "/reader/:audience/:slug/history",
  "/static/:section",
  "/bench-baseline/:units",
];

const PREVIEW_HEADERS = [
  { key: "X-Robots-Tag", value: "noindex, nofollow, noarchive" },
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "Cache-Control", value: "no-store" },
];

/** @type {import('next').NextConfig} */
const AUDIENCE = "(?<audience>clinician|patient)";

const nextConfig = {
  poweredByHeader: false,
  // Types are checked once, by `npm run typecheck` (tsc --noEmit), which `npm test` and `npm run build`
  // run before building; the build's own pass would repeat the same check (about 40 s here).
  typescript: { ignoreBuildErrors: true },
  // Native modules stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2"],
  experimental: {
    // Reader pages are rendered on first request and kept in memory until revalidated; writing them
    // to .next would let one server's pages (and database) leak into the next start or another
    // server sharing the build. instrumentation.ts clears anything an older run left there.
    isrFlushToDisk: false,
  },
  /**
   * Reader pages are served from internal static routes (see lib/reader-cache.ts): an article from
   * /reader/<audience>/<slug>, chosen by ?audience=, then the cookie proxy.ts sets, then "default"
   * (the site's default audience); home, board and policy from /static/<section>, which is not
   * prerendered at build time (the build has no data). These are config rewrites rather than
   * rewrites in proxy.ts because Next proxies a proxy.ts rewrite over HTTP to itself when the
   * server is bound to 127.0.0.1 (it normalises that host to "localhost"), which doubles the work
   * and fails under load.
   */
  async rewrites() {
    return {
      beforeFiles: [
        { source: "/", destination: "/static/home" },
        { source: "/board", destination: "/static/board" },
        { source: "/policy", destination: "/static/policy" },
        { source: "/articles/:slug", has: [{ type: "query", key: "audience", value: AUDIENCE }], destination: "/reader/:audience/:slug" },
        {
          source: "/articles/:slug",
          has: [{ type: "cookie", key: "vetted-audience", value: AUDIENCE }],
          destination: "/reader/:audience/:slug",
        },
        { source: "/articles/:slug", destination: "/reader/default/:slug" },
        // The public version history follows the article's audience choice (the diff is in that wording).
        {
          source: "/articles/:slug/history",
          has: [{ type: "query", key: "audience", value: AUDIENCE }],
          destination: "/reader/:audience/:slug/history",
        },
        {
          source: "/articles/:slug/history",
          has: [{ type: "cookie", key: "vetted-audience", value: AUDIENCE }],
          destination: "/reader/:audience/:slug/history",
        },
        { source: "/articles/:slug/history", destination: "/reader/default/:slug/history" },
        // A topic's later pages are static routes of their own (a static page cannot read ?page=).
        {
          source: "/topics/:topic",
          has: [{ type: "query", key: "page", value: "(?<page>[0-9]{1,7})" }],
          destination: "/topics/:topic/page/:page",
        },
      ],
    };
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      ...STATIC_PAGES.map((source) => ({ source, headers: [{ key: "Content-Security-Policy", value: STATIC_PAGE_CSP }] })),
      // Preview links (app/preview): never indexed, never cached, and the token never leaves in a Referer.
      { source: "/preview/:token*", headers: PREVIEW_HEADERS },
    ];
  },
};

module.exports = nextConfig;
