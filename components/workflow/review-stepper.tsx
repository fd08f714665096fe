import { clsx } from "clsx";
import { stepperStage, type WorkflowState } from "@/lib/workflow";

const MARK = { complete: "✓", current: "●", upcoming: "○" } as const;
const WORD = { complete: "done", current: "current step", upcoming: "not yet" } as const;

/** The Article Review Status stepper (Submitted → Under Review → Approved), as readers see it. */
export function ReviewStepper({ state }: { state: WorkflowState }) {
  const { steps } = stepperStage(state);
  return (
    <ol aria-label="Article review status" className="flex flex-wrap items-center gap-2 text-sm">
      {steps.map((step, i) => (
        <li key={step.label} className="flex items-center gap-2" aria-current={step.status === "current" ? "step" : undefined}>
          <span
            className={clsx(
              "inline-flex items-center gap-1.5 rounded-full border px-3 py-1",
              step.status === "complete" && "border-emerald-300 bg-emerald-50 text-emerald-900",
              step.status === "current" && "border-brand-600 bg-brand-50 font-semibold text-brand-800",
              step.status === "upcoming" && "border-slate-300 bg-white text-muted",
            )}
          >
            <span aria-hidden="true">{MARK[step.status]}</span>
            {step.label}
            <span className="sr-only-text"> ({WORD[step.status]})</span>
          </span>
          {i < steps.length - 1 && (
            <span aria-hidden="true" className="text-slate-400">
              →
            </span>
          )}
        </li>
      ))}
    </ol>
  );
}
