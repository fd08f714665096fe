import { createHash } from "node:crypto";
import type { NextRequest } from "next/server";
import { cachedApiPage, cachedTopics } from "@/lib/dal/reader-cached";
import { apiArticleList } from "@/lib/reader/api";
import { nextCursor, nextPageQuery, parseApiListParams } from "@/lib/reader/api-query";
import { siteUrl } from "@/lib/reader/site-url";

/**
 * Public: visible articles only (the same rule as the reader pages), a page at a time by a keyset
 * cursor, with topic and updatedSince filters (README, "Public read API"). No session needed.
 */
export const dynamic = "force-dynamic";

const CORS = { "Access-Control-Allow-Origin": "*", "Access-Control-Expose-Headers": "ETag, Last-Modified, Link" };

const badRequest = (error: string, extra: Record<string, unknown> = {}) =>
  Response.json({ error, ...extra }, { status: 400, headers: CORS });

export async function GET(request: NextRequest) {
  const parsed = parseApiListParams(request.nextUrl.searchParams);
  if (!parsed.ok) return badRequest(parsed.error);
  const { params } = parsed;

  let topics: string[] | null = null;
  if (params.topic) {
    const known = await cachedTopics();
    topics = known.filter((t) => t.slug === params.topic).map((t) => t.topic);
    if (topics.length === 0)
      return badRequest(`No visible articles have the topic "${params.topic}".`, { topics: [...new Set(known.map((t) => t.slug))] });
  }
  const page = await cachedApiPage({ limit: params.limit, afterId: params.afterId, topics, updatedSince: params.updatedSince });
  const next = page.more && page.lastId !== null ? nextCursor(params, page.lastId) : null;
  const body = JSON.stringify({ ...apiArticleList(page.articles), next });

  const etag = `W/"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
  const newest = page.articles.reduce<string | null>((acc, a) => (!acc || a.lastUpdated > acc ? a.lastUpdated : acc), null);
  const headers: Record<string, string> = { ...CORS, ETag: etag, "Cache-Control": "public, max-age=0, must-revalidate" };
  if (newest) headers["Last-Modified"] = new Date(newest).toUTCString();
  if (next) headers.Link = `<${siteUrl()}/api/v1/articles?${nextPageQuery(params, next)}>; rel="next"`;

  if (notModified(request, etag, newest)) return new Response(null, { status: 304, headers });
  return new Response(body, { headers: { ...headers, "Content-Type": "application/json" } });
}

/** RFC 9110: If-None-Match wins; If-Modified-Since only when it is absent (to the second, as HTTP dates are). */
function notModified(request: NextRequest, etag: string, newest: string | null): boolean {
  const inm = request.headers.get("if-none-match");
  if (inm !== null) {
    const weak = (tag: string) => tag.trim().replace(/^W\//, "");
    return inm.trim() === "*" || inm.split(",").some((tag) => weak(tag) === weak(etag));
  }
  const ims = request.headers.get("if-modified-since");
  if (ims === null || !newest) return false;
  const since = Date.parse(ims);
  return !Number.isNaN(since) && Math.floor(Date.parse(newest) / 1000) <= Math.floor(since / 1000);
}
