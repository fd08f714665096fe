import { clsx } from "clsx";
import { STATE_LABELS, type WorkflowState } from "@/lib/domain";

const TONE: Record<WorkflowState, string> = {
  draft: "bg-slate-100 text-slate-800 border-slate-300",
  submitted: "bg-sky-50 text-sky-900 border-sky-300",
  under_review: "bg-indigo-50 text-indigo-900 border-indigo-300",
  changes_requested: "bg-amber-50 text-amber-950 border-amber-300",
  approved: "bg-emerald-50 text-emerald-900 border-emerald-300",
};

/** The state in words (never colour alone). */
export function StateBadge({ state }: { state: WorkflowState }) {
  return (
    <span className={clsx("inline-block whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-medium", TONE[state])}>
      {STATE_LABELS[state]}
    </span>
  );
}
