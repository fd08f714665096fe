import { execFileSync } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { useTempDatabase } from "../helpers/temp-db";

const temp = useTempDatabase("audit");
const { getDb, writeTransaction } = await import("@/db");
const { appendAuditEvent } = await import("@/lib/dal/audit");
const { verifyAuditChain } = await import("@/lib/audit");

afterAll(() => {
  getDb().$client.close();
  temp.cleanup();
});

type Row = Parameters<typeof verifyAuditChain>[0] extends Iterable<infer R> ? R : never;

function events(): Row[] {
  return getDb()
    .$client.prepare(
      `SELECT id, at, actor_id AS actorId, actor_label AS actorLabel, action, target_type AS targetType, target_id AS targetId,
              article_id AS articleId, summary, prev_hash AS prevHash, hash FROM audit_events ORDER BY id`,
    )
    .all() as Row[];
}

/** Runs `npm run audit:verify`'s script on the test database; returns exit code and output. */
function auditVerify(): { code: number; output: string } {
  const root = path.resolve(__dirname, "..", "..");
  try {
    const out = execFileSync(process.execPath, ["--import", "tsx", "scripts/audit-verify.ts"], {
      cwd: root,
      env: { ...process.env, DATABASE_PATH: temp.file },
      encoding: "utf8",
      stdio: "pipe",
    });
    return { code: 0, output: out };
  } catch (error) {
    const e = error as { status: number; stderr: string; stdout: string };
    return { code: e.status, output: e.stdout + e.stderr };
  }
}

/** Tampering needs the immutability triggers out of the way, as an attacker with file access would do. */
function tamper(sql: string, ...params: unknown[]) {
  const client = getDb().$client;
  client.exec("DROP TRIGGER IF EXISTS audit_events_no_update; DROP TRIGGER IF EXISTS audit_events_no_delete;");
  client.prepare(sql).run(...params);
}

describe("the audit hash chain", () => {
  it("verifies a chain written by appendAuditEvent", () => {
    writeTransaction((tx) => {
      for (let i = 1; i <= 6; i++) {
        appendAuditEvent(tx, {
          actor: { id: 1, email: "editor@vetted.test" },
          action: "revision.edit",
          targetType: "revision",
          targetId: i,
          articleId: 1,
          summary: { n: i },
        });
      }
    });
    expect(verifyAuditChain(events())).toEqual({ ok: true, count: 6 });
    const result = auditVerify();
    expect(result.code).toBe(0);
    expect(result.output).toContain("Audit chain intact: 6 events");
  });

  it("refuses to update or delete an event in the database itself", () => {
    const client = getDb().$client;
    expect(() => client.prepare("UPDATE audit_events SET action = 'x' WHERE id = 2").run()).toThrow(/append-only/);
    expect(() => client.prepare("DELETE FROM audit_events WHERE id = 2").run()).toThrow(/append-only/);
  });

  it("names an edited event as the first broken one", () => {
    tamper("UPDATE audit_events SET summary = ? WHERE id = 3", JSON.stringify({ n: 99 }));
    const verdict = verifyAuditChain(events());
    expect(verdict).toMatchObject({ ok: false, brokenAtId: 3 });
    const result = auditVerify();
    expect(result.code).toBe(1);
    expect(result.output).toContain("BROKEN at event #3");
    expect(result.output).toContain("edited");
  });

  it("names the event after a deleted one", () => {
    tamper("UPDATE audit_events SET summary = ? WHERE id = 3", JSON.stringify({ n: 3 }));
    expect(verifyAuditChain(events())).toEqual({ ok: true, count: 6 });
    tamper("DELETE FROM audit_events WHERE id = 4");
    const verdict = verifyAuditChain(events());
    expect(verdict).toMatchObject({ ok: false, brokenAtId: 5 });
    expect(auditVerify().output).toContain("BROKEN at event #5");
  });

  it("detects a deleted first event", () => {
    tamper("DELETE FROM audit_events WHERE id = 1");
    expect(verifyAuditChain(events())).toMatchObject({ ok: false, brokenAtId: 2 });
  });
});
