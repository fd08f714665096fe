/** @type {import('next').NextConfig} */
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
};

module.exports = nextConfig;
