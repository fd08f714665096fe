import { afterAll, describe, expect, it } from "vitest";
import { useTempDatabase } from "../helpers/temp-db";
import { auditFilterQuery, parseAuditFilter } from "@/lib/validations/audit-filter";

const temp = useTempDatabase("audit-log");
const { getDb, writeTransaction } = await import("@/db");
const { auditEvents } = await import("@/db/schema");
const { appendAuditEvent } = await import("@/lib/dal/audit");
const log = await import("@/lib/dal/audit-log");

afterAll(() => {
  getDb().$client.close();
  temp.cleanup();
});

describe("the audit filter in the URL", () => {
  it("keeps valid filters and drops bad ones one by one", () => {
    expect(parseAuditFilter({ actor: "3", action: "user.deactivate", from: "2026-01-31", to: "2026-13-45", page: "2" })).toEqual({
      actor: 3,
      action: "user.deactivate",
      from: "2026-01-31",
      page: 2,
    });
    expect(parseAuditFilter({ actor: "x", article: "", action: "DROP TABLE", page: "-1" })).toEqual({ page: 1 });
    expect(auditFilterQuery({ actor: 3, action: "auth.sign_in", page: 1 }, 2)).toBe("?actor=3&action=auth.sign_in&page=2");
    expect(auditFilterQuery({ page: 1 })).toBe("");
  });
});

describe("the audit log queries", () => {
  it("filters, pages newest first, and verifies the chain until an event is forged", () => {
    writeTransaction((tx) => {
      for (let i = 0; i < 60; i++)
        appendAuditEvent(tx, {
          actor: { id: i % 2 ? 1 : 2, email: i % 2 ? "one@t.test" : "two@t.test" },
          action: i % 3 ? "auth.sign_in" : "user.create",
          targetType: "user",
          targetId: i,
        });
    });
    const all = log.listAuditEvents({ page: 1 });
    expect(all.total).toBe(60);
    expect(all.pageCount).toBe(2);
    expect(all.rows).toHaveLength(50);
    expect(all.rows[0].id).toBeGreaterThan(all.rows[1].id);
    expect(log.listAuditEvents({ page: 2 }).rows).toHaveLength(10);
    expect(log.listAuditEvents({ page: 99 }).page).toBe(2);
    const created = log.listAuditEvents({ action: "user.create", actor: 2, page: 1 });
    expect(created.total).toBe(10);
    expect(created.rows.every((r) => r.action === "user.create" && r.actorId === 2)).toBe(true);
    const today = new Date().toISOString().slice(0, 10);
    expect(log.listAuditEvents({ from: today, to: today, page: 1 }).total).toBe(60);
    expect(log.listAuditEvents({ to: "2000-01-01", page: 1 }).total).toBe(0);
    expect(log.auditFilterOptions().actions).toEqual(["auth.sign_in", "user.create"]);

    expect(log.verifyStoredAuditChain()).toEqual({ ok: true, count: 60, full: true });
    // The next check continues from the verified checkpoint and still counts every event.
    writeTransaction((tx) => appendAuditEvent(tx, { actor: null, action: "auth.sign_in", targetType: "user" }));
    expect(log.verifyStoredAuditChain()).toEqual({ ok: true, count: 61, full: false });
    expect(log.verifyStoredAuditChain({ full: true })).toEqual({ ok: true, count: 61, full: true });
    // A row slipped in without the chain's hash (the triggers only stop UPDATE and DELETE).
    writeTransaction((tx) =>
      tx
        .insert(auditEvents)
        .values({ at: new Date().toISOString(), action: "forged", targetType: "x", prevHash: "0".repeat(64), hash: "f".repeat(64) })
        .run(),
    );
    const verdict = log.verifyStoredAuditChain();
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.brokenAtId).toBe(62);
    const full = log.verifyStoredAuditChain({ full: true });
    expect(full).toMatchObject({ ok: false, brokenAtId: 62 });
  });
});
