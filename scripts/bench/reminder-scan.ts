/**
 * In-process cost of the reminder tick (lib/dal/reminders.ts) on one database:
 *   DATABASE_PATH=bench/tmp/large.db node --conditions=react-server --import tsx scripts/bench/reminder-scan.ts [--ticks 200]
 * Prints one JSON object on stdout (its EXPLAIN QUERY PLAN also on stderr). Run by
 * scripts/bench/run.ts with the web server stopped. Everything runs inside one transaction that
 * is rolled back at the end, so the database (a generated one is measured in place) is unchanged.
 *
 * Three phases, each at the same "now":
 *   backlog  — ticks until nothing is waiting (a new database, a migration or a settings change
 *              wakes every open assignment at once), in batches of REMINDER_BATCH rows;
 *   steady   — the tick as it runs 1,439 minutes of 1,440: nothing waiting, two index probes;
 *   midnight — the first ticks of the next local day, when every overdue assignment is due its
 *              daily reminder.
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import { getDb } from "@/db";
import { REMINDER_BATCH, REMINDER_SCAN_SQL, runReminderTick, type ReminderTickResult } from "@/lib/dal/reminders";
import { getTimeZone } from "@/lib/dal/settings";
import { nextLocalMidnight } from "@/lib/reminders";
import type { ReminderScanResults, ReminderPhase } from "./results";
import { summarize } from "./stats";

const i = process.argv.indexOf("--ticks");
const TICKS = i > 0 ? Number(process.argv[i + 1]) : 200;

function timedTick(now: Date): { ms: number; cpuMs: number; result: ReminderTickResult } {
  const c = process.cpuUsage();
  const t = performance.now();
  const result = runReminderTick(now);
  const ms = performance.now() - t;
  const used = process.cpuUsage(c);
  return { ms, cpuMs: (used.user + used.system) / 1000, result };
}

/** Ticks at `now` until a tick finds nothing (at most `limit`). */
function drain(now: Date, limit = 10_000): ReminderPhase {
  const wall: number[] = [];
  const cpu: number[] = [];
  const total = { rows: 0, notifications: 0, skipped: 0 };
  for (let n = 0; n < limit; n++) {
    const { ms, cpuMs, result } = timedTick(now);
    const rows = result.assignments + result.articles + result.skipped;
    if (rows === 0) break;
    wall.push(ms);
    cpu.push(cpuMs);
    total.rows += rows;
    total.notifications += result.notifications;
    total.skipped += result.skipped;
  }
  const sum = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0));
  return {
    ticks: wall.length,
    ...total,
    totalMs: sum(wall),
    totalCpuMs: sum(cpu),
    perTick: wall.length ? { ...summarize(wall), cpu: summarize(cpu) } : null,
    rowsPerSecond: wall.length ? Math.round((total.rows / sum(wall)) * 1000) : null,
  };
}

function plan(sqlText: string, params: unknown[]): string[] {
  return (
    getDb()
      .$client.prepare(`EXPLAIN QUERY PLAN ${sqlText}`)
      .all(...params) as { detail: string }[]
  ).map((r) => r.detail);
}

function main() {
  const db = getDb().$client;
  const count = (q: string) => (db.prepare(q).get() as { n: number }).n;
  const now = new Date();
  const nowIso = now.toISOString();
  const plans = {
    assignments: plan(REMINDER_SCAN_SQL.assignments, [nowIso, REMINDER_BATCH]),
    articles: plan(REMINDER_SCAN_SQL.articles, [nowIso, REMINDER_BATCH]),
  };
  for (const [name, lines] of Object.entries(plans))
    process.stderr.write(`EXPLAIN QUERY PLAN (reminder scan, ${name}):\n  ${lines.join("\n  ")}\n`);

  const shape = {
    articles: count("SELECT count(*) AS n FROM articles"),
    liveArticles: count("SELECT count(*) AS n FROM articles WHERE live_revision_id IS NOT NULL"),
    assignments: count("SELECT count(*) AS n FROM review_assignments"),
    openAssignments: count(`SELECT count(*) AS n FROM review_assignments ra JOIN revisions r ON r.id = ra.revision_id
      WHERE ra.removed_at IS NULL AND r.state IN ('submitted', 'under_review')`),
    waitingAssignments: count("SELECT count(*) AS n FROM review_assignments WHERE reminder_at IS NOT NULL"),
    waitingArticles: count("SELECT count(*) AS n FROM articles WHERE review_reminder_at IS NOT NULL"),
  };

  db.exec("BEGIN IMMEDIATE");
  try {
    const backlog = drain(now);
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let w = 0; w < 5; w++) runReminderTick(now);
    for (let n = 0; n < TICKS; n++) {
      const { ms, cpuMs } = timedTick(new Date(now.getTime() + n));
      wall.push(ms);
      cpu.push(cpuMs);
    }
    const midnight = drain(nextLocalMidnight(now, getTimeZone()));
    const out: ReminderScanResults = {
      ...shape,
      batch: REMINDER_BATCH,
      ticks: TICKS,
      backlog,
      steady: { ...summarize(wall), cpu: summarize(cpu) },
      midnight,
      loadAverage: os.loadavg().map((n) => Math.round(n * 100) / 100),
      plans,
    };
    process.stdout.write(JSON.stringify(out));
  } finally {
    db.exec("ROLLBACK");
  }
}

main();
