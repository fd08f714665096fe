import type { WordingPreview as Preview } from "@/lib/dal/revision-preview";

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
      {preview.references.length > 0 && (
        <section aria-label={`${label} references`}>
          <h3 className="text-base font-semibold">References</h3>
          <ol className="mt-2 space-y-2 text-sm">
            {preview.references.map((ref) => (
              <li key={ref.citekey} id={`${idPrefix}-${ref.anchorId}`} className="flex gap-2">
                <span className="font-semibold">{ref.number}.</span>
                <span>
                  <span className="mr-2 inline-block rounded border border-slate-300 px-1.5 text-xs uppercase tracking-wide text-muted">
                    {ref.typeLabel}
                  </span>
                  {ref.retracted && (
                    <span className="mr-2 inline-block rounded border border-red-400 bg-red-50 px-1.5 text-xs font-semibold text-red-900">
                      Retracted
                    </span>
                  )}
                  <span dangerouslySetInnerHTML={{ __html: ref.html }} />
                </span>
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
