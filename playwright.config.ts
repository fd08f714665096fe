import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { isSet, serverEnv, testEnv } from "./lib/env";

const settings = testEnv();
const port = settings.E2E_PORT;
export const E2E_DATABASE = path.resolve(settings.E2E_DATABASE ?? `tests/.tmp/e2e-${port}.db`);
const SETTINGS_SPECS = /admin-settings\.spec\.ts$/;
const SETTINGS_EFFECTS_SPECS = /settings-effects\.spec\.ts$/;
const BENCH_SPECS = /bench-smoke\.spec\.ts$/;
const chromium = { ...devices["Desktop Chrome"], channel: undefined };
const SECURITY_SPECS = /security-[^/]*\.spec\.ts$/;
const CANARY_SPECS = /security-xss-canary\.spec\.ts$/;
const baseURL = `http://127.0.0.1:${port}`;

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
    { name: "chromium", testIgnore: [SETTINGS_SPECS, SETTINGS_EFFECTS_SPECS, SECURITY_SPECS, BENCH_SPECS], use: chromium },
    // The attack suites create users, references and stored payloads as they go: they run after
    // the feature specs, so counts and pages those specs check are not disturbed.
    { name: "security", testMatch: SECURITY_SPECS, testIgnore: CANARY_SPECS, dependencies: ["chromium"], use: chromium },
    // The stored-XSS canary looks for its payload article in dashboard queues: it runs after the
    // matrix, whose fixtures would otherwise push that article off the first page.
    { name: "canary", testMatch: CANARY_SPECS, dependencies: ["security"], use: chromium },
    // Specs that change site-wide settings run after everything else, one file at a time.
    { name: "settings", testMatch: SETTINGS_SPECS, dependencies: ["canary"], use: chromium },
    { name: "settings-effects", testMatch: SETTINGS_EFFECTS_SPECS, dependencies: ["settings"], use: chromium },
    // The benchmark smoke run starts its own server and loads it: alone, at the very end.
    { name: "bench", testMatch: BENCH_SPECS, dependencies: ["settings-effects"], use: chromium },
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
      PORT: String(port),
      NEXTAUTH_URL: baseURL,
      // Every test signs in from 127.0.0.1; the per-account limit is what the tests exercise.
      SIGN_IN_IP_LIMIT: "1000",
      NEXTAUTH_SECRET: "e2e-only-secret-not-for-production-use-000000",
      // Reader questions all come from 127.0.0.1; the rate-limit test lowers its own window by count.
      QUESTION_IP_LIMIT: isSet("QUESTION_IP_LIMIT") ? String(serverEnv().QUESTION_IP_LIMIT) : "1000",
    },
  },
});
