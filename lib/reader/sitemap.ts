import type { ReaderArticleSummary } from "./types";
import { topicSlug } from "./site-url";

export type SitemapEntry = { url: string; lastModified?: string; changeFrequency?: "daily" | "weekly" | "monthly"; priority?: number };

/** Public pages, every visible article and every topic with a visible article. */
export function buildSitemap(items: readonly ReaderArticleSummary[], site: string): SitemapEntry[] {
  const newest = items.reduce<string | undefined>((acc, a) => (!acc || a.lastUpdated > acc ? a.lastUpdated : acc), undefined);
  const topics = [...new Set(items.map((a) => a.topic).filter(Boolean))].sort();
  return [
    { url: `${site}/`, lastModified: newest, changeFrequency: "daily", priority: 1 },
    ...items.map((a) => ({
      url: `${site}/articles/${encodeURIComponent(a.slug)}`,
      lastModified: a.lastUpdated,
      changeFrequency: "weekly" as const,
      priority: 0.8,
    })),
    ...topics.map((t) => ({ url: `${site}/topics/${topicSlug(t)}`, changeFrequency: "weekly" as const, priority: 0.5 })),
    { url: `${site}/board`, changeFrequency: "monthly", priority: 0.4 },
    { url: `${site}/policy`, changeFrequency: "monthly", priority: 0.4 },
    { url: `${site}/search`, changeFrequency: "monthly", priority: 0.2 },
  ];
}
