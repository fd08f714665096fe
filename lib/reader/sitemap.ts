import { topicSlug } from "./site-url";

/**
 * sitemap.xml per the sitemaps protocol (sitemaps.org): at most 50,000 URLs a file; beyond that
 * /sitemap.xml is a sitemap index naming /sitemaps/pages.xml (home, topics, board, policy,
 * search) and /sitemaps/articles-<n>.xml (the visible articles by id, a file's worth each). Pure,
 * so the unit test needs no server.
 */
export const SITEMAP_MAX_URLS = 50_000;

export type SitemapEntry = {
  url: string;
  lastModified?: string | null;
  changeFrequency?: "daily" | "weekly" | "monthly";
  priority?: number;
};

const escapeXml = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

/** Home, every topic with a visible article, and the public pages. */
export function pageEntries(site: string, topics: readonly string[], newest: string | null): SitemapEntry[] {
  return [
    { url: `${site}/`, lastModified: newest, changeFrequency: "daily", priority: 1 },
    ...[...new Set(topics.filter(Boolean).map(topicSlug))]
      .sort()
      .map((slug) => ({ url: `${site}/topics/${slug}`, changeFrequency: "weekly" as const, priority: 0.5 })),
    { url: `${site}/board`, changeFrequency: "monthly", priority: 0.4 },
    { url: `${site}/policy`, changeFrequency: "monthly", priority: 0.4 },
    { url: `${site}/search`, changeFrequency: "monthly", priority: 0.2 },
  ];
}

export function articleEntries(site: string, items: readonly { slug: string; lastUpdated: string }[]): SitemapEntry[] {
  return items.map((a) => ({
    url: `${site}/articles/${encodeURIComponent(a.slug)}`,
    lastModified: a.lastUpdated,
    changeFrequency: "weekly" as const,
    priority: 0.8,
  }));
}

/** Whether everything fits one file, or how many article files the index names. */
export function sitemapPlan(articles: number, pages: number, perFile: number): { index: false } | { index: true; articleFiles: number } {
  const size = Math.min(Math.max(1, perFile), SITEMAP_MAX_URLS);
  if (articles + pages <= size) return { index: false };
  return { index: true, articleFiles: Math.ceil(articles / size) };
}

export function urlsetXml(entries: readonly SitemapEntry[]): string {
  const urls = entries.map((e) =>
    [
      "  <url>",
      `    <loc>${escapeXml(e.url)}</loc>`,
      e.lastModified ? `    <lastmod>${escapeXml(e.lastModified)}</lastmod>` : null,
      e.changeFrequency ? `    <changefreq>${e.changeFrequency}</changefreq>` : null,
      e.priority !== undefined ? `    <priority>${e.priority}</priority>` : null,
      "  </url>",
    ]
      .filter((line) => line !== null)
      .join("\n"),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls,
    "</urlset>",
    "",
  ].join("\n");
}

export function sitemapIndexXml(files: readonly { url: string; lastModified: string | null }[]): string {
  const items = files.map((f) =>
    [
      "  <sitemap>",
      `    <loc>${escapeXml(f.url)}</loc>`,
      f.lastModified ? `    <lastmod>${escapeXml(f.lastModified)}</lastmod>` : null,
      "  </sitemap>",
    ]
      .filter((line) => line !== null)
      .join("\n"),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...items,
    "</sitemapindex>",
    "",
  ].join("\n");
}

export const SITEMAP_HEADERS = { "Content-Type": "application/xml; charset=utf-8" };
