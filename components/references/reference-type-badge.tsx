import { REFERENCE_TYPE_LABELS, type ReferenceType } from "@/lib/citations/reference";

export function ReferenceTypeBadge({ type }: { type: ReferenceType }) {
  return (
    <span className="inline-block whitespace-nowrap rounded-full border border-slate-300 bg-slate-50 px-2 py-0.5 text-xs font-medium text-slate-800">
      {REFERENCE_TYPE_LABELS[type]}
    </span>
  );
}

export function RetractedBadge() {
  return (
    <span className="inline-block whitespace-nowrap rounded-full border border-red-300 bg-red-50 px-2 py-0.5 text-xs font-semibold text-red-900">
      Retracted
    </span>
  );
}
