import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleView } from "@/components/reader/article-view";
import { GuestCommentForm } from "@/components/preview/guest-comment-form";
import { openPreview } from "@/lib/dal/preview-links";
import { previewReaderArticle } from "@/lib/dal/reader";
import { getSiteSettings } from "@/lib/dal/settings";
import { formatDate } from "@/lib/dates";
import { previewPath } from "@/lib/preview-links";
import { isReaderAudience } from "@/lib/reader/audience";
import { requestClientIp } from "@/lib/security/request-ip";

/**
 * A read-only preview link's page (lib/dal/preview-links.ts): the revision the link shows, rendered
 * by the reader page's own component, under a "Preview — not yet approved" banner, with no staff
 * navigation and a comment form for the editors. Dynamic and never cached (every view is checked
 * and audited); noindex here and in next.config.js headers, which also send no Referer.
 * An unknown, cut-short, altered, expired or revoked token answers 404, audited.
 */
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Preview", robots: { index: false, follow: false, nocache: true } };

/** The token as typed; a broken %-escape is kept as is (it can't match, and is audited as malformed). */
function decodedToken(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

type Props = { params: Promise<{ token: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PreviewPage({ params, searchParams }: Props) {
  const { token } = await params;
  const query = (await searchParams).audience;
  const settings = getSiteSettings();
  const audience = isReaderAudience(query) ? query : settings.defaultAudience;
  const opened = openPreview(decodedToken(token), audience, await requestClientIp());
  if (!opened) notFound();
  const article = previewReaderArticle(opened.articleId, opened.revisionId, audience);
  if (!article) notFound();
  const approved = article.status === "approved";

  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto max-w-4xl px-4 py-4">
          <p className="text-xl font-semibold text-brand-800">{settings.siteName}</p>
        </div>
      </header>
      <div role="region" aria-label="Preview" className="border-b border-amber-300 bg-amber-50 text-amber-950" data-testid="preview-banner">
        <div className="mx-auto max-w-4xl space-y-1 px-4 py-3 text-sm">
          <p className="text-base font-semibold">{approved ? "Preview — an approved version" : "Preview — not yet approved"}</p>
          <p>
            {opened.recipient ? <>Shared with {opened.recipient}. </> : null}
            {opened.pinned ? "This link shows one version of the article." : "This link always shows the latest draft."} It expires on{" "}
            <time dateTime={opened.expiresAt}>{formatDate(opened.expiresAt)}</time>. Please don&apos;t pass it on.
          </p>
        </div>
      </div>
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-4xl flex-1 px-4 py-8 focus:outline-none">
        <article lang="en" className="space-y-6">
          <ArticleView article={article} audienceHref={(a) => `${previewPath(token)}?audience=${a}`} />
          <GuestCommentForm token={token} audience={audience} recipient={opened.recipient} />
        </article>
      </main>
    </div>
  );
}
