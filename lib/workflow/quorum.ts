/**
 * The approval quorum. An approval counts only if it was given on the revision's current content
 * hash, by a reviewer who is still assigned and is not the author, and each reviewer counts once.
 */
import type { SignOffDecision } from "@/lib/domain";

export type { SignOffDecision } from "@/lib/domain";

export type SignOffRef = {
  /** The sign-off's row id: ids grow in signing order, which decides a reviewer's latest word. */
  id: number;
  reviewerId: number;
  decision: SignOffDecision;
  contentHash: string;
};

export type QuorumContext = {
  currentHash: string;
  authorId: number;
  /** Reviewers whose assignment is not removed and whose account is active. */
  activeReviewerIds: readonly number[];
};

export type QuorumRule = QuorumContext & { requiredApprovals: number };

export const MIN_REQUIRED_APPROVALS = 1;
export const MAX_REQUIRED_APPROVALS = 5;

/**
 * Reviewer ids whose approval counts, in the order they approved. A reviewer's latest sign-off on
 * the current hash is their position: approving and then asking for changes to the very same text
 * withdraws the approval, even if the author resubmits it unchanged.
 */
export function countingApprovals(signOffs: readonly SignOffRef[], context: QuorumContext): number[] {
  const active = new Set(context.activeReviewerIds);
  const latest = new Map<number, SignOffRef>();
  for (const signOff of [...signOffs].sort((a, b) => a.id - b.id)) {
    if (signOff.contentHash === context.currentHash) latest.set(signOff.reviewerId, signOff);
  }
  return [...latest.values()]
    .filter((s) => s.decision === "approve" && s.reviewerId !== context.authorId && active.has(s.reviewerId))
    .sort((a, b) => a.id - b.id)
    .map((s) => s.reviewerId);
}

/** Refuses a setting outside 1–5 rather than guess: zero would approve content nobody reviewed. */
function required(requiredApprovals: number): number {
  if (!Number.isInteger(requiredApprovals) || requiredApprovals < MIN_REQUIRED_APPROVALS || requiredApprovals > MAX_REQUIRED_APPROVALS) {
    const range = `${MIN_REQUIRED_APPROVALS} to ${MAX_REQUIRED_APPROVALS}`;
    throw new RangeError(`requiredApprovals must be a whole number from ${range}, got ${requiredApprovals}`);
  }
  return requiredApprovals;
}

export function quorumReached(signOffs: readonly SignOffRef[], rule: QuorumRule): boolean {
  return countingApprovals(signOffs, rule).length >= required(rule.requiredApprovals);
}

/** How many more approvals the revision needs; 0 once the quorum holds. */
export function approvalsNeeded(signOffs: readonly SignOffRef[], rule: QuorumRule): number {
  return Math.max(0, required(rule.requiredApprovals) - countingApprovals(signOffs, rule).length);
}
