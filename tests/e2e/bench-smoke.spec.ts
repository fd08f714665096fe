import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import type { BenchResults } from "../../scripts/bench/results";

/**
 * `npm run bench` still works end to end: a small run (1,000 generated articles, 1 s per case after 1 s of warm-up)
 * against its own production server, producing well-formed results. No timing is asserted —
 * speed is judged from the figures in BENCHMARKS.md, not by tests.
 */
test("the benchmark runs on a 1,000-article database and writes well-formed results", () => {
  test.setTimeout(300_000);
  const port = Number(process.env.E2E_PORT ?? 3100) + 70;
  const out = path.resolve(`tests/.tmp/bench-smoke-${port}.json`);
  fs.rmSync(out, { force: true });
  const run = spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "scripts/bench/run.ts",
      "--articles",
      "1000",
      "--duration",
      "1",
      "--warmup",
      "1",
      "--connections",
      "8",
      "--samples",
      "3",
      "--dal-iterations",
      "3",
      "--mail-messages",
      "100",
      "--scan-ticks",
      "20",
      "--port",
      String(port),
      "--out",
      out,
      "--skip-build",
      "--no-markdown",
    ],
    { encoding: "utf8", timeout: 280_000 },
  );
  expect(run.status, run.stderr.slice(-2000)).toBe(0);

  const results = JSON.parse(fs.readFileSync(out, "utf8")) as BenchResults;
  expect(results.database.articles).toBe(1000);
  const byGroup = (g: string) => results.cases.filter((c) => c.group === g);
  // The reader page (or its stand-in before the reader site exists) and both baselines were loaded.
  for (const group of ["article", "baselineA", "baselineB"]) {
    const cases = byGroup(group);
    expect(cases.length, group).toBeGreaterThan(0);
    for (const c of cases) {
      expect(c.result, `${c.name}: ${c.skipped}`).toBeDefined();
      expect(c.result?.requests).toBeGreaterThan(0);
      expect(c.result?.non2xx).toBe(0);
      expect(c.result?.errors).toBe(0);
      expect(typeof c.result?.p99).toBe("number");
    }
  }
  // Baseline A really is the same size as the page it stands for (within 2%).
  const aBytes = byGroup("baselineA")[0].bytes ?? NaN;
  const basisBytes = results.cases.find((c) => c.name === results.ratios.basis)?.bytes ?? NaN;
  expect(Math.abs(aBytes - basisBytes) / basisBytes).toBeLessThan(0.02);
  // Baseline B serves the article as fetched once before the run; a re-render can differ by a few bytes.
  expect(Math.abs((byGroup("baselineB")[0].bytes ?? NaN) - basisBytes) / basisBytes).toBeLessThan(0.02);
  expect(typeof results.ratios.articleOverA).toBe("number");
  expect(typeof results.ratios.articleOverB).toBe("number");

  // The probes reach the real workflow and editor actions: an approval published the new text
  // to readers, and 10 editors' saves were all accepted with no SQLITE_BUSY surfaced.
  expect(results.approval.available, results.approval.reason).toBe(true);
  expect(typeof results.approval.visibleMs).toBe("number");
  expect(results.autosave.available, results.autosave.reason).toBe(true);
  expect(results.autosave.editors).toBe(10);
  expect(results.autosave.saves).toBeGreaterThan(0);
  expect(results.autosave.failed).toBe(0);
  expect(results.autosave.sqliteBusy).toBe(0);
  expect(results.autosave.mode).toMatch(/^paced/);
  expect(results.autosaveStress.available, results.autosaveStress.reason).toBe(true);
  // Mail went through the outbox and the server's runner to the local SMTP server, every message.
  expect(results.mail.available, results.mail.available ? "" : results.mail.reason).toBe(true);
  if (results.mail.available) {
    expect(results.mail.queued).toBe(100);
    expect(results.mail.delivered).toBe(100);
    expect(results.mail.commitToAcceptMs.samples).toBe(100);
  }
  // The article was measured again with the runner on and on a second server with it off.
  expect(results.runnerImpact.available).toBe(true);
  if (results.runnerImpact.available) {
    expect(results.runnerImpact.runnerOff.requests).toBeGreaterThan(0);
    expect(results.runnerImpact.runnerOff.non2xx).toBe(0);
    expect(typeof results.runnerImpact.onOverOff).toBe("number");
  }
  expect(results.autosaveStress.saves).toBeGreaterThan(0);
  expect(results.autosaveStress.failed).toBe(0);
  expect(results.autosaveStress.sqliteBusy).toBe(0);
  expect(results.staffHttp["/dashboard (editor)"]).toMatchObject({ samples: 3 });
  expect(results.serverMemoryMiB.idle).toBeGreaterThan(0);
  expect(Object.keys(results.dal.dashboard ?? {})).toContain("myAssignments (reviewer)");
  expect(results.dal.searchOverall?.samples).toBeGreaterThan(0);
  // The reminder tick's scan: timed, and read through its partial index.
  expect(results.reminders?.error).toBeUndefined();
  expect(results.reminders?.steady?.samples).toBe(20);
  expect(results.reminders?.plans?.assignments?.join(" ")).toContain("USING COVERING INDEX review_assignments_reminder_idx");
  expect(results.reminders?.plans?.articles?.join(" ")).toContain("USING COVERING INDEX articles_review_reminder_idx");
});
