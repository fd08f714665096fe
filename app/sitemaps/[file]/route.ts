import { SITEMAP_HEADERS } from "@/lib/reader/sitemap";
import { childSitemap } from "@/lib/reader/sitemap-files";

/** Public: one file of the sitemap index (/sitemap.xml names them when one file is not enough). */
export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const xml = await childSitemap((await params).file);
  if (xml === null) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(xml, { headers: SITEMAP_HEADERS });
}
