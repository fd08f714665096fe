import type { WordingReference } from "@/lib/rendered-wording";
import { NoticeLabel, ReferenceTypeLabel, RetractedLabel } from "./reference-labels";

/**
 * A wording's numbered, typed AMA reference list as staff see it next to the rendered text: the
 * editor's live preview and the review page. The reader page has its own list with outbound and
 * back links (components/reader/reference-list.tsx); both use the same labels.
 */
export function WordingReferenceList({
  references,
  label,
  idPrefix,
  empty,
}: {
  references: WordingReference[];
  /** The wording's name, e.g. "Clinician": the list is the region "Clinician references". */
  label: string;
  /** Gives each entry the id its citations link to, prefixed (two wordings share the page). */
  idPrefix?: string;
  /** Shown when the wording cites nothing; without it an empty list renders nothing. */
  empty?: string;
}) {
  if (references.length === 0 && !empty) return null;
  return (
    <section aria-label={`${label} references`}>
      <h3 className="text-base font-semibold">References</h3>
      {references.length === 0 ? (
        <p className="text-sm text-muted">{empty}</p>
      ) : (
        <ol className="mt-2 space-y-2 text-sm">
          {references.map((ref) => (
            <li key={ref.anchorId} id={idPrefix ? `${idPrefix}-${ref.anchorId}` : undefined} className="flex gap-2">
              <span className="font-semibold">{ref.number}.</span>
              <div className="min-w-0 break-words">
                <ReferenceTypeLabel label={ref.typeLabel} className="mr-2 inline-block" />
                {ref.retracted && <RetractedLabel className="mr-2 inline-block" />}
                {ref.notice && <NoticeLabel label={ref.notice} className="mr-2 inline-block" />}
                {/* AMA entry from lib/citations/format-ama.ts, which escapes every field value. */}
                <span dangerouslySetInnerHTML={{ __html: ref.html }} />
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
