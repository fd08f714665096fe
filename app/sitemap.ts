import type { MetadataRoute } from "next";
import { cachedVisibleArticles } from "@/lib/dal/reader-cached";
import { buildSitemap } from "@/lib/reader/sitemap";
import { siteUrl } from "@/lib/reader/site-url";

// Built per request from the data cache (revalidated by lib/reader-cache.ts), never at build time.
export const dynamic = "force-dynamic";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  return buildSitemap(await cachedVisibleArticles(), siteUrl());
}
