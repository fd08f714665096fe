// `npm start`: migrate, seed demo data if the database is empty, build if needed, serve.
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { ensureAuthSecret } from "./auth-secret.mjs";

const root = path.resolve(import.meta.dirname, "..");
const host = process.env.HOST || "127.0.0.1";
const port = process.env.PORT || "3000";
const env = {
  ...process.env,
  NEXTAUTH_SECRET: ensureAuthSecret(root),
  NEXTAUTH_URL: process.env.NEXTAUTH_URL || `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${port}`,
  NEXT_TELEMETRY_DISABLED: "1",
};

function run(script, args = []) {
  const result = spawnSync(process.execPath, [path.join(root, script), ...args], { cwd: root, stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run("scripts/prepare-db.mjs");
run("scripts/build-if-needed.mjs");
console.log(`Vetted is starting on ${env.NEXTAUTH_URL}`);
const server = spawn(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "start", "-H", host, "-p", port], {
  cwd: root,
  stdio: "inherit",
  env,
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
