import { describe, expect, it } from "vitest";
import type { Actor, Role } from "@/lib/permissions";
import { checkTransition, type TransitionInput } from "@/lib/workflow";

const editor: Actor = { id: 1, role: "editor", active: true };
const reviewer: Actor = { id: 4, role: "reviewer", active: true };
const base = { actor: editor, revision: { authorId: 2 }, assignments: [{ reviewerId: 4 }] };

function refusal(input: TransitionInput) {
  const verdict = checkTransition(input);
  if (verdict.ok) throw new Error(`expected a refusal, but the action was allowed (to ${verdict.to})`);
  return { code: verdict.code, reason: verdict.reason };
}

describe("checkTransition refusals", () => {
  it("names the state when the action doesn't apply to it", () => {
    expect(refusal({ ...base, state: "approved", action: "submit" })).toEqual({
      code: "illegal_transition",
      reason: "A revision that is approved can't be submitted",
    });
    expect(refusal({ ...base, state: "under_review", action: "withdraw" })).toEqual({
      code: "illegal_transition",
      reason: "A revision that is under review can't be withdrawn",
    });
    expect(refusal({ ...base, state: "draft", action: "add_reviewer", reviewerId: 5 })).toEqual({
      code: "illegal_transition",
      reason: "A revision that is still a draft can't have reviewers added",
    });
  });

  it("tells an unassigned reviewer that only assigned reviewers sign", () => {
    const unassigned = { ...reviewer, id: 9 };
    const input = { ...base, actor: unassigned, state: "under_review", signedHash: "h", currentHash: "h" } as const;
    expect(refusal({ ...input, action: "request_changes" })).toEqual({
      code: "forbidden",
      reason: "Only an assigned reviewer can request changes",
    });
    expect(refusal({ ...input, action: "approve", signOffs: [], requiredApprovals: 1 }).reason).toBe(
      "Only an assigned reviewer can approve",
    );
  });

  it("tells an assigned author they can't review their own revision", () => {
    const input: TransitionInput = {
      ...base,
      actor: reviewer,
      revision: { authorId: reviewer.id },
      state: "under_review",
      action: "request_changes",
      signedHash: "h",
      currentHash: "h",
    };
    expect(refusal(input)).toEqual({ code: "forbidden", reason: "The author of a revision can't review it" });
  });

  it("refuses a deactivated editor before anything else", () => {
    expect(refusal({ ...base, actor: { ...editor, active: false }, state: "draft", action: "submit" })).toEqual({
      code: "forbidden",
      reason: "Your account is deactivated",
    });
  });

  it("judges the actor before the state, so an outsider learns nothing about the revision", () => {
    expect(refusal({ ...base, actor: reviewer, state: "approved", action: "submit" })).toEqual({
      code: "forbidden",
      reason: "Only editors and admins can submit a revision",
    });
  });

  it("lets a reviewer withdraw only a revision they wrote", () => {
    expect(refusal({ ...base, actor: reviewer, state: "submitted", action: "withdraw" }).reason).toBe(
      "Only the revision's author or an editor can withdraw it",
    );
    const ownRevision = { ...base, actor: reviewer, revision: { authorId: reviewer.id } };
    expect(checkTransition({ ...ownRevision, state: "submitted", action: "withdraw" })).toEqual({ ok: true, to: "draft" });
  });

  it("refuses a signature given on content that has since changed", () => {
    const input: TransitionInput = {
      ...base,
      actor: reviewer,
      state: "under_review",
      action: "request_changes",
      signedHash: "old",
      currentHash: "new",
    };
    expect(refusal(input)).toEqual({
      code: "conflict",
      reason: "The content changed after you opened it. Review the current version before signing",
    });
    expect(refusal({ ...input, action: "approve", signOffs: [], requiredApprovals: 1 }).code).toBe("conflict");
  });

  it("refuses unknown actions and roles instead of reading Object.prototype", () => {
    const unknownAction = { ...base, state: "draft", action: "constructor" } as unknown as TransitionInput;
    expect(refusal(unknownAction)).toEqual({ code: "illegal_transition", reason: 'Unknown action "constructor"' });
    const oddRole = { ...editor, role: "toString" as Role };
    expect(refusal({ ...base, actor: oddRole, state: "draft", action: "submit" }).code).toBe("forbidden");
  });
});

describe("reviewer assignment requests", () => {
  const submitted = { ...base, state: "submitted" } as const;

  it("never makes the author one of the reviewers", () => {
    const reason = "A revision's author can't be one of its reviewers";
    expect(refusal({ ...submitted, action: "assign_reviewers", reviewerIds: [5, 2] })).toEqual({ code: "invalid", reason });
    expect(refusal({ ...submitted, action: "add_reviewer", reviewerId: 2 })).toEqual({ code: "invalid", reason });
  });

  it("starts a review only with at least one reviewer", () => {
    expect(refusal({ ...submitted, assignments: [], action: "assign_reviewers", reviewerIds: [] })).toEqual({
      code: "invalid",
      reason: "Assign at least one reviewer to start the review",
    });
    // After changes were requested and the revision resubmitted, the same panel can start again.
    const samePanel = checkTransition({ ...submitted, action: "assign_reviewers", reviewerIds: [] });
    expect(samePanel).toEqual({ ok: true, to: "under_review" });
  });

  it("adds only someone not yet assigned and removes only someone assigned", () => {
    expect(refusal({ ...submitted, action: "add_reviewer", reviewerId: 4 }).reason).toBe("That reviewer is already assigned");
    expect(refusal({ ...submitted, action: "remove_reviewer", reviewerId: 5 }).reason).toBe(
      "That reviewer isn't assigned to this revision",
    );
    const removal = checkTransition({ ...submitted, action: "remove_reviewer", reviewerId: 4 });
    expect(removal).toEqual({ ok: true, to: "submitted" });
  });
});
