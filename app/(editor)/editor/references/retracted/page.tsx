import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { retractedReferences } from "@/lib/dal/references-read";
import { requireUser } from "@/lib/dal/session";
import { canManageReferences } from "@/lib/permissions";
import { formatDate } from "@/lib/dates";
import { CitingArticles } from "@/components/references/citing-articles";

export const metadata: Metadata = { title: "Retracted references" };
export const dynamic = "force-dynamic";

export default async function RetractedReferencesPage() {
  const user = await requireUser();
  if (!canManageReferences(user)) notFound();
  const refs = retractedReferences();
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/editor/references">← Reference library</Link>
      </p>
      <h1 className="text-2xl font-semibold">Retracted references</h1>
      <p className="max-w-3xl text-sm text-muted">
        Articles citing a retracted reference can't be submitted until the citation is replaced, and approved ones are flagged for
        re-review.
      </p>
      {refs.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 bg-white px-4 py-6 text-sm text-muted">
          No reference in the library is marked retracted.
        </p>
      ) : (
        <ul className="space-y-6" aria-label="Retracted references">
          {refs.map((ref) => (
            <li key={ref.id} data-citekey={ref.citekey} className="space-y-2 rounded-md border border-red-200 bg-white p-4">
              <h2 className="text-base font-semibold">
                <Link href={`/editor/references/${ref.id}`}>{ref.citekey}</Link>
              </h2>
              <p className="break-words text-sm leading-relaxed" dangerouslySetInnerHTML={{ __html: ref.ama.html }} />
              <p className="text-sm text-red-900">
                Retracted{ref.retractedAt ? ` (marked ${formatDate(ref.retractedAt)})` : ""}: {ref.retractionNote}
              </p>
              <CitingArticles articles={ref.articles} empty="No article cites it." />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
