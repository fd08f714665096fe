import { cachedLatestArticles } from "@/lib/dal/reader-cached";
import { getSiteSettings } from "@/lib/dal/settings";
import { buildRssFeed } from "@/lib/reader/feed";
import { siteUrl } from "@/lib/reader/site-url";

export const dynamic = "force-dynamic";

/** The latest articles; the sitemap and the API list reach the rest. */
const FEED_SIZE = 50;

export async function GET() {
  const { siteName } = getSiteSettings();
  const xml = buildRssFeed(await cachedLatestArticles(FEED_SIZE), {
    url: siteUrl(),
    name: siteName,
    description: "Medical answers written from cited sources and reviewed by our Medical Advisory Board.",
  });
  return new Response(xml, { headers: { "Content-Type": "application/rss+xml; charset=utf-8" } });
}
