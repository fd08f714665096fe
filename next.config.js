/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Native modules stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2"],
};

module.exports = nextConfig;
