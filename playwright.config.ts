import fs from "node:fs";
import path from "node:path";
import { defineConfig, devices, type Project } from "@playwright/test";
import { isSet, serverEnv, testEnv } from "./lib/env";

const settings = testEnv();
const port = settings.E2E_PORT;
export const E2E_DATABASE = path.resolve(settings.E2E_DATABASE ?? `tests/.tmp/e2e-${port}.db`);
/** Where the e2e server's SMTP server keeps every message it accepts (tests/helpers/mailbox.ts reads it). */
export const E2E_MAIL_DIR = path.resolve(settings.E2E_MAIL_DIR ?? `tests/.tmp/mail-${port}`);
/** Where the e2e server's doi.org / PubMed stand-in logs what it was asked (tests/helpers/lookup-stub.ts reads it). */
export const E2E_LOOKUP_LOG = path.resolve(settings.E2E_LOOKUP_LOG ?? `tests/.tmp/lookup-${port}.jsonl`);
// Specs that change site-wide settings (approvals required, disclaimers, site name) or depend on a
// site-wide fact (only one active admin) run after the
// others, one at a time; every other spec owns its data (tests/helpers/fixtures.ts) and runs in
// parallel with the rest, in any order.
const SITE_WIDE_SPECS = /(admin-last-admin|admin-settings|settings-effects|security-xss-canary|two-factor-required)\.spec\.ts$/;
// The benchmark smoke run starts its own server and loads it: alone, at the very end.
const BENCH_SPECS = /bench-smoke\.spec\.ts$/;
const chromium = { ...devices["Desktop Chrome"], channel: undefined };
// E2E_REVERSE=1 schedules the spec files in reverse name order (one project per file, listed
// last-to-first; Playwright runs a phase's test groups in project order), to show that no spec
// depends on another having run first. `--shuffle` is the random-order counterpart.
const reverse = settings.E2E_REVERSE === "1";
const specFiles = fs
  .readdirSync(path.join(__dirname, "tests", "e2e"))
  .filter((f) => f.endsWith(".spec.ts"))
  .sort();
const fileProject = (file: string, extra: Partial<Project> = {}): Project => ({
  name: file.replace(/\.spec\.ts$/, ""),
  testMatch: new RegExp(`/${file.replace(/[.]/g, "\\.")}$`),
  use: chromium,
  ...extra,
});
const featureProjects: Project[] = reverse
  ? specFiles
      .filter((f) => !SITE_WIDE_SPECS.test(f) && !BENCH_SPECS.test(f))
      .reverse()
      .map((f) => fileProject(f))
  : [{ name: "chromium", testIgnore: [SITE_WIDE_SPECS, BENCH_SPECS], use: chromium }];
const siteWideProjects: Project[] = reverse
  ? specFiles
      .filter((f) => SITE_WIDE_SPECS.test(f))
      .reverse()
      .map((f) => fileProject(f))
  : [{ name: "site-wide", testMatch: SITE_WIDE_SPECS, use: chromium }];
// One at a time, after every feature spec (each site-wide file after the one before it). Playwright
// runs a dependency project whole even when the command names files, so a command that names spec
// files (`playwright test tests/e2e/settings-effects.spec.ts`) runs just those, without the chain.
const namesFiles = process.argv.slice(2).some((arg) => /\.spec\.ts(:\d+)*$/.test(arg));
siteWideProjects.forEach((p, i) => {
  p.workers = 1;
  if (namesFiles) return;
  p.dependencies = i === 0 ? featureProjects.map((f) => f.name!) : [siteWideProjects[i - 1].name!];
});
const baseURL = `http://127.0.0.1:${port}`;
export const E2E_TWO_FACTOR_KEY = "e2e-only-two-factor-key-not-for-production-0000";

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: settings.E2E_WORKERS,
  retries: settings.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: settings.CHROMIUM_PATH,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    ...featureProjects,
    ...siteWideProjects,
    { name: "bench", testMatch: BENCH_SPECS, dependencies: namesFiles ? [] : [siteWideProjects.at(-1)!.name!], use: chromium },
  ],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `${baseURL}/login`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      DATABASE_PATH: E2E_DATABASE,
      E2E_MAIL_DIR,
      E2E_LOOKUP_LOG,
      PORT: String(port),
      NEXTAUTH_URL: baseURL,
      // Every test signs in from 127.0.0.1; the per-account limit is what the tests exercise.
      SIGN_IN_IP_LIMIT: "1000",
      NEXTAUTH_SECRET: "e2e-only-secret-not-for-production-use-000000",
      // Known to tests/helpers/two-factor.ts, which writes enrolments straight into the database.
      TWO_FACTOR_KEY: E2E_TWO_FACTOR_KEY,
      // Reader questions all come from 127.0.0.1; the rate-limit test lowers its own window by count.
      QUESTION_IP_LIMIT: isSet("QUESTION_IP_LIMIT") ? String(serverEnv().QUESTION_IP_LIMIT) : "1000",
    },
  },
});
