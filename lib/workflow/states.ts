/**
 * The states a revision moves through. Kept here rather than imported from db/schema so the
 * workflow stays free of database code; a unit test pins the two lists to each other.
 */
export const WORKFLOW_STATES = ["draft", "submitted", "under_review", "changes_requested", "approved"] as const;
export type WorkflowState = (typeof WORKFLOW_STATES)[number];

export const STATE_LABELS: Readonly<Record<WorkflowState, string>> = {
  draft: "Draft",
  submitted: "Submitted",
  under_review: "Under review",
  changes_requested: "Changes requested",
  approved: "Approved",
};

export const isWorkflowState = (value: unknown): value is WorkflowState => (WORKFLOW_STATES as readonly unknown[]).includes(value);
