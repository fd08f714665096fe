/**
 * npm run test:crash -- [N]   (default 50)
 * Starts writer processes on a fresh database, SIGKILLs them mid-write N times, and after
 * every kill checks that PRAGMA integrity_check is ok, the audit hash chain verifies, and every
 * write a writer acknowledged (reported after its commit returned) is in the database.
 * Exits non-zero on the first failure. Prints the figures for SECURITY.md.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { openDatabase } from "../../db/index";
import { verifyAuditChain, type StoredAuditEvent } from "../../lib/audit";
import { spawnWriter } from "./spawn-writer";

const trials = Number(process.argv[2] ?? 50);
const writersPerTrial = 2;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vetted-crash-"));
const database = path.join(dir, "crash.db");
openDatabase(database).$client.close();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const acknowledged = new Set<string>();
let lastChain = 0;
const started = Date.now();

function check(trial: number): void {
  const db = new Database(database, { readonly: true });
  try {
    const integrity = db.pragma("integrity_check", { simple: true }) as string;
    if (integrity !== "ok") throw new Error(`trial ${trial}: integrity_check says ${integrity}`);
    const events = db
      .prepare(
        "SELECT id, at, actor_id AS actorId, actor_label AS actorLabel, action, target_type AS targetType, target_id AS targetId, article_id AS articleId, summary, prev_hash AS prevHash, hash FROM audit_events ORDER BY id",
      )
      .all() as StoredAuditEvent[];
    const chain = verifyAuditChain(events);
    if (!chain.ok) throw new Error(`trial ${trial}: audit chain broken at #${chain.brokenAtId}: ${chain.reason}`);
    lastChain = chain.count;
    const present = new Set(
      (db.prepare("SELECT slug FROM articles WHERE slug LIKE 'crash-%'").all() as { slug: string }[]).map((r) => r.slug),
    );
    const lost = [...acknowledged].filter((slug) => !present.has(slug));
    if (lost.length) throw new Error(`trial ${trial}: ${lost.length} acknowledged writes lost, e.g. ${lost[0]}`);
  } finally {
    db.close();
  }
}

async function main() {
  for (let trial = 1; trial <= trials; trial++) {
    const writers = Array.from({ length: writersPerTrial }, (_, w) => spawnWriter(database, ["crash", `${trial}-${w}`]));
    // Wait until both are writing, then a little longer, so the kill lands at a random point mid-write.
    const deadline = Date.now() + 30_000;
    while (writers.some((w) => w.events.length === 0) && Date.now() < deadline) await sleep(10);
    await sleep(20 + Math.random() * 150);
    for (const w of writers) w.child.kill("SIGKILL");
    await Promise.all(writers.map((w) => w.done));
    for (const w of writers) for (const e of w.events) if (e.kind === "ack") acknowledged.add(String(e.slug));
    check(trial);
    if (trial % 10 === 0 || trial === trials)
      console.log(`  ${trial}/${trials} kills: ${acknowledged.size} acknowledged writes, all present; audit chain of ${lastChain} ok`);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `crash test: ${trials} rounds × ${writersPerTrial} writers SIGKILLed mid-write (${trials * writersPerTrial} kills), ${acknowledged.size} acknowledged writes, 0 lost, integrity_check ok, audit chain of ${lastChain} events ok, ${seconds} s`,
  );
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(`crash test FAILED: ${(error as Error).message}`);
  console.error(`database kept at ${database}`);
  process.exit(1);
});
