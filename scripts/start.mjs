// `npm start`: check the environment, migrate, seed demo data if the database is empty, build if needed, serve.
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { loadEnvOrExit, publicUrl } from "../lib/env-schema.mjs";
import { ensureAuthSecret } from "./auth-secret.mjs";

// First, before any work: a bad value stops here with one line naming the variable.
const settings = loadEnvOrExit(["server"]);
const root = path.resolve(import.meta.dirname, "..");
const env = {
  ...process.env,
  NEXTAUTH_SECRET: ensureAuthSecret(root, settings.NEXTAUTH_SECRET),
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
const server = spawn(
  process.execPath,
  [
    "--import",
    path.join(root, "scripts", "peer-address.mjs"),
    path.join(root, "node_modules", "next", "dist", "bin", "next"),
    "start",
    "-H",
    settings.HOST,
    "-p",
    String(settings.PORT),
  ],
  { cwd: root, stdio: "inherit", env },
);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
