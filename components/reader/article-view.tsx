import Link from "next/link";
import { AudienceSwitch } from "@/components/reader/audience-switch";
import { ReferenceList } from "@/components/reader/reference-list";
import { ReviewStepper } from "@/components/workflow/review-stepper";
import { Alert } from "@/components/ui/alert";
import { formatDate } from "@/lib/dates";
import type { ReaderAudience } from "@/lib/reader/audience";
import type { ReaderArticle } from "@/lib/reader/types";

function reviewerList(reviewers: { name: string; credentials: string }[]): string {
  return reviewers.map((r) => (r.credentials ? `${r.name}, ${r.credentials}` : r.name)).join("; ");
}

/**
 * One article in one wording as readers see it: the public article page and a preview link's page
 * (app/preview) both render this, so a preview shows exactly what readers would. `audienceHref`
 * builds the audience switch's links (the public page's own address by default). `published` (the
 * public page only) adds what belongs to the published article: its version history link, the
 * reference downloads and, on paper, a footer with the page's address and version date.
 */
export function ArticleView({
  article,
  audienceHref,
  published,
}: {
  article: ReaderArticle;
  audienceHref?: (audience: ReaderAudience) => string;
  published?: { pageUrl: string };
}) {
  const approved = article.status === "approved";
  return (
    <>
      <header className="space-y-3">
        {article.topic && <p className="text-xs uppercase tracking-wide text-muted">{article.topic}</p>}
        <h1 className="font-serif text-3xl font-semibold leading-tight tracking-tight sm:text-4xl">{article.question}</h1>
        <p className="text-sm">
          <Link href="/board" prefetch={false}>
            {approved ? "Reviewed by our Medical Advisory Board" : "All articles are reviewed by our Medical Advisory Board"}
          </Link>
        </p>
      </header>

      {!approved && (
        <Alert tone="warning">
          <strong>Educational purpose only</strong> — this content is pending review by our Medical Advisory Board.
        </Alert>
      )}

      <ReviewStepper stage={article.stepper} />

      <div className="space-y-1 text-sm text-muted">
        <p>
          Last updated <time dateTime={article.lastUpdated}>{formatDate(article.lastUpdated)}</time> ·{" "}
          <Link href="/policy" prefetch={false} className="underline">
            View editorial policy
          </Link>
          {published && approved && (
            <>
              {" "}
              ·{" "}
              <a href={`/articles/${encodeURIComponent(article.slug)}/history?audience=${article.audience}`} className="underline">
                Version history
              </a>
            </>
          )}
        </p>
        {approved && article.lastReviewed && (
          <p data-testid="last-reviewed">
            Last reviewed <time dateTime={article.lastReviewed}>{formatDate(article.lastReviewed)}</time>
            {article.reviewedBy.length > 0 && <> by {reviewerList(article.reviewedBy)}</>}
          </p>
        )}
      </div>

      <AudienceSwitch slug={article.slug} current={article.audience} hrefFor={audienceHref} />

      <section aria-label={article.audience === "clinician" ? "Answer for healthcare professionals" : "Answer for patients and caregivers"}>
        <div className="prose-article" dangerouslySetInnerHTML={{ __html: article.html }} />
      </section>

      <ReferenceList
        references={article.references}
        download={published ? { slug: article.slug, audience: article.audience } : undefined}
      />

      <section aria-labelledby="disclaimer-heading" className="mt-10 rounded-md border border-slate-200 bg-slate-50 px-5 py-4">
        <h2 id="disclaimer-heading" className="font-semibold">
          {article.audience === "clinician" ? "Professional medical disclaimer" : "Medical disclaimer"}
        </h2>
        <p className="mt-1 text-sm" data-testid="disclaimer">
          {article.disclaimer}
        </p>
      </section>

      {published && (
        // On paper only: where the page lives and which version this is.
        <footer className="hidden border-t border-slate-300 pt-3 text-xs print:block" data-testid="print-footer">
          {published.pageUrl} · Version of {formatDate(article.lastUpdated)}
          {approved && article.lastReviewed && <> · Reviewed {formatDate(article.lastReviewed)}</>} · Printed copies may be out of date.
        </footer>
      )}
    </>
  );
}
