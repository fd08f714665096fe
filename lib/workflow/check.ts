import type { Actor, AssignmentRef, RevisionRef } from "@/lib/domain";
import { actorStanding } from "./actors";
import { quorumReached, type MixRequirement, type SignOffRef } from "./quorum";
import { isWorkflowState, type WorkflowState } from "./states";
import { TRANSITIONS, type TransitionRule, type WorkflowAction } from "./transitions";

type Context = {
  state: WorkflowState;
  actor: Actor;
  revision: RevisionRef;
  /** Assignments not removed, of reviewers whose accounts are active. */
  assignments: readonly AssignmentRef[];
};

type ActionWithData = "assign_reviewers" | "add_reviewer" | "remove_reviewer" | "request_changes" | "approve";

/** What each action needs besides the context: whom it concerns, or what the reviewer signed. */
export type TransitionRequest =
  | { action: Exclude<WorkflowAction, ActionWithData> }
  /** The reviewers assigned with this action; may be empty when reviewers are already assigned. */
  | { action: "assign_reviewers"; reviewerIds: readonly number[] }
  | { action: "add_reviewer" | "remove_reviewer"; reviewerId: number }
  /** signedHash is the hash of the content the reviewer was shown. */
  | { action: "request_changes"; signedHash: string; currentHash: string }
  | {
      action: "approve";
      signedHash: string;
      currentHash: string;
      /** The revision's sign-offs so far, without the one being made. */
      signOffs: readonly SignOffRef[];
      /** For the revision's change class (ruleForChangeClass), 1–5; anything else throws a RangeError (see quorum.ts). */
      requiredApprovals: number;
      /** The approver-mix requirements for the revision's change class, and the topic a specialty must match. */
      mix?: readonly MixRequirement[];
      specialtyTopic?: string | null;
      /** What the signer is now, and whether a declared conflict recuses this sign-off. */
      signer?: Pick<SignOffRef, "credentialClass" | "specialties" | "recused">;
    };

export type TransitionInput = Context & TransitionRequest;

/** A subset of ActionErrorCode, so a server action can pass the refusal straight on. */
export type TransitionRefusal = "forbidden" | "illegal_transition" | "invalid" | "conflict";

export type TransitionCheck = { ok: true; to: WorkflowState } | { ok: false; code: TransitionRefusal; reason: string };

type Refusal = { code: TransitionRefusal; reason: string };

const STATE_PHRASES: Readonly<Record<WorkflowState, string>> = {
  draft: "still a draft",
  submitted: "submitted",
  under_review: "under review",
  changes_requested: "back with its author for changes",
  approved: "approved",
};

/**
 * Whether the actor may take the action on the revision now, and the state it leads to (the same
 * state when the action doesn't change it). The actor is judged first, so someone who may not act
 * learns nothing about the revision's state.
 */
export function checkTransition(input: TransitionInput): TransitionCheck {
  // Actions and roles can come from form data or old rows:
  // refuse unknown ones rather than find them on Object.prototype.
  if (!Object.hasOwn(TRANSITIONS, input.action)) {
    return { ok: false, code: "illegal_transition", reason: `Unknown action "${input.action}"` };
  }
  const rule = TRANSITIONS[input.action];
  const refusal = actorRefusal(rule, input) ?? stateRefusal(rule, input.state) ?? requestRefusal(input);
  if (refusal) return { ok: false, ...refusal };
  return { ok: true, to: outcome(rule, input) };
}

function actorRefusal(rule: TransitionRule, { actor, revision, assignments }: TransitionInput): Refusal | null {
  switch (actorStanding(rule, actor, revision, assignments)) {
    case "ok":
      return null;
    case "inactive":
      return { code: "forbidden", reason: "Your account is deactivated" };
    case "author":
      return { code: "forbidden", reason: "The author of a revision can't review it" };
    default:
      return { code: "forbidden", reason: rule.onlyWho };
  }
}

function stateRefusal(rule: TransitionRule, state: WorkflowState): Refusal | null {
  if (rule.from.includes(state)) return null;
  const phrase = isWorkflowState(state) ? STATE_PHRASES[state] : "in an unknown state";
  return { code: "illegal_transition", reason: `A revision that is ${phrase} can't ${rule.cant}` };
}

function requestRefusal(input: TransitionInput): Refusal | null {
  const authorAsReviewer = { code: "invalid", reason: "A revision's author can't be one of its reviewers" } as const;
  switch (input.action) {
    case "assign_reviewers":
      if (input.reviewerIds.includes(input.revision.authorId)) return authorAsReviewer;
      if (input.reviewerIds.length === 0 && input.assignments.length === 0) {
        return { code: "invalid", reason: "Assign at least one reviewer to start the review" };
      }
      return null;
    case "add_reviewer":
      if (input.reviewerId === input.revision.authorId) return authorAsReviewer;
      if (isAssigned(input.assignments, input.reviewerId)) {
        return { code: "invalid", reason: "That reviewer is already assigned" };
      }
      return null;
    case "remove_reviewer":
      if (!isAssigned(input.assignments, input.reviewerId)) {
        return { code: "invalid", reason: "That reviewer isn't assigned to this revision" };
      }
      return null;
    case "request_changes":
    case "approve":
      // Signing content other than what is now under review would vouch for text nobody checked.
      if (input.signedHash !== input.currentHash) {
        const reason = "The content changed after you opened it. Review the current version before signing";
        return { code: "conflict", reason };
      }
      return null;
    default:
      return null;
  }
}

function outcome(rule: TransitionRule, input: TransitionInput): WorkflowState {
  if (input.action !== "approve") return rule.to ?? input.state;
  const nextId = input.signOffs.reduce((max, s) => Math.max(max, s.id), 0) + 1;
  const signOffs = [
    ...input.signOffs,
    { ...input.signer, id: nextId, reviewerId: input.actor.id, decision: "approve" as const, contentHash: input.currentHash },
  ];
  const reached = quorumReached(signOffs, {
    currentHash: input.currentHash,
    authorId: input.revision.authorId,
    activeReviewerIds: input.assignments.map((a) => a.reviewerId),
    requiredApprovals: input.requiredApprovals,
    mix: input.mix,
    specialtyTopic: input.specialtyTopic,
  });
  return reached ? "approved" : input.state;
}

const isAssigned = (assignments: readonly AssignmentRef[], userId: number) => assignments.some((a) => a.reviewerId === userId);
