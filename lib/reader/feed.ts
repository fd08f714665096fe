import type { ReaderArticleSummary } from "./types";

/** RSS 2.0 of visible articles, newest first (pure, so the unit test needs no server). */

const escapeXml = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

const STATUS_TEXT = {
  submitted: "Pending review by our Medical Advisory Board.",
  under_review: "Under review by our Medical Advisory Board.",
  approved: "Reviewed by our Medical Advisory Board.",
} as const;

export function buildRssFeed(items: readonly ReaderArticleSummary[], site: { url: string; name: string; description: string }): string {
  const newest = items.reduce<string | null>((acc, a) => (!acc || a.lastUpdated > acc ? a.lastUpdated : acc), null);
  const entries = items
    .map((a) => {
      const link = `${site.url}/articles/${encodeURIComponent(a.slug)}`;
      return [
        "    <item>",
        `      <title>${escapeXml(a.question)}</title>`,
        `      <link>${escapeXml(link)}</link>`,
        `      <guid isPermaLink="true">${escapeXml(link)}</guid>`,
        `      <pubDate>${new Date(a.lastUpdated).toUTCString()}</pubDate>`,
        a.topic ? `      <category>${escapeXml(a.topic)}</category>` : null,
        `      <description>${escapeXml(STATUS_TEXT[a.status])}</description>`,
        "    </item>",
      ]
        .filter((line) => line !== null)
        .join("\n");
    })
    .join("\n");
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    "  <channel>",
    `    <title>${escapeXml(site.name)}</title>`,
    `    <link>${escapeXml(site.url)}/</link>`,
    `    <description>${escapeXml(site.description)}</description>`,
    "    <language>en</language>",
    `    <atom:link href="${escapeXml(site.url)}/feed.xml" rel="self" type="application/rss+xml"/>`,
    newest ? `    <lastBuildDate>${new Date(newest).toUTCString()}</lastBuildDate>` : null,
    entries || null,
    "  </channel>",
    "</rss>",
    "",
  ]
    .filter((line) => line !== null)
    .join("\n");
}
