import { clsx } from "clsx";

/**
 * How a cited reference's type and a retraction are labelled wherever a wording's reference list
 * is shown: the reader page (components/reader/reference-list.tsx) and the staff previews of it
 * (WordingReferenceList), so a reviewer sees the labels a reader will.
 */
export function ReferenceTypeLabel({ label, className }: { label: string; className?: string }) {
  return (
    <span className={clsx(className, "rounded bg-slate-100 px-1.5 py-0.5 text-xs font-semibold uppercase tracking-wide text-slate-700")}>
      {label}
    </span>
  );
}

/** A correction or expression of concern published about a cited work. */
export function NoticeLabel({ label, className }: { label: string; className?: string }) {
  return (
    <span className={clsx(className, "rounded bg-amber-50 px-1.5 py-0.5 text-xs font-semibold uppercase tracking-wide text-amber-900")}>
      {label}
    </span>
  );
}

export function RetractedLabel({ className }: { className?: string }) {
  return (
    <span className={clsx(className, "rounded bg-red-50 px-1.5 py-0.5 text-xs font-semibold uppercase tracking-wide text-red-800")}>
      Retracted
    </span>
  );
}
