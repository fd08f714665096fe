import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Actor, Role } from "@/lib/permissions";
import {
  checkTransition,
  editAfterSubmissionEffect,
  WORKFLOW_ACTIONS,
  type SignOffDecision,
  type SignOffRef,
  type TransitionInput,
  type WorkflowAction,
  type WorkflowState,
} from "@/lib/workflow";

/**
 * A model test: random sequences of actions by anyone (authors, unassigned users, deactivated
 * users) go through checkTransition against a small in-memory revision, and after every step the
 * model is checked against an oracle written independently of lib/workflow/quorum.ts.
 */

const ROLE_OF: Record<number, Role> = {
  1: "admin",
  2: "editor",
  3: "editor",
  ...Object.fromEntries([4, 5, 6, 7, 8, 9, 10].map((id) => [id, "reviewer" as const])),
};
const USER_IDS = Object.keys(ROLE_OF).map(Number);
const REVIEWER_IDS = USER_IDS.filter((id) => ROLE_OF[id] === "reviewer");

type Model = {
  state: WorkflowState;
  authorId: number;
  hashNumber: number;
  assigned: Set<number>;
  signOffs: SignOffRef[];
  requiredApprovals: number;
  inactive: Set<number>;
};

/** A user by id, the revision's author, or whoever is at that position on its panel when the command runs. */
type UserPick = { userId: number } | { author: true } | { panelIndex: number };

type Command =
  | { kind: "act"; action: WorkflowAction; actor: UserPick; targetIds: number[]; staleHash: boolean }
  /** Rows that reach the tables some other way (an import, a migration, a future bug): the quorum must hold regardless. */
  | { kind: "write_sign_off"; reviewer: UserPick; decision: SignOffDecision; staleHash: boolean }
  | { kind: "write_assignment"; reviewer: UserPick }
  | { kind: "toggle_active"; userId: number }
  | { kind: "set_required_approvals"; value: number };

const hashOf = (n: number) => `hash-${n}`;
const userId = fc.constantFrom(...USER_IDS);
const anyone = userId.map((id): UserPick => ({ userId: id }));
/** The author is picked often on purpose: their approval must never count, however it got there. */
const anyoneOrAuthor = fc.oneof(anyone, fc.constant<UserPick>({ author: true }));

/** Weighted towards what moves a revision forward, so quorums of 5 are reached and not only refused. */
const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 80,
    arbitrary: fc.record({
      kind: fc.constant("act" as const),
      action: fc.constantFrom<WorkflowAction>(...Array<WorkflowAction>(10).fill("approve"), "request_changes"),
      // Mostly panel members, so approvals accumulate; anyone else is refused or doesn't count.
      actor: fc.oneof(
        { weight: 3, arbitrary: fc.nat().map((panelIndex): UserPick => ({ panelIndex })) },
        { weight: 1, arbitrary: anyoneOrAuthor },
      ),
      targetIds: fc.constant<number[]>([]),
      staleHash: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
    }),
  },
  {
    weight: 32,
    arbitrary: fc.record({
      kind: fc.constant("act" as const),
      action: fc.constantFrom<WorkflowAction>(
        ...(["submit", "submit", "assign_reviewers", "assign_reviewers"] as const),
        ...(["add_reviewer", "add_reviewer", "add_reviewer", "remove_reviewer", "edit", "withdraw"] as const),
      ),
      actor: fc.constantFrom(1, 2, 3).map((id) => ({ userId: id })),
      targetIds: fc.uniqueArray(fc.constantFrom(...REVIEWER_IDS), { minLength: 3, maxLength: 7 }),
      staleHash: fc.constant(false),
    }),
  },
  {
    weight: 24,
    arbitrary: fc.record({
      kind: fc.constant("act" as const),
      action: fc.constantFrom(...WORKFLOW_ACTIONS),
      actor: anyoneOrAuthor,
      targetIds: fc.uniqueArray(userId, { maxLength: 5 }),
      staleHash: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("write_sign_off" as const),
      reviewer: anyoneOrAuthor,
      decision: fc.constantFrom("approve" as const, "request_changes" as const),
      staleHash: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("write_assignment" as const), reviewer: anyoneOrAuthor }) },
  // Deactivations and quorum changes are rare, so large quorums still get reached, not only refused.
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("toggle_active" as const), userId }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("set_required_approvals" as const), value: fc.integer({ min: 1, max: 5 }) }),
  },
);

const actorOf = (m: Model, id: number): Actor => ({ id, role: ROLE_OF[id], active: !m.inactive.has(id) });

/** The rule, literally: distinct assigned non-author reviewers with an approval on the current hash. */
function literalApprovers(m: Model): Set<number> {
  const approvers = new Set<number>();
  for (const s of m.signOffs) {
    const onCurrent = s.contentHash === hashOf(m.hashNumber);
    if (s.decision === "approve" && onCurrent && m.assigned.has(s.reviewerId) && s.reviewerId !== m.authorId) {
      approvers.add(s.reviewerId);
    }
  }
  return approvers;
}

/** The stricter rule the module implements: an active reviewer's latest word on the current hash must be approve. */
function strictApproverCount(m: Model): number {
  let count = 0;
  for (const reviewerId of m.assigned) {
    if (reviewerId === m.authorId || m.inactive.has(reviewerId)) continue;
    const onCurrent = m.signOffs.filter((s) => s.reviewerId === reviewerId && s.contentHash === hashOf(m.hashNumber));
    if (onCurrent.at(-1)?.decision === "approve") count += 1;
  }
  return count;
}

const EDGES = new Set([
  "draft>submitted",
  "changes_requested>submitted",
  "submitted>draft",
  "submitted>under_review",
  "under_review>changes_requested",
  "under_review>approved",
]);

function userIdOf(m: Model, pick: UserPick): number {
  if ("userId" in pick) return pick.userId;
  if ("author" in pick) return m.authorId;
  const panel = [...m.assigned].sort((a, b) => a - b);
  return panel.length === 0 ? REVIEWER_IDS[0] : panel[pick.panelIndex % panel.length];
}

function inputFor(m: Model, c: Extract<Command, { kind: "act" }>, actorId: number): TransitionInput {
  const context = {
    state: m.state,
    actor: actorOf(m, actorId),
    revision: { authorId: m.authorId },
    // As the DAL would load them: assignments not removed, of active accounts.
    assignments: [...m.assigned].filter((id) => !m.inactive.has(id)).map((reviewerId) => ({ reviewerId })),
  };
  const current = hashOf(m.hashNumber);
  const signed = c.staleHash ? hashOf(m.hashNumber - 1) : current;
  const target = c.targetIds[0] ?? REVIEWER_IDS[0];
  switch (c.action) {
    case "assign_reviewers":
      return { ...context, action: c.action, reviewerIds: c.targetIds };
    case "add_reviewer":
    case "remove_reviewer":
      return { ...context, action: c.action, reviewerId: target };
    case "request_changes":
      return { ...context, action: c.action, signedHash: signed, currentHash: current };
    case "approve":
      return {
        ...context,
        action: c.action,
        signedHash: signed,
        currentHash: current,
        signOffs: m.signOffs,
        requiredApprovals: m.requiredApprovals,
      };
    default:
      return { ...context, action: c.action };
  }
}

let nextSignOffId = 1;

/** Commands that write rows directly or change the surroundings; none of them may change the state. */
function applyWrite(m: Model, c: Exclude<Command, { kind: "act" }>): void {
  switch (c.kind) {
    case "write_sign_off": {
      const contentHash = hashOf(c.staleHash ? m.hashNumber - 1 : m.hashNumber);
      m.signOffs.push({ id: nextSignOffId++, reviewerId: userIdOf(m, c.reviewer), decision: c.decision, contentHash });
      return;
    }
    case "write_assignment":
      m.assigned.add(userIdOf(m, c.reviewer));
      return;
    case "toggle_active":
      if (!m.inactive.delete(c.userId)) m.inactive.add(c.userId);
      return;
    case "set_required_approvals":
      m.requiredApprovals = c.value;
  }
}

/** Applies one command and checks the model; returns the state change it made, if any. */
function step(m: Model, c: Command): string | null {
  if (c.kind !== "act") {
    applyWrite(m, c);
    return null;
  }
  const actorId = userIdOf(m, c.actor);
  const input = inputFor(m, c, actorId);
  const verdict = checkTransition(input);
  if (!verdict.ok) return null;
  const before = m.state;
  if (input.action === "approve" || input.action === "request_changes") {
    const decision = input.action === "approve" ? "approve" : "request_changes";
    m.signOffs.push({ id: nextSignOffId++, reviewerId: actorId, decision, contentHash: input.signedHash });
  }
  if (input.action === "assign_reviewers") input.reviewerIds.forEach((id) => m.assigned.add(id));
  if (input.action === "add_reviewer") m.assigned.add(input.reviewerId);
  if (input.action === "remove_reviewer") m.assigned.delete(input.reviewerId);
  if (input.action === "edit") {
    const effect = editAfterSubmissionEffect(m.state);
    if (effect.kind === "new_revision") {
      Object.assign(m, { state: effect.newState, authorId: actorId, assigned: new Set(), signOffs: [] });
    }
    m.hashNumber += 1;
    return effect.kind === "new_revision" ? "new_revision" : null;
  }
  m.state = verdict.to;

  if (input.action === "request_changes") expect(m.state).toBe("changes_requested");
  if (input.action === "approve") {
    // Completeness: the approval that makes the quorum approves, and no other does.
    expect(m.state === "approved").toBe(strictApproverCount(m) >= m.requiredApprovals);
  }
  if (m.state === before) return null;
  expect(EDGES.has(`${before}>${m.state}`)).toBe(true);
  if (m.state === "approved") {
    // Safety: approved only when requiredApprovals distinct, assigned, non-author reviewers approved this hash.
    expect(literalApprovers(m).size).toBeGreaterThanOrEqual(m.requiredApprovals);
  }
  return `${before}>${m.state}`;
}

describe("workflow model", () => {
  it("never approves without the quorum on the current hash, whatever anyone does", () => {
    const approvalsSeen = new Map<number, number>();
    const edgesSeen = new Set<string>();
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        userId,
        fc.array(command, { minLength: 1, maxLength: 500, size: "max" }),
        (requiredApprovals, authorId, commands) => {
          const m: Model = {
            state: "draft",
            authorId,
            hashNumber: 1,
            assigned: new Set(),
            signOffs: [],
            requiredApprovals,
            inactive: new Set(),
          };
          for (const c of commands) {
            const required = m.requiredApprovals;
            const change = step(m, c);
            if (change) edgesSeen.add(change);
            if (change === "under_review>approved") approvalsSeen.set(required, (approvalsSeen.get(required) ?? 0) + 1);
          }
        },
      ),
      { numRuns: 400 },
    );
    // Guards against a vacuous run: every transition, and approval under every quorum size, must have happened.
    expect([...edgesSeen].sort()).toEqual([...EDGES, "new_revision"].sort());
    expect([...approvalsSeen.keys()].sort()).toEqual([1, 2, 3, 4, 5]);
  });
});
