/**
 * Who may do what. One named function per permission, pure, so every server action, route
 * handler and page asks the same question the same way (and the unit tests pin it).
 *
 * Revision permissions are not written here: they are read from the transitions table
 * (lib/workflow/transitions.ts) through permissionsFor, whose standard instance is exported
 * below, and judged by the same actorStanding that checkTransition uses. The rest (users,
 * settings, references, questions, audit log, board profiles) come from STAFF_PERMISSIONS.
 */
import { SIGN_OFF_DECISIONS, type Actor, type AssignmentRef, type RevisionRef, type Role, type WorkflowState } from "@/lib/domain";
import { actorStanding } from "@/lib/workflow/actors";
import { mayTakeLifecycleAction } from "@/lib/workflow/lifecycle";
import { TRANSITIONS, type TransitionTable, type WorkflowAction } from "@/lib/workflow/transitions";

export type { Actor, AssignmentRef, RevisionRef, Role } from "@/lib/domain";

const isStaff = (actor: Actor | null): actor is Actor => !!actor && actor.active;

// ── revisions: derived from the transitions table ─────────────────────────────────

/**
 * Whether the actor may take the action on the revision under the table's rule for it; with a
 * state, also whether the rule allows the action in that state. Without a revision (or without
 * assignments) a rule that depends on authorship (or on the panel) says no.
 */
export function mayTakeRevisionAction(
  table: TransitionTable,
  action: WorkflowAction,
  actor: Actor | null,
  revision?: RevisionRef,
  assignments: readonly AssignmentRef[] = [],
  state?: WorkflowState,
): boolean {
  if (!actor || !Object.hasOwn(table, action)) return false;
  const rule = table[action];
  if (state !== undefined && !rule.from.includes(state)) return false;
  return actorStanding(rule, actor, revision, assignments) === "ok";
}

/** The named revision permissions, read from one table (the standard one below; a test may pass another). */
export function permissionsFor(table: TransitionTable) {
  const may = (action: WorkflowAction, actor: Actor | null, revision?: RevisionRef, assignments?: readonly AssignmentRef[]) =>
    mayTakeRevisionAction(table, action, actor, revision, assignments);

  /** A board sign-off is either decision, and each decision is the workflow action of that name. */
  const canSignOff = (actor: Actor | null, revision: RevisionRef, assignments: readonly AssignmentRef[]) =>
    SIGN_OFF_DECISIONS.every((decision) => may(decision, actor, revision, assignments));

  return {
    canViewRevision: (actor: Actor | null, revision: RevisionRef, assignments: readonly AssignmentRef[]) =>
      may("view", actor, revision, assignments),
    canEditRevision: (actor: Actor | null, revision?: RevisionRef) => may("edit", actor, revision),
    canSubmitRevision: (actor: Actor | null, revision?: RevisionRef) => may("submit", actor, revision),
    canWithdrawRevision: (actor: Actor | null, revision: RevisionRef) => may("withdraw", actor, revision),
    canAssignReviewers: (actor: Actor | null, revision?: RevisionRef) => may("assign_reviewers", actor, revision),
    canStartReReview: (actor: Actor | null, revision?: RevisionRef) => may("start_re_review", actor, revision),
    canEscalateChangeClass: (actor: Actor | null, revision?: RevisionRef, assignments?: readonly AssignmentRef[]) =>
      may("escalate_class", actor, revision, assignments),
    canCommentOnReview: (actor: Actor | null, revision: RevisionRef, assignments: readonly AssignmentRef[]) =>
      may("comment", actor, revision, assignments),
    canSignOff,
    /** Who may be put on a revision's panel: whoever could sign off on it once assigned (an active board reviewer who didn't write it). */
    canBeAssignedReviewer: (candidate: Actor, revision: RevisionRef) => canSignOff(candidate, revision, [{ reviewerId: candidate.id }]),
    /**
     * Whether the actor's role may take this revision action at all, before the revision is
     * loaded (an action's cheap first gate). The full check, with authorship, assignment and
     * state, is checkTransition's inside the write transaction.
     */
    canAttemptRevisionAction: (actor: Actor | null, action: WorkflowAction): boolean => {
      if (!isStaff(actor) || !Object.hasOwn(table, action)) return false;
      const standing = actorStanding(table[action], actor);
      return standing !== "inactive" && standing !== "role";
    },
    /** Every action and whether the actor may take it on this revision in this state (for a page's buttons). */
    availableRevisionActions: (
      actor: Actor | null,
      revision: RevisionRef,
      assignments: readonly AssignmentRef[],
      state: WorkflowState,
    ): Record<WorkflowAction, boolean> =>
      Object.fromEntries(
        (Object.keys(table) as WorkflowAction[]).map((action) => [
          action,
          mayTakeRevisionAction(table, action, actor, revision, assignments, state),
        ]),
      ) as Record<WorkflowAction, boolean>,
  };
}

export type RevisionPermissions = ReturnType<typeof permissionsFor>;

export const revisionPermissions: RevisionPermissions = permissionsFor(TRANSITIONS);

export const {
  canViewRevision,
  canEditRevision,
  canSubmitRevision,
  canWithdrawRevision,
  canAssignReviewers,
  canStartReReview,
  canEscalateChangeClass,
  canCommentOnReview,
  canSignOff,
  canBeAssignedReviewer,
  canAttemptRevisionAction,
  availableRevisionActions,
} = revisionPermissions;

// ── everything else: one row per permission ───────────────────────────────────────

const EDITORIAL: readonly Role[] = ["admin", "editor"];
const ADMIN: readonly Role[] = ["admin"];
const STAFF: readonly Role[] = ["admin", "editor", "reviewer"];

type StaffPermission =
  | "useEditorArea"
  | "changeOwnPassword"
  | "changeOwnNotifications"
  | "createArticle"
  | "listAllArticles"
  | "manageReferences"
  | "triageQuestions"
  | "resolveErrorReports"
  | "manageUsers"
  | "editSettings"
  | "viewAuditLog"
  | "manageJobs"
  | "managePreviewLinks"
  | "editAnyBoardProfile"
  | "editOwnBoardProfile";

/** The roles each non-revision permission is for (active accounts only). */
export const STAFF_PERMISSIONS: Readonly<Record<StaffPermission, readonly Role[]>> = {
  useEditorArea: STAFF,
  changeOwnPassword: STAFF,
  /** Each user's own email choices per notification kind (/account/notifications). */
  changeOwnNotifications: STAFF,
  createArticle: EDITORIAL,
  /** The staff article index shows every article; a reviewer's shows only what they are assigned. */
  listAllArticles: EDITORIAL,
  manageReferences: EDITORIAL,
  triageQuestions: EDITORIAL,
  /** Readers' error reports (/editor/error-reports): read, resolve with a note, start a new revision. */
  resolveErrorReports: EDITORIAL,
  manageUsers: ADMIN,
  editSettings: ADMIN,
  viewAuditLog: ADMIN,
  /** The job queue and the mail outbox: see and retry or cancel background work. */
  manageJobs: ADMIN,
  /** Make and revoke read-only preview links for people without an account (article overview). */
  managePreviewLinks: EDITORIAL,
  editAnyBoardProfile: ADMIN,
  /** Only board reviewers have a public board profile of their own. */
  editOwnBoardProfile: ["reviewer"],
};

const hasPermission = (actor: Actor | null, permission: StaffPermission): boolean =>
  isStaff(actor) && STAFF_PERMISSIONS[permission].includes(actor.role);

export function canUseEditorArea(actor: Actor | null): boolean {
  return hasPermission(actor, "useEditorArea");
}

export function canChangeOwnPassword(actor: Actor | null): boolean {
  return hasPermission(actor, "changeOwnPassword");
}

export function canChangeOwnNotifications(actor: Actor | null): boolean {
  return hasPermission(actor, "changeOwnNotifications");
}

export function canCreateArticle(actor: Actor | null): boolean {
  return hasPermission(actor, "createArticle");
}

export function canListAllArticles(actor: Actor | null): boolean {
  return hasPermission(actor, "listAllArticles");
}

export function canManageReferences(actor: Actor | null): boolean {
  return hasPermission(actor, "manageReferences");
}

export function canTriageQuestions(actor: Actor | null): boolean {
  return hasPermission(actor, "triageQuestions");
}

export function canResolveErrorReports(actor: Actor | null): boolean {
  return hasPermission(actor, "resolveErrorReports");
}

export function canManageUsers(actor: Actor | null): boolean {
  return hasPermission(actor, "manageUsers");
}

export function canEditSettings(actor: Actor | null): boolean {
  return hasPermission(actor, "editSettings");
}

export function canViewAuditLog(actor: Actor | null): boolean {
  return hasPermission(actor, "viewAuditLog");
}

export function canManageJobs(actor: Actor | null): boolean {
  return hasPermission(actor, "manageJobs");
}

export function canManagePreviewLinks(actor: Actor | null): boolean {
  return hasPermission(actor, "managePreviewLinks");
}

/** Admins edit any board profile; a board reviewer edits their own. */
export function canEditBoardProfile(actor: Actor | null, profileUserId: number): boolean {
  if (hasPermission(actor, "editAnyBoardProfile")) return true;
  return hasPermission(actor, "editOwnBoardProfile") && actor?.id === profileUserId;
}

// ── the publishing lifecycle: read from its table (lib/workflow/lifecycle.ts) ──────────

/** Set, move or cancel a revision's publication time and expiry. */
export function canSchedulePublication(actor: Actor | null): boolean {
  return mayTakeLifecycleAction("schedule_publication", actor, false);
}

/** Withdraw, republish or archive an article: admins, and editors when the `withdrawBy` setting allows. */
export function canTakeDownArticle(actor: Actor | null, editorsMayWithdraw: boolean): boolean {
  return mayTakeLifecycleAction("withdraw_article", actor, editorsMayWithdraw);
}
