import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AudienceSwitch } from "@/components/reader/audience-switch";
import { ReferenceList } from "@/components/reader/reference-list";
import { ReviewStepper } from "@/components/workflow/review-stepper";
import { FollowUpForm } from "@/components/questions/follow-up-form";
import { ErrorReportForm } from "@/components/reader/error-report-form";
import { Alert } from "@/components/ui/alert";
import { getReaderArticle } from "@/lib/dal/reader";
import { getSiteSettings } from "@/lib/dal/settings";
import { formatDate } from "@/lib/dates";
import { errorReportTargetSentence } from "@/lib/error-reports";
import { isAudienceVariant, resolveVariant } from "@/lib/reader/audience";
import { articleJsonLd, jsonLdScript } from "@/lib/reader/json-ld";
import { absoluteUrl, articlePath, siteUrl } from "@/lib/reader/site-url";

/**
 * The article page, one static copy per article and audience variant ("default" = the site's
 * default audience). next.config.js rewrites /articles/<slug> here; lib/reader-cache.ts revalidates it.
 * Nothing is prerendered at build time (the build has no data); each copy is rendered on its
 * first request and then served from the cache.
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
  const article = getReaderArticle(decodeURIComponent(params.slug), audience);
  if (!article) return null;
  // The default wording's canonical address is the bare one; the other wording keeps its ?audience=.
  const canonical = articlePath(article.slug, audience === settings.defaultAudience ? undefined : audience);
  return { article, settings, canonical };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const loaded = load(await params);
  if (!loaded) return { title: "Page not found", robots: { index: false } };
  const { article, canonical, settings } = loaded;
  return {
    title: article.question,
    description: article.summary,
    alternates: { canonical },
    openGraph: {
      type: "article",
      title: article.question,
      description: article.summary,
      url: canonical,
      siteName: settings.siteName,
      ...(article.datePublished ? { publishedTime: article.datePublished } : {}),
      modifiedTime: article.lastUpdated,
      section: article.topic || undefined,
    },
  };
}

function reviewerList(reviewers: { name: string; credentials: string }[]): string {
  return reviewers.map((r) => (r.credentials ? `${r.name}, ${r.credentials}` : r.name)).join("; ");
}

export default async function ReaderArticlePage({ params }: { params: Params }) {
  const loaded = load(await params);
  if (!loaded) notFound();
  const { article, settings, canonical } = loaded;
  const approved = article.status === "approved";
  const jsonLd = articleJsonLd(article, {
    page: absoluteUrl(canonical),
    policy: absoluteUrl("/policy"),
    site: `${siteUrl()}/`,
    siteName: settings.siteName,
  });

  return (
    <article lang="en" className="space-y-6">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdScript(jsonLd) }} />
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
          {approved && (
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

      <AudienceSwitch slug={article.slug} current={article.audience} />

      <section aria-label={article.audience === "clinician" ? "Answer for healthcare professionals" : "Answer for patients and caregivers"}>
        <div className="prose-article" dangerouslySetInnerHTML={{ __html: article.html }} />
      </section>

      <ReferenceList references={article.references} download={{ slug: article.slug, audience: article.audience }} />

      <section aria-labelledby="disclaimer-heading" className="mt-10 rounded-md border border-slate-200 bg-slate-50 px-5 py-4">
        <h2 id="disclaimer-heading" className="font-semibold">
          {article.audience === "clinician" ? "Professional medical disclaimer" : "Medical disclaimer"}
        </h2>
        <p className="mt-1 text-sm" data-testid="disclaimer">
          {article.disclaimer}
        </p>
      </section>

      {/* On paper only: where the page lives and which version this is. */}
      <footer className="hidden border-t border-slate-300 pt-3 text-xs print:block" data-testid="print-footer">
        {absoluteUrl(canonical)} · Version of {formatDate(article.lastUpdated)}
        {approved && article.lastReviewed && <> · Reviewed {formatDate(article.lastReviewed)}</>} · Printed copies may be out of date.
      </footer>

      <FollowUpForm slug={article.slug} audience={article.audience} />
      <ErrorReportForm slug={article.slug} audience={article.audience} target={errorReportTargetSentence(settings.errorReportTargetDays)} />
    </article>
  );
}
