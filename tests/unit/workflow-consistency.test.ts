import { describe, expect, expectTypeOf, it } from "vitest";
import { REVISION_STATES, ROLES, type SIGN_OFF_DECISIONS, type RevisionState } from "@/db/schema";
import type { ActionErrorCode } from "@/lib/action-result";
import * as permissions from "@/lib/permissions";
import type { Actor } from "@/lib/permissions";
import {
  checkTransition,
  TRANSITIONS,
  WORKFLOW_STATES,
  type SignOffDecision,
  type TransitionInput,
  type TransitionRefusal,
  type WorkflowAction,
  type WorkflowState,
} from "@/lib/workflow";

describe("workflow agrees with the schema", () => {
  it("has the same states, in the same order, as the revisions table", () => {
    expect(WORKFLOW_STATES).toEqual(REVISION_STATES);
    expectTypeOf<WorkflowState>().toEqualTypeOf<RevisionState>();
  });

  it("knows the same sign-off decisions and roles", () => {
    expectTypeOf<SignOffDecision>().toEqualTypeOf<(typeof SIGN_OFF_DECISIONS)[number]>();
    expectTypeOf<permissions.Role>().toEqualTypeOf<(typeof ROLES)[number]>();
    const rolesInTable = new Set(Object.values(TRANSITIONS).flatMap((rule) => Object.keys(rule.allowed)));
    expect([...rolesInTable].sort()).toEqual([...ROLES].sort());
  });

  it("refuses with codes a server action can return as they are", () => {
    expectTypeOf<TransitionRefusal>().toExtend<ActionErrorCode>();
  });
});

/** The permission each action's actor check must agree with, so pages and actions never disagree. */
type Permission = (actor: Actor, revision: { authorId: number }, assigned: { reviewerId: number }[]) => boolean;

const PERMISSION: Record<WorkflowAction, Permission> = {
  submit: (a) => permissions.canSubmitRevision(a),
  withdraw: (a, r) => permissions.canWithdrawRevision(a, r),
  assign_reviewers: (a) => permissions.canAssignReviewers(a),
  add_reviewer: (a) => permissions.canAssignReviewers(a),
  remove_reviewer: (a) => permissions.canAssignReviewers(a),
  request_changes: (a, r, s) => permissions.canSignOff(a, r, s),
  approve: (a, r, s) => permissions.canSignOff(a, r, s),
  edit: (a, r) => permissions.canEditRevision(a, r),
  comment: (a, r, s) => permissions.canCommentOnReview(a, r, s),
};

function validInput(action: WorkflowAction, context: Omit<TransitionInput, "action" | "state">): TransitionInput {
  const state = TRANSITIONS[action].from[0];
  switch (action) {
    case "assign_reviewers":
      return { ...context, state, action, reviewerIds: [99] };
    case "add_reviewer":
      return { ...context, state, action, reviewerId: 99 };
    case "remove_reviewer":
      return { ...context, state, action, reviewerId: 50 };
    case "request_changes":
      return { ...context, state, action, signedHash: "h", currentHash: "h" };
    case "approve":
      return { ...context, state, action, signedHash: "h", currentHash: "h", signOffs: [], requiredApprovals: 2 };
    default:
      return { ...context, state, action };
  }
}

describe("workflow agrees with lib/permissions", () => {
  for (const action of Object.keys(PERMISSION) as WorkflowAction[]) {
    it(`lets the same actors ${action} as the permission does`, () => {
      for (const role of ROLES)
        for (const active of [true, false])
          for (const isAuthor of [true, false])
            for (const isAssigned of [true, false]) {
              const actor: Actor = { id: 7, role, active };
              const revision = { authorId: isAuthor ? 7 : 8 };
              const assignments = [{ reviewerId: 50 }, ...(isAssigned ? [{ reviewerId: 7 }] : [])];
              const allowed = checkTransition(validInput(action, { actor, revision, assignments })).ok;
              expect({ role, active, isAuthor, isAssigned, allowed }).toEqual({
                role,
                active,
                isAuthor,
                isAssigned,
                allowed: PERMISSION[action](actor, revision, assignments),
              });
            }
    });
  }
});
