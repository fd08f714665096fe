import type { WorkflowState } from "./states";

/**
 * What saving an edit does to a revision. Every edit changes the content hash, so approvals given
 * earlier stop counting (see quorum.ts) without anything being deleted.
 */
export type EditEffect =
  /** The revision is changed where it is; its state stays the same. */
  | { kind: "in_place"; reviewersMustSignAgain: boolean }
  /** An approved revision is what readers see, so the edit goes into a new draft revision based on it. */
  | { kind: "new_revision"; newState: "draft" };

export function editAfterSubmissionEffect(state: WorkflowState): EditEffect {
  switch (state) {
    case "draft":
    case "changes_requested":
      // The revision is back with its author; reviewers are asked again when it is resubmitted.
      return { kind: "in_place", reviewersMustSignAgain: false };
    case "submitted":
    case "under_review":
      return { kind: "in_place", reviewersMustSignAgain: true };
    case "approved":
      return { kind: "new_revision", newState: "draft" };
  }
}
