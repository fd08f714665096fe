/**
 * The approval quorum. An approval counts only if it was given on the revision's current content
 * hash, by a reviewer who is still assigned and is not the author, was not recused by a declared
 * conflict, and each reviewer counts once. The quorum holds when enough approvals count for the
 * revision's change class and the approver mix (classes, specialty) that applies to it is met.
 */
import { CREDENTIAL_CLASS_LABELS, type ChangeClass, type CredentialClass, type SignOffDecision } from "@/lib/domain";

export type { SignOffDecision } from "@/lib/domain";

export type SignOffRef = {
  /** The sign-off's row id: ids grow in signing order, which decides a reviewer's latest word. */
  id: number;
  reviewerId: number;
  decision: SignOffDecision;
  contentHash: string;
  /** The signer's class when signing; none counts for no class requirement. */
  credentialClass?: CredentialClass | null;
  /** The signer's specialties when signing. */
  specialties?: readonly string[];
  /** Signed with a declared conflict under the recuse policy: recorded, never counted. */
  recused?: boolean;
};

export type QuorumContext = {
  currentHash: string;
  authorId: number;
  /** Reviewers whose assignment is not removed and whose account is active. */
  activeReviewerIds: readonly number[];
};

/** "At least `minApprovals` counting approvals from reviewers of these classes", for these change classes. */
export type MixRequirement = {
  minApprovals: number;
  classes: readonly CredentialClass[];
  appliesTo: readonly ChangeClass[];
};

export type QuorumRule = QuorumContext & {
  requiredApprovals: number;
  /** The mix requirements that apply to this revision's change class (see ruleForChangeClass). */
  mix?: readonly MixRequirement[];
  /** When set, one counting approver's specialty must match this topic. */
  specialtyTopic?: string | null;
};

/** The site's approval settings, as ruleForChangeClass reads them. */
export type ApprovalPolicy = {
  requiredApprovals: number;
  minorApprovals: number;
  approverMix: readonly MixRequirement[];
  specialtyMatch: boolean;
};

/**
 * What a revision of this change class needs: `minorApprovals` for a minor change, otherwise
 * `requiredApprovals`; the mix requirements that name its class; a specialty match (new and major
 * only) when the site asks for one and the article has a topic.
 */
export function ruleForChangeClass(
  changeClass: ChangeClass,
  policy: ApprovalPolicy,
  topic: string,
): Pick<QuorumRule, "requiredApprovals" | "mix" | "specialtyTopic"> {
  return {
    requiredApprovals: changeClass === "minor" ? policy.minorApprovals : policy.requiredApprovals,
    mix: policy.approverMix.filter((m) => m.appliesTo.includes(changeClass)),
    specialtyTopic: policy.specialtyMatch && changeClass !== "minor" && topic.trim() ? topic : null,
  };
}

export const MIN_REQUIRED_APPROVALS = 1;
export const MAX_REQUIRED_APPROVALS = 5;

/**
 * Reviewer ids whose approval counts, in the order they approved. A reviewer's latest sign-off on
 * the current hash is their position: approving and then asking for changes to the very same text
 * withdraws the approval, even if the author resubmits it unchanged.
 */
export function countingApprovals(signOffs: readonly SignOffRef[], context: QuorumContext): number[] {
  return countingSignOffs(signOffs, context).map((s) => s.reviewerId);
}

/** The sign-offs behind countingApprovals, each reviewer's latest on the current hash. */
export function countingSignOffs(signOffs: readonly SignOffRef[], context: QuorumContext): SignOffRef[] {
  const active = new Set(context.activeReviewerIds);
  const latest = new Map<number, SignOffRef>();
  for (const signOff of [...signOffs].sort((a, b) => a.id - b.id)) {
    if (signOff.contentHash === context.currentHash) latest.set(signOff.reviewerId, signOff);
  }
  return [...latest.values()]
    .filter((s) => s.decision === "approve" && !s.recused && s.reviewerId !== context.authorId && active.has(s.reviewerId))
    .sort((a, b) => a.id - b.id);
}

const normaliseTopic = (s: string) => s.trim().toLowerCase().replace(/\s+/g, " ");

/** A specialty matches a topic when either names the other ("Obstetrics" and "Obstetrics and gynaecology"). */
export function specialtyMatchesTopic(specialty: string, topic: string): boolean {
  const a = normaliseTopic(specialty);
  const b = normaliseTopic(topic);
  return !!a && !!b && (a.includes(b) || b.includes(a));
}

export function mixRequirementLabel(requirement: Pick<MixRequirement, "minApprovals" | "classes">): string {
  const names = requirement.classes.map((c) => CREDENTIAL_CLASS_LABELS[c].toLowerCase());
  const who = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
  return `At least ${requirement.minApprovals} ${who} approval${requirement.minApprovals === 1 ? "" : "s"}`;
}

export type MixCheck = { label: string; met: boolean; have: number; need: number; classes: readonly CredentialClass[] | null };

/** Each mix requirement of the rule (and the specialty match), met or missing, by the approvals that count. */
export function mixStatus(signOffs: readonly SignOffRef[], rule: QuorumRule): MixCheck[] {
  const counting = countingSignOffs(signOffs, rule);
  const checks: MixCheck[] = (rule.mix ?? []).map((m) => {
    const have = counting.filter((s) => !!s.credentialClass && m.classes.includes(s.credentialClass)).length;
    return { label: mixRequirementLabel(m), met: have >= m.minApprovals, have, need: m.minApprovals, classes: m.classes };
  });
  if (rule.specialtyTopic) {
    const topic = rule.specialtyTopic;
    const have = counting.filter((s) => (s.specialties ?? []).some((sp) => specialtyMatchesTopic(sp, topic))).length;
    checks.push({ label: `A reviewer whose specialty matches “${topic}”`, met: have >= 1, have, need: 1, classes: null });
  }
  return checks;
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
  return countingApprovals(signOffs, rule).length >= required(rule.requiredApprovals) && mixStatus(signOffs, rule).every((c) => c.met);
}

/** How many more approvals the revision needs; 0 once the quorum holds. */
export function approvalsNeeded(signOffs: readonly SignOffRef[], rule: QuorumRule): number {
  return Math.max(0, required(rule.requiredApprovals) - countingApprovals(signOffs, rule).length);
}
