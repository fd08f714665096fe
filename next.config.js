/** @type {import('next').NextConfig} */
const AUDIENCE = "(?<audience>clinician|patient)";

const nextConfig = {
  poweredByHeader: false,
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
        { source: "/articles/:slug", has: [{ type: "cookie", key: "vetted-audience", value: AUDIENCE }], destination: "/reader/:audience/:slug" },
        { source: "/articles/:slug", destination: "/reader/default/:slug" },
      ],
    };
  },
};

module.exports = nextConfig;
