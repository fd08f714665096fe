import { clsx } from "clsx";
import type { RevisionState } from "@/db/schema";

export const STATE_LABEL: Record<RevisionState, string> = {
  draft: "Draft",
  submitted: "Submitted",
  under_review: "Under review",
  changes_requested: "Changes requested",
  approved: "Approved",
};

const TONE: Record<RevisionState, string> = {
  draft: "bg-slate-100 text-slate-800 border-slate-300",
  submitted: "bg-sky-50 text-sky-900 border-sky-300",
  under_review: "bg-indigo-50 text-indigo-900 border-indigo-300",
  changes_requested: "bg-amber-50 text-amber-950 border-amber-300",
  approved: "bg-emerald-50 text-emerald-900 border-emerald-300",
};

/** The state in words (never colour alone). */
export function StateBadge({ state }: { state: RevisionState }) {
  return (
    <span className={clsx("inline-block whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-medium", TONE[state])}>
      {STATE_LABEL[state]}
    </span>
  );
}
