/**
 * The signature record of a revision (issue 17, 21 CFR Part 11 §11.50/§11.70): each sign-off with
 * its printed name, meaning, time and hash, linked to its audit event. Pure: the DAL gathers the
 * rows and the recomputed hash; this decides whether the record holds and names the first mismatch.
 */

export type SignatureEntry = {
  id: number;
  contentHash: string;
  /** The audit event recorded with the sign-off, and the hash it names; null when there is none. */
  auditEvent: { id: number; contentHash: string | null } | null;
};

export type RecordToVerify = {
  revisionNumber: number;
  storedHash: string;
  recomputedHash: string;
  signOffs: readonly SignatureEntry[];
  chain: { ok: true; count: number } | { ok: false; brokenAtId: number; reason: string };
};

export type RecordVerdict = { ok: true; summary: string } | { ok: false; mismatch: string };

const short = (hash: string | null) => (hash ? hash.slice(0, 12) : "none");

export function verifySignatureRecord(record: RecordToVerify): RecordVerdict {
  const n = record.revisionNumber;
  if (record.recomputedHash !== record.storedHash) {
    return {
      ok: false,
      mismatch: `revision ${n}: its stored content hash ${short(record.storedHash)}… does not match its content (recomputed ${short(record.recomputedHash)}…)`,
    };
  }
  for (const s of record.signOffs) {
    if (!s.auditEvent) return { ok: false, mismatch: `revision ${n}, sign-off #${s.id}: no audit event records it` };
    if (s.auditEvent.contentHash !== s.contentHash) {
      return {
        ok: false,
        mismatch: `revision ${n}, sign-off #${s.id}: its hash ${short(s.contentHash)}… differs from audit event #${s.auditEvent.id} (${short(s.auditEvent.contentHash)}…)`,
      };
    }
  }
  if (!record.chain.ok) {
    return { ok: false, mismatch: `audit chain broken at event #${record.chain.brokenAtId}: ${record.chain.reason}` };
  }
  const count = record.signOffs.length;
  return {
    ok: true,
    summary: `Revision ${n}: content hash recomputed and matches; ${count} sign-off${count === 1 ? "" : "s"} each match their audit event; audit chain intact (${record.chain.count} events).`,
  };
}
