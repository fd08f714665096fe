/**
 * Who may do what. One named function per permission, pure, so every server action,
 * route handler and page asks the same question the same way (and the unit tests pin it).
 */
import { TRANSITIONS, type WorkflowAction } from "@/lib/workflow/transitions";

export type Role = "admin" | "editor" | "reviewer";

export type Actor = { id: number; role: Role; active: boolean };

export type RevisionRef = { authorId: number };

/** Active reviewer assignments of a revision (removed ones excluded). */
export type AssignmentRef = { reviewerId: number };

const isStaff = (actor: Actor | null): actor is Actor => !!actor && actor.active;
const isEditorial = (actor: Actor | null) => isStaff(actor) && (actor.role === "editor" || actor.role === "admin");
const isAdmin = (actor: Actor | null) => isStaff(actor) && actor.role === "admin";
const isAssigned = (actor: Actor, assignments: AssignmentRef[]) => assignments.some((a) => a.reviewerId === actor.id);

export function canUseEditorArea(actor: Actor | null): boolean {
  return isStaff(actor);
}

export function canCreateArticle(actor: Actor | null): boolean {
  return isEditorial(actor);
}

export function canEditRevision(actor: Actor | null, _revision?: RevisionRef): boolean {
  return isEditorial(actor);
}

export function canViewRevision(actor: Actor | null, _revision: RevisionRef, assignments: AssignmentRef[]): boolean {
  if (isEditorial(actor)) return true;
  return isStaff(actor) && actor.role === "reviewer" && isAssigned(actor, assignments);
}

export function canSubmitRevision(actor: Actor | null, _revision?: RevisionRef): boolean {
  return isEditorial(actor);
}

export function canWithdrawRevision(actor: Actor | null, revision: RevisionRef): boolean {
  if (isEditorial(actor)) return true;
  return isStaff(actor) && actor.id === revision.authorId;
}

export function canAssignReviewers(actor: Actor | null): boolean {
  return isEditorial(actor);
}

/** Board members who may be assigned to a revision: active reviewers who did not write it. */
export function canBeAssignedReviewer(candidate: Actor, revision: RevisionRef): boolean {
  return candidate.active && candidate.role === "reviewer" && candidate.id !== revision.authorId;
}

export function canSignOff(actor: Actor | null, revision: RevisionRef, assignments: AssignmentRef[]): boolean {
  return isStaff(actor) && actor.role === "reviewer" && actor.id !== revision.authorId && isAssigned(actor, assignments);
}

export function canCommentOnReview(actor: Actor | null, revision: RevisionRef, assignments: AssignmentRef[]): boolean {
  return isEditorial(actor) || canSignOff(actor, revision, assignments);
}

export function canManageReferences(actor: Actor | null): boolean {
  return isEditorial(actor);
}

export function canTriageQuestions(actor: Actor | null): boolean {
  return isEditorial(actor);
}

export function canStartReReview(actor: Actor | null): boolean {
  return isEditorial(actor);
}

export function canManageUsers(actor: Actor | null): boolean {
  return isAdmin(actor);
}

export function canEditBoardProfile(actor: Actor | null, profileUserId: number): boolean {
  if (isAdmin(actor)) return true;
  return isStaff(actor) && actor.role === "reviewer" && actor.id === profileUserId;
}

export function canEditSettings(actor: Actor | null): boolean {
  return isAdmin(actor);
}

export function canViewAuditLog(actor: Actor | null): boolean {
  return isAdmin(actor);
}

export function canChangeOwnPassword(actor: Actor | null): boolean {
  return isStaff(actor);
}

/**
 * Whether the actor's role may take this revision action at all, before the revision is loaded
 * (an action's cheap first gate). The full check, with authorship, assignment and state, is
 * checkTransition's inside the write transaction.
 */
export function canAttemptRevisionAction(actor: Actor | null, action: WorkflowAction): boolean {
  return isStaff(actor) && Object.hasOwn(TRANSITIONS[action].allowed, actor.role);
}
