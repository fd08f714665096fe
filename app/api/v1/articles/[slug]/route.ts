import type { NextRequest } from "next/server";
import { cachedReaderArticle } from "@/lib/dal/reader-cached";
import { readerStandingOf } from "@/lib/dal/reader-standing";
import { getSiteSettings } from "@/lib/dal/settings";
import { apiArticle } from "@/lib/reader/api";
import { isReaderAudience } from "@/lib/reader/audience";

export const dynamic = "force-dynamic";

const HEADERS = { "Access-Control-Allow-Origin": "*" };

/**
 * Public: one visible article in one wording; anything invisible is a plain 404. A withdrawn or
 * archived article answers 410 with its date and public reason (an archived one with a live
 * successor, 301 to the successor's address here).
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const requested = request.nextUrl.searchParams.get("audience");
  if (requested !== null && !isReaderAudience(requested)) {
    return Response.json({ error: 'audience must be "clinician" or "patient"' }, { status: 400, headers: HEADERS });
  }
  const standing = readerStandingOf(slug);
  if (standing?.kind === "moved") {
    const to = new URL(`/api/v1/articles/${encodeURIComponent(standing.successorSlug)}`, request.nextUrl);
    if (requested) to.searchParams.set("audience", requested);
    return Response.redirect(to, 301);
  }
  if (standing?.kind === "gone") {
    const body = { error: standing.archived ? "Archived" : "Withdrawn", withdrawnAt: standing.at, reason: standing.reason };
    return Response.json(body, { status: 410, headers: HEADERS });
  }
  const audience = requested ?? getSiteSettings().defaultAudience;
  const article = await cachedReaderArticle(slug, audience);
  if (!article) return Response.json({ error: "Not found" }, { status: 404, headers: HEADERS });
  return Response.json(apiArticle(article), { headers: HEADERS });
}
