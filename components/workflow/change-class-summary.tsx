import { CHANGE_CLASS_LABELS } from "@/lib/domain";
import type { QuorumStatus } from "@/lib/dal/review";

/**
 * The revision's change class and why, and each approver-mix requirement met or missing: what the
 * quorum needs beyond the number of approvals (issue 17).
 */
export function ChangeClassSummary({ quorum }: { quorum: QuorumStatus }) {
  const verdict = quorum.changeClass;
  return (
    <div className="space-y-3 text-sm" data-testid="change-class">
      <p>
        <span className="font-semibold">{CHANGE_CLASS_LABELS[verdict.changeClass]}</span>
        <span className="text-muted"> · </span>
        <span>{verdict.why}</span>
      </p>
      {quorum.mix.length > 0 && (
        <div>
          <h3 className="font-medium">Approver mix</h3>
          <ul className="mt-1 space-y-1" aria-label="Approver mix requirements">
            {quorum.mix.map((m) => (
              <li key={m.label} className="flex items-start gap-2">
                <span aria-hidden="true" className={m.met ? "text-green-800" : "text-amber-800"}>
                  {m.met ? "✓" : "○"}
                </span>
                <span>
                  {m.label}: <span className="font-semibold">{m.met ? "met" : "missing"}</span>{" "}
                  <span className="text-muted">
                    ({m.have} of {m.need})
                  </span>
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
