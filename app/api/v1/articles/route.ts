import { cachedVisibleArticles } from "@/lib/dal/reader-cached";
import { apiArticleList } from "@/lib/reader/api";

/** Public: visible articles only (the same rule as the reader pages). No session needed. */
export const dynamic = "force-dynamic";

export async function GET() {
  return Response.json(apiArticleList(await cachedVisibleArticles()), {
    headers: { "Access-Control-Allow-Origin": "*" },
  });
}
