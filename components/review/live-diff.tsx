import type { ReviewPageData } from "@/lib/dal/review";

const PARTS = [
  ["question", "Question"],
  ["clinician", "Clinician wording"],
  ["patient", "Patient wording"],
  ["disclosure", "Disclosure"],
] as const;

/** What changed against the live revision: additions underlined, removals struck through (and announced). */
export function LiveDiff({ diff }: { diff: NonNullable<ReviewPageData["diff"]> }) {
  return (
    <section aria-labelledby="diff-heading" className="space-y-3">
      <h2 id="diff-heading" className="text-lg font-semibold">
        Changes since the live revision ({diff.liveNumber})
      </h2>
      {PARTS.map(([key, label]) => (
        <details key={key} className="rounded-md border border-slate-200 bg-white">
          <summary className="cursor-pointer px-4 py-2 text-sm font-medium">
            {label} <span className="font-normal text-muted">({/<(ins|del)>/.test(diff[key]) ? "changed" : "unchanged"})</span>
          </summary>
          {/* diffHtml escapes every character of both texts; only <ins>/<del>/<span> are added. */}
          <div
            className="whitespace-pre-wrap break-words px-4 pb-3 text-sm [&_del]:bg-red-100 [&_del]:line-through [&_ins]:bg-emerald-100 [&_ins]:underline"
            dangerouslySetInnerHTML={{ __html: diff[key] }}
          />
        </details>
      ))}
    </section>
  );
}
