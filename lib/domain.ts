/**
 * The domain's fixed vocabularies, declared once: staff roles, the states a revision moves
 * through, the two sign-off decisions, and the words the staff pages use for them. Pure (no
 * imports), so db/schema.ts builds its column enums from these tuples, lib/workflow and
 * lib/permissions build on them, and client components can import the labels.
 */

export const ROLES = ["admin", "editor", "reviewer"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  admin: "Administrator",
  editor: "Editor",
  reviewer: "Board reviewer",
};

/** The states of a revision, in workflow order (docs/ARCHITECTURE.md has the diagram). */
export const WORKFLOW_STATES = ["draft", "submitted", "under_review", "changes_requested", "approved"] as const;
export type WorkflowState = (typeof WORKFLOW_STATES)[number];

export const STATE_LABELS: Readonly<Record<WorkflowState, string>> = {
  draft: "Draft",
  submitted: "Submitted",
  under_review: "Under review",
  changes_requested: "Changes requested",
  approved: "Approved",
};

/**
 * Where an article stands for readers, beside its revisions' states: `active` (readers see its
 * visible revision), `withdrawn` (410 with the public reason) or `archived` (301 to a successor,
 * 410 without one). See lib/workflow/lifecycle.ts.
 */
export const ARTICLE_LIFECYCLES = ["active", "withdrawn", "archived"] as const;
export type ArticleLifecycle = (typeof ARTICLE_LIFECYCLES)[number];

export const LIFECYCLE_LABELS: Readonly<Record<ArticleLifecycle, string>> = {
  active: "Active",
  withdrawn: "Withdrawn",
  archived: "Archived",
};

/** What a board reviewer's sign-off says; each is also the workflow action that records it. */
export const SIGN_OFF_DECISIONS = ["approve", "request_changes"] as const;
export type SignOffDecision = (typeof SIGN_OFF_DECISIONS)[number];

/** A staff account as permissions see it. */
export type Actor = { id: number; role: Role; active: boolean };

/** What permissions need of a revision. */
export type RevisionRef = { authorId: number };

/** Active reviewer assignments of a revision (removed ones excluded). */
export type AssignmentRef = { reviewerId: number };

/**
 * How big a submitted change is (issue 17): `new` when nothing is live yet, `major` by default,
 * `minor` only when the editor claims it and the server verifies it (lib/change-class.ts).
 */
export const CHANGE_CLASSES = ["new", "major", "minor"] as const;
export type ChangeClass = (typeof CHANGE_CLASSES)[number];

export const CHANGE_CLASS_LABELS: Readonly<Record<ChangeClass, string>> = {
  new: "New",
  major: "Major change",
  minor: "Minor change",
};

/** Why an editor says a change is minor. */
export const MINOR_REASONS = ["typo", "formatting", "broken_link", "wording"] as const;
export type MinorReason = (typeof MINOR_REASONS)[number];

export const MINOR_REASON_LABELS: Readonly<Record<MinorReason, string>> = {
  typo: "Typo or spelling",
  formatting: "Formatting",
  broken_link: "Broken link",
  wording: "Wording (same meaning)",
};

/** A board member's professional class, which approver-mix requirements name. */
export const CREDENTIAL_CLASSES = ["physician", "nurse", "pharmacist", "physiotherapist", "other"] as const;
export type CredentialClass = (typeof CREDENTIAL_CLASSES)[number];

export const CREDENTIAL_CLASS_LABELS: Readonly<Record<CredentialClass, string>> = {
  physician: "Physician",
  nurse: "Nurse",
  pharmacist: "Pharmacist",
  physiotherapist: "Physiotherapist",
  other: "Other",
};
