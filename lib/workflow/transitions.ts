import type { Role } from "@/lib/permissions";
import type { WorkflowState } from "./states";

export const WORKFLOW_ACTIONS = [
  "submit",
  "withdraw",
  "assign_reviewers",
  "request_changes",
  "approve",
  "edit",
  "add_reviewer",
  "remove_reviewer",
  "comment",
] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

/** What, besides their role, an actor must be for the action. */
export type ActorCondition =
  | "any"
  /** Only for the revision's own author. */
  | "author"
  /** Only for a reviewer currently assigned to the revision who did not write it. */
  | "assigned_non_author";

export type TransitionRule = {
  from: readonly WorkflowState[];
  /** The state the action leads to; null when it leaves the state alone. */
  to: WorkflowState | null;
  /** The roles allowed, each with the condition it comes with; a role not listed may not act. */
  allowed: Readonly<Partial<Record<Role, ActorCondition>>>;
  /** Refusal when the actor doesn't qualify. */
  onlyWho: string;
  /** Ends the refusal when the state doesn't fit: "A revision that is approved can't be submitted". */
  cant: string;
};

const EDITORIAL = { admin: "any", editor: "any" } as const;

/**
 * Every action on a revision and when it is allowed. Only the transitions in DESIGN.md's diagram
 * change the state; the other actions are allowed in some states and leave the state alone.
 */
export const TRANSITIONS: Readonly<Record<WorkflowAction, TransitionRule>> = {
  submit: {
    from: ["draft", "changes_requested"],
    to: "submitted",
    allowed: EDITORIAL,
    onlyWho: "Only editors and admins can submit a revision",
    cant: "be submitted",
  },
  withdraw: {
    from: ["submitted"],
    to: "draft",
    allowed: { ...EDITORIAL, reviewer: "author" },
    onlyWho: "Only the revision's author or an editor can withdraw it",
    cant: "be withdrawn",
  },
  assign_reviewers: {
    from: ["submitted"],
    to: "under_review",
    allowed: EDITORIAL,
    onlyWho: "Only editors and admins can assign reviewers",
    cant: "be sent for review",
  },
  request_changes: {
    from: ["under_review"],
    to: "changes_requested",
    allowed: { reviewer: "assigned_non_author" },
    onlyWho: "Only an assigned reviewer can request changes",
    cant: "be sent back for changes",
  },
  approve: {
    from: ["under_review"],
    // Reached only when this approval completes the quorum; until then the state stays under_review.
    to: "approved",
    allowed: { reviewer: "assigned_non_author" },
    onlyWho: "Only an assigned reviewer can approve",
    cant: "be approved",
  },
  edit: {
    // Editing an approved revision starts a new one (see edit.ts), so it is allowed in every state.
    from: ["draft", "submitted", "under_review", "changes_requested", "approved"],
    to: null,
    allowed: EDITORIAL,
    onlyWho: "Only editors and admins can edit a revision",
    cant: "be edited",
  },
  add_reviewer: {
    from: ["submitted", "under_review"],
    to: null,
    allowed: EDITORIAL,
    onlyWho: "Only editors and admins can add reviewers",
    cant: "have reviewers added",
  },
  remove_reviewer: {
    from: ["submitted", "under_review"],
    to: null,
    allowed: EDITORIAL,
    onlyWho: "Only editors and admins can remove reviewers",
    cant: "have reviewers removed",
  },
  comment: {
    from: ["submitted", "under_review", "changes_requested"],
    to: null,
    allowed: { ...EDITORIAL, reviewer: "assigned_non_author" },
    onlyWho: "Only editors and the revision's assigned reviewers can comment on it",
    cant: "take review comments",
  },
};
