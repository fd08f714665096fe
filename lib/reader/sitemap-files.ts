import "server-only";
import { cachedArticleStats, cachedSitemapArticles, cachedSitemapChunks, cachedTopics } from "@/lib/dal/reader-cached";
import { serverEnv } from "@/lib/env";
import { siteUrl } from "@/lib/reader/site-url";
import { articleEntries, pageEntries, SITEMAP_MAX_URLS, sitemapIndexXml, sitemapPlan, urlsetXml } from "@/lib/reader/sitemap";

/** The sitemap's files from the cached reader lists (app/sitemap.xml and app/sitemaps/[file]). */
const perFile = () => Math.min(serverEnv().SITEMAP_URLS_PER_FILE, SITEMAP_MAX_URLS);

async function pages(site: string, newest: string | null) {
  return pageEntries(
    site,
    (await cachedTopics()).map((t) => t.topic),
    newest,
  );
}

/** /sitemap.xml: every URL in one file when they fit, otherwise the index of the files below. */
export async function rootSitemap(): Promise<string> {
  const site = siteUrl();
  const size = perFile();
  const stats = await cachedArticleStats();
  const pageList = await pages(site, stats.newest);
  const plan = sitemapPlan(stats.count, pageList.length, size);
  if (!plan.index)
    return urlsetXml([...pageList.slice(0, 1), ...articleEntries(site, await cachedSitemapArticles(0, size)), ...pageList.slice(1)]);
  const chunks = await cachedSitemapChunks(size);
  return sitemapIndexXml([
    { url: `${site}/sitemaps/pages.xml`, lastModified: stats.newest },
    ...chunks.map((c, i) => ({ url: `${site}/sitemaps/articles-${i + 1}.xml`, lastModified: c.lastModified })),
  ]);
}

/** One file the index names (`pages.xml`, `articles-<n>.xml`), or null for any other name or a number past the end. */
export async function childSitemap(file: string): Promise<string | null> {
  const site = siteUrl();
  const size = perFile();
  if (file === "pages.xml") return urlsetXml(await pages(site, (await cachedArticleStats()).newest));
  const match = /^articles-([1-9][0-9]{0,6})\.xml$/.exec(file);
  if (!match) return null;
  const items = await cachedSitemapArticles(Number(match[1]) - 1, size);
  return items.length ? urlsetXml(articleEntries(site, items)) : null;
}
