import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleView } from "@/components/reader/article-view";
import { FollowUpForm } from "@/components/questions/follow-up-form";
import { ErrorReportForm } from "@/components/reader/error-report-form";
import { getReaderArticle } from "@/lib/dal/reader";
import { getSiteSettings } from "@/lib/dal/settings";
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

export default async function ReaderArticlePage({ params }: { params: Params }) {
  const loaded = load(await params);
  if (!loaded) notFound();
  const { article, settings, canonical } = loaded;
  const jsonLd = articleJsonLd(article, {
    page: absoluteUrl(canonical),
    policy: absoluteUrl("/policy"),
    site: `${siteUrl()}/`,
    siteName: settings.siteName,
  });

  return (
    <article lang="en" className="space-y-6">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdScript(jsonLd) }} />
      <ArticleView article={article} published={{ pageUrl: absoluteUrl(canonical) }} />
      <FollowUpForm slug={article.slug} audience={article.audience} />
      <ErrorReportForm slug={article.slug} audience={article.audience} target={errorReportTargetSentence(settings.errorReportTargetDays)} />
    </article>
  );
}
