import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/permissions";
import { approvalsNeeded, checkTransition, countingApprovals, quorumReached, type SignOffRef, type TransitionInput } from "@/lib/workflow";

const AUTHOR = 2;
const CURRENT = "hash-now";
const context = { currentHash: CURRENT, authorId: AUTHOR, activeReviewerIds: [4, 5, 6] };

/** Sign-offs get growing ids, as rows do, so later calls are later sign-offs. */
let nextId = 1;
const signOff =
  (decision: SignOffRef["decision"]) =>
  (reviewerId: number, contentHash = CURRENT): SignOffRef => ({
    id: nextId++,
    reviewerId,
    decision,
    contentHash,
  });
const approve = signOff("approve");
const requestChanges = signOff("request_changes");

describe("countingApprovals", () => {
  it("ignores approvals given on an earlier hash", () => {
    expect(countingApprovals([approve(4, "hash-before-edit"), approve(5)], context)).toEqual([5]);
  });

  it("counts a reviewer who approved twice once", () => {
    expect(countingApprovals([approve(4), approve(4), approve(4, "old")], context)).toEqual([4]);
    expect(quorumReached([approve(4), approve(4)], { ...context, requiredApprovals: 2 })).toBe(false);
  });

  it("ignores a reviewer whose assignment was removed or whose account was deactivated", () => {
    // Neither 7 (removed) nor 8 (deactivated) is in activeReviewerIds any more.
    expect(countingApprovals([approve(7), approve(8), approve(6)], context)).toEqual([6]);
  });

  it("ignores the author's own approval, even if the author was assigned", () => {
    const authorAssigned = { ...context, activeReviewerIds: [AUTHOR, 4] };
    expect(countingApprovals([approve(AUTHOR), approve(4)], authorAssigned)).toEqual([4]);
  });

  it("withdraws an approval when the same reviewer later asks for changes to the same content", () => {
    expect(countingApprovals([approve(4), requestChanges(4), approve(5)], context)).toEqual([5]);
    expect(countingApprovals([approve(4), requestChanges(4), approve(4)], context)).toEqual([4]);
  });

  it("keeps an approval of the current text when changes were asked of an older text", () => {
    expect(countingApprovals([requestChanges(4, "old"), approve(4)], context)).toEqual([4]);
  });

  it("decides a reviewer's latest word by sign-off id, whatever order the rows arrive in", () => {
    const first = approve(4);
    const later = requestChanges(4);
    expect(countingApprovals([later, first], context)).toEqual([]);
  });

  it("gives the same answer for any order of the same sign-offs", () => {
    const row = fc.record({
      reviewerId: fc.integer({ min: 1, max: 8 }),
      decision: fc.constantFrom("approve" as const, "request_changes" as const),
      contentHash: fc.constantFrom(CURRENT, "old"),
    });
    const rows = fc.array(row, { maxLength: 12 }).map((list) => list.map((s, i) => ({ ...s, id: i + 1 })));
    fc.assert(
      fc.property(rows, fc.func(fc.integer()), (list, key) => {
        const shuffled = [...list].sort((a, b) => key(a.id) - key(b.id));
        const counted = countingApprovals(list, context);
        expect(countingApprovals(shuffled, context)).toEqual(counted);
        expect(new Set(counted).size).toBe(counted.length);
        for (const id of counted) expect(context.activeReviewerIds.includes(id) && id !== AUTHOR).toBe(true);
      }),
    );
  });
});

describe("quorumReached and approvalsNeeded", () => {
  const rule = { ...context, requiredApprovals: 2 };

  it("needs requiredApprovals distinct counting approvals", () => {
    expect(approvalsNeeded([], rule)).toBe(2);
    expect(approvalsNeeded([approve(4), approve(4, "old"), approve(AUTHOR)], rule)).toBe(1);
    expect(quorumReached([approve(4), approve(5)], rule)).toBe(true);
    expect(approvalsNeeded([approve(4), approve(5), approve(6)], rule)).toBe(0);
  });

  it("refuses a requiredApprovals setting outside 1–5 rather than approve on none", () => {
    for (const requiredApprovals of [0, -1, 6, 1.5, Number.NaN]) {
      expect(() => quorumReached([], { ...context, requiredApprovals })).toThrow(RangeError);
      expect(() => approvalsNeeded([], { ...context, requiredApprovals })).toThrow(RangeError);
    }
  });
});

describe("approving through checkTransition", () => {
  const reviewer = (id: number, active = true): Actor => ({ id, role: "reviewer", active });
  const approval = (actor: Actor, signOffs: SignOffRef[], requiredApprovals: number): TransitionInput => ({
    action: "approve",
    state: "under_review",
    actor,
    revision: { authorId: AUTHOR },
    assignments: [{ reviewerId: 4 }, { reviewerId: 5 }],
    signedHash: CURRENT,
    currentHash: CURRENT,
    signOffs,
    requiredApprovals,
  });

  it("stays under review until the approval that completes the quorum", () => {
    expect(checkTransition(approval(reviewer(4), [], 2))).toEqual({ ok: true, to: "under_review" });
    expect(checkTransition(approval(reviewer(5), [approve(4)], 2))).toEqual({ ok: true, to: "approved" });
  });

  it("doesn't let a reviewer complete the quorum by approving again", () => {
    expect(checkTransition(approval(reviewer(4), [approve(4), approve(4)], 2))).toEqual({ ok: true, to: "under_review" });
  });

  it("doesn't count approvals on a stale hash toward the quorum", () => {
    expect(checkTransition(approval(reviewer(5), [approve(4, "before-edit")], 2))).toEqual({ ok: true, to: "under_review" });
  });

  it("refuses an inactive reviewer's approval even though they are assigned", () => {
    expect(checkTransition(approval(reviewer(4, false), [approve(5)], 2))).toEqual({
      ok: false,
      code: "forbidden",
      reason: "Your account is deactivated",
    });
  });

  it("refuses an approval from a reviewer no longer assigned", () => {
    const verdict = checkTransition(approval(reviewer(7), [approve(4)], 2));
    expect(verdict).toEqual({ ok: false, code: "forbidden", reason: "Only an assigned reviewer can approve" });
  });
});
