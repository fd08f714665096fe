import { describe, expect, it } from "vitest";
import type { Actor, Role } from "@/lib/permissions";
import {
  checkTransition,
  WORKFLOW_ACTIONS,
  WORKFLOW_STATES,
  type TransitionInput,
  type WorkflowAction,
  type WorkflowState,
} from "@/lib/workflow";

const ROLES: Role[] = ["admin", "editor", "reviewer"];
const ACTOR_ID = 10;
const OTHER_AUTHOR = 20;
const OTHER_REVIEWER = 30;
const NEW_REVIEWER = 31;
const HASH = "hash-1";

/** How the actor stands to the revision; the table is checked once for each. */
type Relation = "unrelated" | "author" | "assigned" | "assigned_author";

/** Input whose action-specific data is valid, so only state, role and relation decide. */
function input(state: WorkflowState, action: WorkflowAction, actor: Actor, relation: Relation): TransitionInput {
  const isAuthor = relation === "author" || relation === "assigned_author";
  const isAssigned = relation === "assigned" || relation === "assigned_author";
  const context = {
    state,
    actor,
    revision: { authorId: isAuthor ? actor.id : OTHER_AUTHOR },
    assignments: [{ reviewerId: OTHER_REVIEWER }, ...(isAssigned ? [{ reviewerId: actor.id }] : [])],
  };
  switch (action) {
    case "assign_reviewers":
      return { ...context, action, reviewerIds: [NEW_REVIEWER] };
    case "add_reviewer":
      return { ...context, action, reviewerId: NEW_REVIEWER };
    case "remove_reviewer":
      return { ...context, action, reviewerId: OTHER_REVIEWER };
    case "request_changes":
      return { ...context, action, signedHash: HASH, currentHash: HASH };
    case "approve":
      return { ...context, action, signedHash: HASH, currentHash: HASH, signOffs: [], requiredApprovals: 1 };
    default:
      return { ...context, action };
  }
}

function allowedCombos(relation: Relation, active = true): string[] {
  const allowed: string[] = [];
  for (const state of WORKFLOW_STATES)
    for (const action of WORKFLOW_ACTIONS)
      for (const role of ROLES) {
        const verdict = checkTransition(input(state, action, { id: ACTOR_ID, role, active }, relation));
        if (verdict.ok) allowed.push(`${state} ${action} ${role}`);
      }
  return allowed.sort();
}

/** Written out by hand from the issue, not derived from TRANSITIONS, so a table change must be made twice. */
const FOR_ANYONE_EDITORIAL = [
  "draft submit admin",
  "draft submit editor",
  "changes_requested submit admin",
  "changes_requested submit editor",
  "submitted withdraw admin",
  "submitted withdraw editor",
  "submitted assign_reviewers admin",
  "submitted assign_reviewers editor",
  "draft edit admin",
  "draft edit editor",
  "submitted edit admin",
  "submitted edit editor",
  "under_review edit admin",
  "under_review edit editor",
  "changes_requested edit admin",
  "changes_requested edit editor",
  "approved edit admin",
  "approved edit editor",
  "submitted add_reviewer admin",
  "submitted add_reviewer editor",
  "under_review add_reviewer admin",
  "under_review add_reviewer editor",
  "submitted remove_reviewer admin",
  "submitted remove_reviewer editor",
  "under_review remove_reviewer admin",
  "under_review remove_reviewer editor",
  "submitted comment admin",
  "submitted comment editor",
  "under_review comment admin",
  "under_review comment editor",
  "changes_requested comment admin",
  "changes_requested comment editor",
  "draft view admin",
  "draft view editor",
  "submitted view admin",
  "submitted view editor",
  "under_review view admin",
  "under_review view editor",
  "changes_requested view admin",
  "changes_requested view editor",
  "approved view admin",
  "approved view editor",
  "approved start_re_review admin",
  "approved start_re_review editor",
  "submitted escalate_class admin",
  "submitted escalate_class editor",
  "under_review escalate_class admin",
  "under_review escalate_class editor",
];

/** A reviewer on the panel may open the revision in every state, whether or not they wrote it. */
const VIEW_AS_ASSIGNED_REVIEWER = [
  "draft view reviewer",
  "submitted view reviewer",
  "under_review view reviewer",
  "changes_requested view reviewer",
  "approved view reviewer",
];

const EXPECTED: Record<Relation, string[]> = {
  unrelated: FOR_ANYONE_EDITORIAL,
  // A reviewer may withdraw a revision only because they wrote it.
  author: [...FOR_ANYONE_EDITORIAL, "submitted withdraw reviewer"],
  assigned: [
    ...FOR_ANYONE_EDITORIAL,
    "under_review request_changes reviewer",
    "under_review approve reviewer",
    "submitted comment reviewer",
    "under_review comment reviewer",
    "changes_requested comment reviewer",
    "submitted escalate_class reviewer",
    "under_review escalate_class reviewer",
    ...VIEW_AS_ASSIGNED_REVIEWER,
  ],
  // Being assigned gives the author no say over their own revision's review.
  assigned_author: [...FOR_ANYONE_EDITORIAL, "submitted withdraw reviewer", ...VIEW_AS_ASSIGNED_REVIEWER],
};

describe("transition table: every (state, action, role)", () => {
  for (const relation of Object.keys(EXPECTED) as Relation[]) {
    it(`allows exactly the expected combinations for an actor who is ${relation}`, () => {
      expect(allowedCombos(relation)).toEqual([...EXPECTED[relation]].sort());
    });

    it(`allows nothing to an inactive actor who is ${relation}`, () => {
      expect(allowedCombos(relation, false)).toEqual([]);
    });
  }
});

describe("transition targets", () => {
  const EDGES = [
    "draft submit -> submitted",
    "changes_requested submit -> submitted",
    "submitted withdraw -> draft",
    "submitted assign_reviewers -> under_review",
    "under_review request_changes -> changes_requested",
    "under_review approve -> approved",
  ];

  it("changes the state only along the workflow diagram's edges", () => {
    const changes: string[] = [];
    for (const relation of Object.keys(EXPECTED) as Relation[])
      for (const state of WORKFLOW_STATES)
        for (const action of WORKFLOW_ACTIONS)
          for (const role of ROLES) {
            const verdict = checkTransition(input(state, action, { id: ACTOR_ID, role, active: true }, relation));
            if (verdict.ok && verdict.to !== state) changes.push(`${state} ${action} -> ${verdict.to}`);
          }
    expect([...new Set(changes)].sort()).toEqual([...EDGES].sort());
  });
});
