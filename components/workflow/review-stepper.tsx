import { clsx } from "clsx";
import type { StepperStage } from "@/lib/workflow/stepper";

const STATUS_TEXT = { complete: "Done", current: "Current stage", upcoming: "Not yet" } as const;

/**
 * The Article Review Status (Submitted → Under Review → Approved), the same on the reader page
 * and the staff pages: each step says in words whether it is done, current or to come. The
 * "Current stage" line is for readers; staff pages leave it out (`summary={false}`) because the
 * state badge beside the stepper already names the exact state.
 */
export function ReviewStepper({ stage, summary = true }: { stage: StepperStage; summary?: boolean }) {
  return (
    <section aria-labelledby="review-status-heading" className="rounded-md border border-slate-200 bg-white px-4 py-3">
      <h2 id="review-status-heading" className="text-sm font-semibold uppercase tracking-wide text-muted">
        Article Review Status
      </h2>
      {summary && (
        <p className="mt-1 text-sm" data-testid="review-stage">
          Current stage: <strong>{stage.reached ?? "Not submitted"}</strong>
        </p>
      )}
      <ol className="mt-3 grid grid-cols-3 gap-2 text-sm">
        {stage.steps.map((step, i) => (
          <li
            key={step.label}
            aria-current={step.status === "current" ? "step" : undefined}
            className={clsx(
              "rounded border-t-4 px-2 pt-2",
              step.status === "complete" && "border-brand-600",
              step.status === "current" && "border-amber-500",
              step.status === "upcoming" && "border-slate-200",
            )}
          >
            <span className="block font-medium">
              <span aria-hidden="true">{step.status === "complete" ? "✓ " : `${i + 1}. `}</span>
              {step.label}
            </span>
            <span className="block text-xs text-muted">{STATUS_TEXT[step.status]}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
