import type { WordingPreview as Preview } from "@/lib/dal/revision-preview";
import { WordingReferenceList } from "@/components/references/wording-reference-list";

/**
 * A wording as readers will see it: the reader renderer's sanitised HTML and the numbered,
 * typed AMA reference list below it. The HTML comes from lib/markdown.ts (allowlist-sanitised) and
 * lib/citations/format-ama.ts (escaped), never from the writer's raw text.
 */
export function WordingPreview({ preview, idPrefix, label }: { preview: Preview; idPrefix: string; label: string }) {
  // Two wordings share a page here, so their anchors get a prefix to stay unique.
  const html = preview.html.replace(/(id="|href="#)(ref-|cite-)/g, `$1${idPrefix}-$2`);
  return (
    <div className="space-y-4">
      {preview.html ? (
        <div className="prose-article" dangerouslySetInnerHTML={{ __html: html }} />
      ) : (
        <p className="text-sm text-muted">Nothing written yet.</p>
      )}
      {preview.unknownCitekeys.length > 0 && (
        <div className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
          <p className="font-medium">Not in the library (fix before submitting):</p>
          <ul className="list-disc pl-5">
            {preview.unknownCitekeys.map((u, i) => (
              <li key={`${u.key}-${i}`}>
                <code>@{u.key}</code> at line {u.line}, column {u.column}
              </li>
            ))}
          </ul>
        </div>
      )}
      <WordingReferenceList references={preview.references} label={label} idPrefix={idPrefix} />
    </div>
  );
}
