import { describe, expect, test } from "vitest";
import { verifySignatureRecord, type RecordToVerify } from "@/lib/signatures";

const H = "a".repeat(64);
const good: RecordToVerify = {
  revisionNumber: 2,
  storedHash: H,
  recomputedHash: H,
  signOffs: [
    { id: 7, contentHash: H, auditEvent: { id: 40, contentHash: H } },
    { id: 9, contentHash: "b".repeat(64), auditEvent: { id: 41, contentHash: "b".repeat(64) } },
  ],
  chain: { ok: true, count: 120 },
};

describe("verifySignatureRecord", () => {
  test("an intact record verifies and says what was checked", () => {
    const verdict = verifySignatureRecord(good);
    expect(verdict.ok && verdict.summary).toContain("2 sign-offs each match their audit event; audit chain intact (120 events)");
  });

  test("names the first mismatch: content, a sign-off's hash, a missing event, the chain", () => {
    expect(verifySignatureRecord({ ...good, recomputedHash: "c".repeat(64) })).toEqual({
      ok: false,
      mismatch: "revision 2: its stored content hash aaaaaaaaaaaa… does not match its content (recomputed cccccccccccc…)",
    });
    const tampered = { ...good, signOffs: [{ ...good.signOffs[0], contentHash: "d".repeat(64) }, good.signOffs[1]] };
    const refused = verifySignatureRecord(tampered);
    expect(!refused.ok && refused.mismatch).toMatch(/^revision 2, sign-off #7: its hash dddd/);
    expect(verifySignatureRecord({ ...good, signOffs: [{ ...good.signOffs[0], auditEvent: null }] })).toMatchObject({
      mismatch: "revision 2, sign-off #7: no audit event records it",
    });
    expect(
      verifySignatureRecord({ ...good, chain: { ok: false, brokenAtId: 33, reason: "content does not match its hash (edited)" } }),
    ).toEqual({
      ok: false,
      mismatch: "audit chain broken at event #33: content does not match its hash (edited)",
    });
  });
});
