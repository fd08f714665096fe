import { SITEMAP_HEADERS } from "@/lib/reader/sitemap";
import { rootSitemap } from "@/lib/reader/sitemap-files";

/** Public. Built per request from the data cache (revalidated by lib/reader-cache.ts), never at build time. */
export const dynamic = "force-dynamic";

export async function GET() {
  return new Response(await rootSitemap(), { headers: SITEMAP_HEADERS });
}
