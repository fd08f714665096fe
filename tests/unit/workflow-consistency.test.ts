import { describe, expect, it } from "vitest";
import { revisions, signOffs, users } from "@/db/schema";
import { ROLES, SIGN_OFF_DECISIONS, WORKFLOW_STATES } from "@/lib/domain";
import * as permissions from "@/lib/permissions";
import type { Actor } from "@/lib/permissions";
import { checkTransition, TRANSITIONS, type TransitionInput, type WorkflowAction } from "@/lib/workflow";

// Type-level agreement (row types, refusal codes) is checked by tsc: tests/unit/workflow-types.test-d.ts.

describe("the schema uses lib/domain's vocabularies", () => {
  it("builds the role, state and decision columns from the same tuples", () => {
    expect(users.role.enumValues).toEqual([...ROLES]);
    expect(revisions.state.enumValues).toEqual([...WORKFLOW_STATES]);
    expect(signOffs.decision.enumValues).toEqual([...SIGN_OFF_DECISIONS]);
  });

  it("names every role somewhere in the transitions table, and no other", () => {
    const rolesInTable = new Set(Object.values(TRANSITIONS).flatMap((rule) => Object.keys(rule.allowed)));
    expect([...rolesInTable].sort()).toEqual([...ROLES].sort());
  });

  it("has a workflow action for each sign-off decision", () => {
    for (const decision of SIGN_OFF_DECISIONS) expect(Object.hasOwn(TRANSITIONS, decision)).toBe(true);
  });
});

/**
 * The named permission each action's actor check must agree with. Both read the table through
 * actorStanding, so this pins the mapping: a named function that covers several actions (e.g.
 * canAssignReviewers for assigning, adding and removing) must not drift from any of them.
 */
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
  view: (a, r, s) => permissions.canViewRevision(a, r, s),
  start_re_review: (a) => permissions.canStartReReview(a),
  escalate_class: (a, r, s) => permissions.canEscalateChangeClass(a, r, s),
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
