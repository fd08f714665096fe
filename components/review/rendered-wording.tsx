import type { RenderedAudience } from "@/lib/dal/review";
import { WordingReferenceList } from "@/components/references/wording-reference-list";

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
      {wording.statements && wording.statements.unsourced > 0 && (
        <p className="text-sm" data-testid="unsourced-statements">
          <mark className="unsourced-legend">Highlighted</mark>: {wording.statements.unsourced} of {wording.statements.total}{" "}
          {wording.statements.total === 1 ? "statement cites" : "statements cite"} no reference.
        </p>
      )}
      {/* Sanitised by lib/markdown.ts (allowlist), never raw editor HTML. */}
      <div className="prose-article break-words" data-quote-source={id} dangerouslySetInnerHTML={{ __html: wording.html }} />
      <WordingReferenceList
        references={wording.references}
        label={id === "clinician" ? "Clinician" : "Patient"}
        empty="This wording cites no references."
      />
    </section>
  );
}
