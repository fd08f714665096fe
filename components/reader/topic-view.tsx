import type { Metadata } from "next";
import { ArticleList } from "@/components/reader/article-list";
import { Pager } from "@/components/ui/pager";
import type { TopicPage } from "@/lib/dal/reader-lists";

export const topicPagePath = (slug: string, page: number) => (page > 1 ? `/topics/${slug}?page=${page}` : `/topics/${slug}`);

export function topicMetadata(found: TopicPage): Metadata {
  const suffix = found.page > 1 ? ` (page ${found.page})` : "";
  return {
    title: `${found.topic}${suffix}`,
    description: `Reviewed answers about ${found.topic.toLowerCase()}.`,
    alternates: { canonical: topicPagePath(found.slug, found.page) },
  };
}

/** A topic's articles a page at a time, with the true number of them. */
export function TopicView({ found }: { found: TopicPage }) {
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-semibold tracking-tight">{found.topic}</h1>
        <p className="mt-1 text-muted" data-testid="topic-count">
          {found.total === 1 ? "1 answer" : `${found.total.toLocaleString("en")} answers`}
        </p>
      </div>
      <ArticleList items={found.articles} />
      {found.pageCount > 1 && (
        <Pager page={found.page} pageCount={found.pageCount} label={`${found.topic} pages`} href={(p) => topicPagePath(found.slug, p)} />
      )}
    </div>
  );
}
