import { clsx } from "clsx";
import type { DiffSegment } from "@/lib/diff";

/**
 * A word-level diff as text: insertions underlined in <ins>, deletions struck through in <del>,
 * each also announced as "added"/"removed" to screen readers, so the change reads without colour.
 */
export function DiffText({ segments, className }: { segments: readonly DiffSegment[]; className?: string }) {
  if (segments.length === 0) return <p className="text-sm text-muted">Empty in both.</p>;
  return (
    <div
      className={clsx(
        "whitespace-pre-wrap break-words rounded-md border border-slate-200 bg-white p-3 font-mono text-sm leading-relaxed",
        className,
      )}
    >
      {segments.map((segment, i) => {
        if (segment.type === "insert") {
          return (
            <ins key={i} className="bg-emerald-100 text-emerald-950 underline decoration-2">
              <span className="sr-only-text">[added: </span>
              {segment.text}
              <span className="sr-only-text">]</span>
            </ins>
          );
        }
        if (segment.type === "delete") {
          return (
            <del key={i} className="bg-red-100 text-red-950 line-through">
              <span className="sr-only-text">[removed: </span>
              {segment.text}
              <span className="sr-only-text">]</span>
            </del>
          );
        }
        return <span key={i}>{segment.text}</span>;
      })}
    </div>
  );
}

export function DiffLegend() {
  return (
    <p className="text-sm text-muted">
      <ins className="bg-emerald-100 underline decoration-2">Underlined</ins> text was added;{" "}
      <del className="bg-red-100 line-through">struck-through</del> text was removed.
    </p>
  );
}
