import type { NextRequest } from "next/server";
import { cachedReaderArticle } from "@/lib/dal/reader-cached";
import { getSiteSettings } from "@/lib/dal/settings";
import { apiArticle } from "@/lib/reader/api";
import { isReaderAudience } from "@/lib/reader/audience";

export const dynamic = "force-dynamic";

const HEADERS = { "Access-Control-Allow-Origin": "*" };

/** Public: one visible article in one wording; anything invisible is a plain 404. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const requested = request.nextUrl.searchParams.get("audience");
  if (requested !== null && !isReaderAudience(requested)) {
    return Response.json({ error: 'audience must be "clinician" or "patient"' }, { status: 400, headers: HEADERS });
  }
  const audience = requested ?? getSiteSettings().defaultAudience;
  const article = await cachedReaderArticle(slug, audience);
  if (!article) return Response.json({ error: "Not found" }, { status: 404, headers: HEADERS });
  return Response.json(apiArticle(article), { headers: HEADERS });
}
