import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DiffLegend, DiffText } from "@/components/editor/diff-text";
import { getPublicHistory } from "@/lib/dal/public-history";
import { getSiteSettings } from "@/lib/dal/settings";
import { formatDate } from "@/lib/dates";
import { AUDIENCE_LABELS, READER_AUDIENCES, isAudienceVariant, resolveVariant } from "@/lib/reader/audience";
import { articlePath } from "@/lib/reader/site-url";

/**
 * The public version history of an article, one static copy per article and audience variant like
 * the article page (next.config.js rewrites /articles/<slug>/history here; lib/reader-cache.ts
 * revalidates it with the article). Plain HTML: the diffs open in <details>, no script needed.
 */
export const dynamic = "force-static";
export const dynamicParams = true;
export const revalidate = false;

export function generateStaticParams(): { audience: string; slug: string }[] {
  return [];
}

type Params = Promise<{ audience: string; slug: string }>;

function load(params: { audience: string; slug: string }) {
  if (!isAudienceVariant(params.audience)) return null;
  const settings = getSiteSettings();
  const audience = resolveVariant(params.audience, settings.defaultAudience);
  return getPublicHistory(decodeURIComponent(params.slug), audience);
}

const historyPath = (slug: string, audience?: string) =>
  `/articles/${encodeURIComponent(slug)}/history${audience ? `?audience=${audience}` : ""}`;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const history = load(await params);
  if (!history) return { title: "Page not found", robots: { index: false } };
  return {
    title: `Version history: ${history.question}`,
    description: `Every approved version of “${history.question}”, who reviewed each, and what changed.`,
    alternates: { canonical: historyPath(history.slug) },
    // Older versions should never be what a search engine sends a reader to; the article itself is the page to index.
    robots: { index: false, follow: true },
  };
}

const signer = (r: { name: string; credentials: string }) => (r.credentials ? `${r.name}, ${r.credentials}` : r.name);

export default async function ReaderHistoryPage({ params }: { params: Params }) {
  const history = load(await params);
  if (!history) notFound();
  const { slug, question, audience, versions } = history;
  return (
    <article lang="en" className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href={articlePath(slug, audience)} prefetch={false}>
            ← Back to the answer
          </Link>
        </p>
        <h1 className="font-serif text-3xl font-semibold leading-tight tracking-tight">Version history</h1>
        <p className="text-lg">{question}</p>
        <p className="text-sm text-muted">
          Every version our Medical Advisory Board approved, newest first, with the reviewers who signed it and what changed from the
          version before. Versions in preparation or review are not shown.{" "}
          <Link href="/policy" prefetch={false} className="underline">
            How we review
          </Link>
        </p>
      </header>

      <nav aria-label="Wording compared" className="text-sm">
        Changes shown in the wording for:{" "}
        {READER_AUDIENCES.map((a, i) => (
          <span key={a}>
            {i > 0 && " · "}
            {a === audience ? (
              <strong aria-current="true">{AUDIENCE_LABELS[a]}</strong>
            ) : (
              <a href={historyPath(slug, a)} className="underline">
                {AUDIENCE_LABELS[a]}
              </a>
            )}
          </span>
        ))}
      </nav>

      {versions.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 bg-white px-4 py-6 text-muted">
          This answer has no approved version yet. Its review is still in progress.
        </p>
      ) : (
        <ol className="space-y-5" aria-label="Approved versions, newest first">
          {versions.map((v) => (
            <li key={v.number} className="rounded-md border border-slate-200 bg-white px-5 py-4" data-testid={`version-${v.version}`}>
              <h2 className="text-xl font-semibold">
                Version {v.version}
                {v.isLive && <span className="text-base font-normal text-emerald-800"> (current)</span>}
              </h2>
              <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
                <dt className="text-muted">Approved</dt>
                <dd>
                  <time dateTime={v.approvedAt}>{formatDate(v.approvedAt)}</time>
                </dd>
                <dt className="text-muted">What changed</dt>
                <dd>{v.changeSummary || (v.version === 1 ? "First version." : "No summary given.")}</dd>
                <dt className="text-muted">Reviewed by</dt>
                <dd>{v.reviewers.length ? v.reviewers.map(signer).join("; ") : "Medical Advisory Board"}</dd>
              </dl>
              {v.diff && (
                <details className="mt-3">
                  <summary className="cursor-pointer text-sm font-medium text-brand-800">Changes from version {v.version - 1}</summary>
                  <div className="mt-2 space-y-2">
                    <DiffLegend />
                    {v.questionDiff && (
                      <>
                        <h3 className="text-sm font-semibold">Question</h3>
                        <DiffText segments={v.questionDiff} />
                      </>
                    )}
                    <h3 className="text-sm font-semibold">Answer ({AUDIENCE_LABELS[audience].toLowerCase()} wording)</h3>
                    {v.diff.some((s) => s.type !== "equal") ? (
                      <DiffText segments={v.diff} />
                    ) : (
                      <p className="text-sm text-muted">No change to this wording.</p>
                    )}
                  </div>
                </details>
              )}
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}
