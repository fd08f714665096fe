import { describe, expect, it } from "vitest";
import { editAfterSubmissionEffect, isWorkflowState, STATE_LABELS, stepperStage, WORKFLOW_STATES } from "@/lib/workflow";

describe("state labels", () => {
  it("labels each state for editors", () => {
    expect(WORKFLOW_STATES.map((s) => STATE_LABELS[s])).toEqual(["Draft", "Submitted", "Under review", "Changes requested", "Approved"]);
  });

  it("recognises only the five states", () => {
    expect(WORKFLOW_STATES.every(isWorkflowState)).toBe(true);
    expect(["published", "toString", "", null].some(isWorkflowState)).toBe(false);
  });
});

describe("stepperStage", () => {
  const statuses = (state: (typeof WORKFLOW_STATES)[number]) => stepperStage(state).steps.map((s) => `${s.label}: ${s.status}`);

  it("shows nothing reached before submission", () => {
    expect(stepperStage("draft").reached).toBeNull();
    expect(statuses("draft")).toEqual(["Submitted: upcoming", "Under Review: upcoming", "Approved: upcoming"]);
  });

  it("moves through Submitted and Under Review to a completed Approved", () => {
    expect(statuses("submitted")).toEqual(["Submitted: current", "Under Review: upcoming", "Approved: upcoming"]);
    expect(statuses("under_review")).toEqual(["Submitted: complete", "Under Review: current", "Approved: upcoming"]);
    expect(statuses("approved")).toEqual(["Submitted: complete", "Under Review: complete", "Approved: complete"]);
  });

  it("keeps showing Under Review while the author makes requested changes", () => {
    expect(stepperStage("changes_requested")).toEqual(stepperStage("under_review"));
  });
});

describe("editAfterSubmissionEffect", () => {
  it("edits drafts and revisions sent back for changes in place, without asking reviewers again", () => {
    expect(editAfterSubmissionEffect("draft")).toEqual({ kind: "in_place", reviewersMustSignAgain: false });
    expect(editAfterSubmissionEffect("changes_requested")).toEqual({ kind: "in_place", reviewersMustSignAgain: false });
  });

  it("edits a revision in review in place and asks its reviewers to sign again", () => {
    expect(editAfterSubmissionEffect("submitted")).toEqual({ kind: "in_place", reviewersMustSignAgain: true });
    expect(editAfterSubmissionEffect("under_review")).toEqual({ kind: "in_place", reviewersMustSignAgain: true });
  });

  it("starts a new draft revision instead of changing an approved one", () => {
    expect(editAfterSubmissionEffect("approved")).toEqual({ kind: "new_revision", newState: "draft" });
  });
});
