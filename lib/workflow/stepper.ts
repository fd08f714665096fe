import type { WorkflowState } from "./states";

/** The reader's "Article Review Status" steps, worded as on the reader page. */
export const STEPPER_STEPS = ["Submitted", "Under Review", "Approved"] as const;
export type StepperStep = (typeof STEPPER_STEPS)[number];
export type StepStatus = "complete" | "current" | "upcoming";

export type StepperStage = {
  /** The furthest step reached; null before submission. */
  reached: StepperStep | null;
  steps: { label: StepperStep; status: StepStatus }[];
};

const REACHED: Readonly<Record<WorkflowState, StepperStep | null>> = {
  draft: null,
  submitted: "Submitted",
  under_review: "Under Review",
  // To a reader the review is still going on while the author makes the changes reviewers asked for.
  changes_requested: "Under Review",
  approved: "Approved",
};

export function stepperStage(state: WorkflowState): StepperStage {
  const reached = REACHED[state];
  const at = reached === null ? -1 : STEPPER_STEPS.indexOf(reached);
  const steps = STEPPER_STEPS.map((label, i) => {
    // Approval is the end of the process, so it shows as done rather than in progress.
    const done = i < at || (i === at && state === "approved");
    const status: StepStatus = done ? "complete" : i === at ? "current" : "upcoming";
    return { label, status };
  });
  return { reached, steps };
}
