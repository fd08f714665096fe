import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { useTempDatabase } from "../helpers/temp-db";
import { spawnWriter } from "../../scripts/security/spawn-writer";

/**
 * npm run backup / restore, as an operator runs them: a backup taken while another process is
 * writing is consistent and holds every write acknowledged before it started; restore puts it
 * back, and refuses a damaged file or one that isn't a Vetted database.
 */

const temp = useTempDatabase("backup");
const { openDatabase } = await import("@/db");
const { verifyAuditChain } = await import("@/lib/audit");
const dir = path.dirname(temp.file);

afterAll(() => temp.cleanup());

const run = (script: "backup" | "restore", file: string, database = temp.file) =>
  spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", `scripts/${script}.ts`, file], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_PATH: database },
    timeout: 120_000,
  });

const slugs = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return new Set((db.prepare("SELECT slug FROM articles").all() as { slug: string }[]).map((r) => r.slug));
  } finally {
    db.close();
  }
};

describe("backup and restore", () => {
  it("backs up consistently while another process writes, and restores it", async () => {
    openDatabase(temp.file).$client.close();
    const writer = spawnWriter(temp.file, ["crash", "backup"]);
    while (writer.events.length < 20) await new Promise((r) => setTimeout(r, 20));
    const ackedBefore = writer.events.filter((e) => e.kind === "ack").map((e) => String(e.slug));

    const backupFile = path.join(dir, "copy.db");
    const backup = run("backup", backupFile);
    // spawnSync held our event loop; let the writer's lines written meanwhile arrive.
    await new Promise((r) => setTimeout(r, 500));
    const ackedDuring = writer.events.length;
    writer.child.kill("SIGKILL");
    await writer.done;
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/integrity ok/);
    expect(ackedDuring).toBeGreaterThan(ackedBefore.length);

    const copy = new Database(backupFile, { readonly: true });
    expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    const chain = verifyAuditChain(
      copy
        .prepare(
          "SELECT id, at, actor_id AS actorId, actor_label AS actorLabel, action, target_type AS targetType, target_id AS targetId, article_id AS articleId, summary, prev_hash AS prevHash, hash FROM audit_events ORDER BY id",
        )
        .all() as never,
    );
    copy.close();
    expect(chain.ok).toBe(true);
    const inCopy = slugs(backupFile);
    for (const slug of ackedBefore) expect(inCopy.has(slug), slug).toBe(true);

    // Refuses to overwrite an existing backup.
    expect(run("backup", backupFile).status).not.toBe(0);

    // Restore into a fresh location: the restored database is exactly the copy.
    const restoredPath = path.join(dir, "restored", "vetted.db");
    const restore = run("restore", backupFile, restoredPath);
    expect(restore.status, restore.stderr).toBe(0);
    expect(slugs(restoredPath)).toEqual(inCopy);

    // Restoring over a live database keeps the old one aside.
    const again = run("restore", backupFile, temp.file);
    expect(again.status, again.stderr).toBe(0);
    expect(fs.existsSync(`${temp.file}.before-restore`)).toBe(true);
    expect(slugs(temp.file)).toEqual(inCopy);
  }, 240_000);

  it("refuses to restore a damaged file or one that isn't a Vetted database", () => {
    const damaged = path.join(dir, "damaged.db");
    const good = path.join(dir, "copy.db");
    const bytes = fs.readFileSync(good);
    // Overwrite pages in the middle of the file: the b-trees no longer check out.
    for (let i = 8192; i < Math.min(bytes.length, 8192 * 4); i++) bytes[i] = (i * 7) & 0xff;
    fs.writeFileSync(damaged, bytes);
    const target = path.join(dir, "untouched", "vetted.db");
    const refused = run("restore", damaged, target);
    expect(refused.status).not.toBe(0);
    expect(fs.existsSync(target)).toBe(false);

    const other = path.join(dir, "other.db");
    const db = new Database(other);
    db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY)");
    db.close();
    const notVetted = run("restore", other, target);
    expect(notVetted.status).not.toBe(0);
    expect(notVetted.stderr).toMatch(/not a Vetted database/);
    expect(fs.existsSync(target)).toBe(false);
  }, 120_000);
});
