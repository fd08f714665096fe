import Link from "next/link";
import type { ReferenceListItem } from "@/lib/dal/references-read";
import { CopyCitekey } from "./copy-citekey";
import { ReferenceTypeBadge, RetractedBadge } from "./reference-type-badge";

/**
 * The library as a list (not a table: a formatted AMA entry needs the width, and the list reads
 * the same on a phone). Each checkbox belongs to the export form by its `form` attribute.
 */
export function ReferenceList({ rows, exportForm }: { rows: ReferenceListItem[]; exportForm: string }) {
  return (
    <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white" aria-label="References">
      {rows.map((ref) => (
        <li key={ref.id} data-citekey={ref.citekey} className="flex gap-3 px-4 py-3">
          <input
            type="checkbox"
            name="ids"
            value={ref.id}
            form={exportForm}
            aria-label={`Select ${ref.citekey} for export`}
            className="mt-1 h-4 w-4 shrink-0"
          />
          <div className="min-w-0 flex-1 space-y-1.5">
            <div className="flex flex-wrap items-center gap-2">
              <ReferenceTypeBadge type={ref.type} />
              {ref.retracted && <RetractedBadge />}
              <CopyCitekey citekey={ref.citekey} />
            </div>
            {/* AMA html comes from format-ama, which escapes every field value. */}
            <p className="break-words text-sm leading-relaxed" dangerouslySetInnerHTML={{ __html: ref.ama.html }} />
            {ref.retracted && ref.retractionNote && <p className="text-xs text-red-900">Retraction: {ref.retractionNote}</p>}
            <p className="flex flex-wrap gap-x-4 text-xs text-muted">
              <span>
                {ref.citingArticles === 0
                  ? "Not cited"
                  : `Cited by ${ref.citingArticles} ${ref.citingArticles === 1 ? "article" : "articles"}`}
              </span>
              {ref.pmid && <span>PMID {ref.pmid}</span>}
              <Link href={`/editor/references/${ref.id}`} className="font-medium" aria-label={`Edit ${ref.citekey}`}>
                Edit
              </Link>
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}
