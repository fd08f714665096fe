import type { RenderedAudience } from "@/lib/dal/review";

/**
 * One wording as readers will see it (the same sanitised renderer as the reader page), with its
 * own numbered reference list. `data-quote-source` lets the comment form quote a selected passage.
 */
export function RenderedWording({ id, title, wording }: { id: "clinician" | "patient"; title: string; wording: RenderedAudience }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-4 rounded-md border border-slate-200 bg-white p-4 sm:p-6">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {title}
      </h2>
      {/* Sanitised by lib/markdown.ts (allowlist), never raw editor HTML. */}
      <div className="prose-article break-words" data-quote-source={id} dangerouslySetInnerHTML={{ __html: wording.html }} />
      <div>
        <h3 className="text-base font-semibold">References</h3>
        {wording.references.length === 0 ? (
          <p className="text-sm text-muted">This wording cites no references.</p>
        ) : (
          <ol className="mt-2 space-y-2 text-sm">
            {wording.references.map((r) => (
              <li key={r.anchorId} className="flex gap-2">
                <span className="font-semibold">{r.number}.</span>
                <div className="min-w-0 break-words">
                  <span className="mr-2 inline-block rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium uppercase tracking-wide text-slate-700">
                    {r.typeLabel}
                  </span>
                  {r.retracted && (
                    <span className="mr-2 inline-block rounded bg-red-100 px-1.5 py-0.5 text-xs font-semibold uppercase text-red-900">
                      Retracted
                    </span>
                  )}
                  <span dangerouslySetInnerHTML={{ __html: r.html }} />
                </div>
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
