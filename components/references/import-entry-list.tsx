import Link from "next/link";
import { memo, useState } from "react";
import { shortByline } from "@/lib/citations/author-lines";
import type { ImportPreviewEntry, PreviewSignal } from "@/lib/dal/references-import";
import { REFERENCE_NOTICE_LABELS } from "@/lib/citations/reference";
import { Button } from "@/components/ui/button";

const VERDICT_STYLE = {
  new: "border-emerald-300 bg-emerald-50 text-emerald-900",
  duplicate: "border-amber-300 bg-amber-50 text-amber-950",
  invalid: "border-red-300 bg-red-50 text-red-900",
} as const;
/** New entries listed before "Show the other …": enough to check a file, light enough for a phone. */
const PREVIEW_ROWS = 100;

const VERDICT_LABEL = { new: "New", duplicate: "Duplicate", invalid: "Invalid" } as const;

const SIGNAL_STYLE: Record<PreviewSignal["kind"], string> = {
  retraction: "border-red-300 bg-red-50 text-red-900",
  expression_of_concern: "border-amber-300 bg-amber-50 text-amber-950",
  correction: "border-amber-300 bg-amber-50 text-amber-950",
  comment: "border-slate-200 bg-slate-50 text-slate-700",
  is_notice: "border-slate-200 bg-slate-50 text-slate-700",
};

/** What the record says about itself (retracted, corrected, a notice itself), and what importing it will do. */
function EntrySignals({ entry }: { entry: ImportPreviewEntry }) {
  if (entry.verdict === "invalid" || entry.signals.length === 0) return null;
  const outcome =
    entry.verdict !== "new"
      ? null
      : entry.integrity.status === "retracted"
        ? "Imports as retracted: articles citing it can't be submitted."
        : entry.integrity.status === "notice"
          ? `Imports with a notice (${REFERENCE_NOTICE_LABELS[entry.integrity.kind].toLowerCase()}) shown to editors, reviewers and readers.`
          : null;
  return (
    <div className="space-y-1" data-integrity-signals>
      <ul className="space-y-1">
        {entry.signals.map((signal, i) => (
          <li key={i} className={`rounded border px-2 py-1 text-xs ${SIGNAL_STYLE[signal.kind]}`}>
            {signal.text}
          </li>
        ))}
      </ul>
      {outcome && <p className="text-xs font-medium">{outcome}</p>}
    </div>
  );
}

/** What an entry holds, or why it can't be imported. */
function EntrySummary({ entry }: { entry: ImportPreviewEntry }) {
  if (entry.verdict === "invalid") {
    return (
      <>
        <p className="text-red-900">{entry.reason}</p>
        <pre className="mt-1 max-h-24 overflow-auto whitespace-pre-wrap break-words rounded bg-slate-50 p-2 text-xs text-muted">
          {entry.excerpt}
        </pre>
      </>
    );
  }
  const ref = entry.reference;
  return (
    <>
      <p className="font-medium">{ref.title || ref.source}</p>
      <p className="text-xs text-muted">
        {[shortByline(ref.authors), ref.sourceAbbrev || ref.source, ref.year].filter(Boolean).join(" · ")}
        {ref.doi ? ` · doi:${ref.doi}` : ""}
      </p>
      {entry.verdict === "new" && entry.warnings.length > 0 && <p className="text-xs text-amber-900">{entry.warnings.join("; ")}</p>}
      {entry.verdict === "new" && entry.sameTitleAs && (
        <p className="text-xs text-amber-950">
          Possibly already in the library: {entry.sameTitleAs.citekey} has the same title.{" "}
          <Link href={`/editor/references/${entry.sameTitleAs.id}`} target="_blank">
            Open {entry.sameTitleAs.citekey}
          </Link>
        </p>
      )}
      {entry.verdict === "duplicate" && (
        <p className="text-xs text-amber-950">
          {entry.reason}
          {entry.existing && (
            <>
              {" · "}
              <Link href={`/editor/references/${entry.existing.id}`} target="_blank">
                Open {entry.existing.citekey}
              </Link>
            </>
          )}
        </p>
      )}
    </>
  );
}

/** The previewed entries; memoised so progress updates during a 1,000-entry import don't re-render them. */
export const EntryList = memo(function EntryList({
  entries,
  picked,
  busy,
  onToggle,
}: {
  entries: ImportPreviewEntry[];
  picked: Set<number>;
  busy: boolean;
  onToggle: (index: number, on: boolean) => void;
}) {
  // A long file shows every entry that needs attention and the first new ones; the rest on request.
  const [showAll, setShowAll] = useState(entries.length <= PREVIEW_ROWS);
  const shown = showAll ? entries : entries.filter((e, i) => e.verdict !== "new" || i < PREVIEW_ROWS);
  const hidden = entries.length - shown.length;
  return (
    <>
      <ol className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white" aria-label="Entries read">
        {shown.map((entry) => (
          <li key={entry.index} data-verdict={entry.verdict} className="flex gap-3 px-4 py-3 text-sm">
            <input
              type="checkbox"
              className="mt-1 h-4 w-4 shrink-0"
              checked={picked.has(entry.index)}
              disabled={entry.verdict !== "new" || busy}
              onChange={(e) => onToggle(entry.index, e.currentTarget.checked)}
              aria-label={`Import entry ${entry.index}${entry.verdict === "new" ? ` (${entry.reference.citekey})` : ""}`}
            />
            <div className="min-w-0 flex-1 space-y-1">
              <div className="flex flex-wrap items-center gap-2 text-xs">
                <span className="text-muted">
                  #{entry.index}
                  {entry.line ? ` · line ${entry.line}` : ""}
                </span>
                <span className={`rounded-full border px-2 py-0.5 font-medium ${VERDICT_STYLE[entry.verdict]}`}>
                  {VERDICT_LABEL[entry.verdict]}
                </span>
                {entry.verdict === "new" && <code className="rounded bg-slate-100 px-1.5 py-0.5">{entry.reference.citekey}</code>}
                {entry.verdict === "new" && entry.integrity.status === "retracted" && (
                  <span className="rounded-full border border-red-300 bg-red-50 px-2 py-0.5 font-medium text-red-900">Retracted</span>
                )}
                {entry.verdict === "new" && entry.integrity.status === "notice" && (
                  <span className="rounded-full border border-amber-300 bg-amber-50 px-2 py-0.5 font-medium text-amber-950">
                    {REFERENCE_NOTICE_LABELS[entry.integrity.kind]}
                  </span>
                )}
              </div>
              <EntrySummary entry={entry} />
              <EntrySignals entry={entry} />
            </div>
          </li>
        ))}
      </ol>
      {hidden > 0 && (
        <Button variant="secondary" onClick={() => setShowAll(true)}>
          Show the other {hidden} new entries (they are selected)
        </Button>
      )}
    </>
  );
});
