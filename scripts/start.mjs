// `npm start`: check the environment, migrate, seed demo data if the database is empty, build if needed, serve.
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { loadEnvOrExit, publicUrl } from "../lib/env-schema.mjs";
import { ensureAuthSecret, ensureTwoFactorKey } from "./auth-secret.mjs";
import { nextStartArgs } from "./next-start.mjs";

// First, before any work: a bad value stops here with one line naming the variable.
const settings = loadEnvOrExit(["server"]);
const root = path.resolve(import.meta.dirname, "..");
const env = {
  ...process.env,
  NEXTAUTH_SECRET: ensureAuthSecret(root, settings.NEXTAUTH_SECRET),
  TWO_FACTOR_KEY: ensureTwoFactorKey(root, settings.TWO_FACTOR_KEY),
  NEXTAUTH_URL: publicUrl(settings),
  NEXT_TELEMETRY_DISABLED: "1",
};

function run(script, args = []) {
  const result = spawnSync(process.execPath, [path.join(root, script), ...args], { cwd: root, stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run("scripts/prepare-db.mjs");
run("scripts/build-if-needed.mjs");
console.log(`Vetted is starting on ${env.NEXTAUTH_URL}`);
if (!settings.SMTP_URL) {
  console.log("Mail is not being sent: no SMTP_URL is set, so every message stays in the outbox (Admin → Mail).");
}
const server = spawn(process.execPath, nextStartArgs(settings.HOST, settings.PORT), { cwd: root, stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
