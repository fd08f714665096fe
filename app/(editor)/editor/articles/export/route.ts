import type { NextRequest } from "next/server";
import { articleIndexBatches } from "@/lib/dal/article-index";
import { getCurrentUser } from "@/lib/dal/session";
import { csvRow } from "@/lib/csv";
import { canUseEditorArea } from "@/lib/permissions";
import { absoluteUrl } from "@/lib/reader/site-url";
import { parseArticleIndexFilter } from "@/lib/validations/article-index";

export const dynamic = "force-dynamic";

const HEADER = ["id", "slug", "question", "topic", "state", "revision", "author", "updated", "review_due", "live", "flagged", "staff_url"];

/**
 * The current view of the staff article index as CSV, every page of it, streamed a batch at a time
 * (the cursor is ignored: an export is the whole view). Same session, permission and reviewer
 * scope as the page.
 */
export async function GET(request: NextRequest) {
  const user = await getCurrentUser();
  if (!user || !canUseEditorArea(user)) return new Response("Not found", { status: 404 });
  const params = Object.fromEntries(request.nextUrl.searchParams);
  const { filter } = parseArticleIndexFilter({ ...params, cursor: undefined });
  const batches = articleIndexBatches(user, filter);
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvRow(HEADER)));
    },
    pull(controller) {
      const next = batches.next();
      if (next.done) {
        controller.close();
        return;
      }
      const text = next.value
        .map((r) =>
          csvRow([
            r.id,
            r.slug,
            r.question,
            r.topic,
            r.state,
            r.revisionNumber,
            r.author,
            r.updatedAt,
            r.reviewDueAt,
            r.isLive ? "yes" : "no",
            r.flagged ? "yes" : "no",
            absoluteUrl(`/editor/articles/${r.id}`),
          ]),
        )
        .join("");
      controller.enqueue(encoder.encode(text));
    },
  });
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="articles-${stamp}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
