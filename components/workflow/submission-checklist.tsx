import type { SubmissionChecklist as Checklist } from "@/lib/submission-checks";

/** The submission checklist: blocking items must pass before submitting; warnings are advice. */
export function SubmissionChecklist({ checklist, headingId = "checklist-heading" }: { checklist: Checklist; headingId?: string }) {
  return (
    <section aria-labelledby={headingId} className="space-y-2">
      <h2 id={headingId} className="text-lg font-semibold">
        Submission checklist
      </h2>
      <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white">
        {checklist.checks.map((check) => {
          const status = check.passed ? "Passed" : check.severity === "blocking" ? "Blocking" : "Warning";
          return (
            <li key={check.id} data-check={check.id} data-status={status.toLowerCase()} className="flex gap-3 px-4 py-2.5 text-sm">
              <span
                aria-hidden="true"
                className={
                  check.passed
                    ? "font-bold text-emerald-700"
                    : check.severity === "blocking"
                      ? "font-bold text-red-700"
                      : "font-bold text-amber-700"
                }
              >
                {check.passed ? "✓" : check.severity === "blocking" ? "✕" : "!"}
              </span>
              <div className="min-w-0 flex-1">
                <p>
                  <span className="sr-only-text">{status}: </span>
                  {check.label}
                  {!check.passed && (
                    <span
                      className={
                        check.severity === "blocking"
                          ? "ml-2 text-xs font-semibold uppercase text-red-800"
                          : "ml-2 text-xs font-semibold uppercase text-amber-900"
                      }
                      aria-hidden="true"
                    >
                      {status}
                    </span>
                  )}
                </p>
                {check.detail && <p className="mt-0.5 break-words text-muted">{check.detail}</p>}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
