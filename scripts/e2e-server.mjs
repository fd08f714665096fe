// The server Playwright starts: a fresh database (migrated + demo seed), a real SMTP server that
// keeps what it receives in E2E_MAIL_DIR (scripts/e2e-mail-sink.mjs), and `next start` on
// 127.0.0.1 sending its mail there, against the production build made by scripts/build-if-needed.mjs;
// DOI and PMID look-ups go to a local stand-in for doi.org and PubMed (scripts/e2e-lookup-stub.mjs).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { isSet, loadEnvOrExit } from "../lib/env-schema.mjs";
import { startLookupStub } from "./e2e-lookup-stub.mjs";
import { startMailSink } from "./e2e-mail-sink.mjs";
import { nextStartArgs } from "./next-start.mjs";

const root = path.resolve(import.meta.dirname, "..");
const settings = loadEnvOrExit(["server"]);
// Never the default database: this script deletes it first.
if (!isSet("DATABASE_PATH")) throw new Error("DATABASE_PATH must be set by playwright.config.ts");
const dbPath = settings.DATABASE_PATH;
for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(dbPath + suffix, { force: true });

const testSettings = loadEnvOrExit(["test"]);
if (!testSettings.E2E_MAIL_DIR) throw new Error("E2E_MAIL_DIR must be set by playwright.config.ts");
const mailSink = await startMailSink(testSettings.E2E_MAIL_DIR);
// "Add by DOI or PMID" asks this stand-in, never the real doi.org or PubMed.
if (!testSettings.E2E_LOOKUP_LOG) throw new Error("E2E_LOOKUP_LOG must be set by playwright.config.ts");
const lookupStub = await startLookupStub({ log: testSettings.E2E_LOOKUP_LOG });
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  SMTP_URL: mailSink.url,
  DOI_RESOLVER_URL: lookupStub.doiResolverUrl,
  NCBI_EUTILS_URL: lookupStub.eutilsUrl,
};
const prepared = spawnSync(process.execPath, [path.join(root, "scripts", "prepare-db.mjs")], { cwd: root, stdio: "inherit", env });
if (prepared.status !== 0) process.exit(prepared.status ?? 1);

const port = String(settings.PORT);
const server = spawn(process.execPath, nextStartArgs("127.0.0.1", port), { cwd: root, stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => {
  void mailSink.close();
  void lookupStub.close();
  process.exit(code ?? 0);
});
