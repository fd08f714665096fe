import { createHash } from "node:crypto";

/** The fields of an audit event that the hash chain covers. */
export type AuditFields = {
  at: string;
  actorId: number | null;
  actorLabel: string;
  action: string;
  targetType: string;
  targetId: string | null;
  articleId: number | null;
  summary: string;
};

export type StoredAuditEvent = AuditFields & { id: number; prevHash: string; hash: string };

export const GENESIS_HASH = "0".repeat(64);

/** Canonical form: fixed key order, so the same event always hashes the same. */
function canonical(fields: AuditFields, prevHash: string): string {
  return JSON.stringify([
    prevHash,
    fields.at,
    fields.actorId,
    fields.actorLabel,
    fields.action,
    fields.targetType,
    fields.targetId,
    fields.articleId,
    fields.summary,
  ]);
}

export function auditEventHash(fields: AuditFields, prevHash: string): string {
  return createHash("sha256").update(canonical(fields, prevHash)).digest("hex");
}

export type ChainVerdict = { ok: true; count: number } | { ok: false; count: number; brokenAtId: number; reason: string };

/** Recomputes the chain in id order; names the first event whose link or hash does not hold. */
export function verifyAuditChain(events: Iterable<StoredAuditEvent>): ChainVerdict {
  let prev = GENESIS_HASH;
  let count = 0;
  let lastId = 0;
  for (const event of events) {
    count++;
    if (event.prevHash !== prev) {
      const reason =
        event.id !== lastId + 1 && lastId > 0
          ? `event(s) before #${event.id} missing (previous hash does not match #${lastId})`
          : `previous hash does not match the event before it`;
      return { ok: false, count, brokenAtId: event.id, reason };
    }
    if (auditEventHash(event, event.prevHash) !== event.hash) {
      return { ok: false, count, brokenAtId: event.id, reason: "content does not match its hash (edited)" };
    }
    prev = event.hash;
    lastId = event.id;
  }
  return { ok: true, count };
}
