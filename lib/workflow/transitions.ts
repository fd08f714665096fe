import type { Role, WorkflowState } from "@/lib/domain";

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
  "view",
  "start_re_review",
  "escalate_class",
] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

/** What, besides their role, an actor must be for the action. */
export type ActorCondition =
  | "any"
  /** Only for the revision's own author. */
  | "author"
  /** Only for a reviewer currently assigned to the revision who did not write it. */
  | "assigned_non_author"
  /** Only for someone currently assigned to the revision, whether or not they wrote it. */
  | "assigned";

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

export type TransitionTable = Readonly<Record<WorkflowAction, TransitionRule>>;

/**
 * Every action on a revision, who may take it and when: the one place these rules are written.
 * lib/permissions.ts derives its named revision permissions from this table and checkTransition
 * (check.ts) enforces it inside each write; both judge the actor with actorStanding (actors.ts).
 * Only the transitions in docs/ARCHITECTURE.md's diagram change the state; the other actions are
 * allowed in some states and leave the state alone.
 */
export const TRANSITIONS: TransitionTable = {
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
  view: {
    // Opening a revision's pages (overview, review, history) changes nothing.
    from: ["draft", "submitted", "under_review", "changes_requested", "approved"],
    to: null,
    allowed: { ...EDITORIAL, reviewer: "assigned" },
    onlyWho: "Only editors and the revision's assigned reviewers can open it",
    cant: "be opened",
  },
  start_re_review: {
    from: ["approved"],
    // The approved revision stays live and approved; the re-review is a new revision based on it (lib/dal/workflow.ts).
    to: null,
    allowed: EDITORIAL,
    onlyWho: "Only editors and admins can start a re-review",
    cant: "be re-reviewed",
  },
  escalate_class: {
    // A claimed-minor change escalated to major while it is being reviewed (lib/dal/workflow.ts).
    from: ["submitted", "under_review"],
    to: null,
    allowed: { ...EDITORIAL, reviewer: "assigned_non_author" },
    onlyWho: "Only editors and the revision's assigned reviewers can escalate a change",
    cant: "have its change class escalated",
  },
};
