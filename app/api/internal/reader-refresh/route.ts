import { revalidatePath } from "next/cache";
import { z } from "zod";
import { revalidateReaderArticle } from "@/lib/reader-cache";
import { verifyRefreshSignature } from "@/lib/reader-refresh-request";

/**
 * Refreshes reader pages after a job changed what readers see (lib/reader-refresh-request.ts).
 * Not for people: the body must carry the server's own HMAC (auth secret), else 404, as if the
 * route did not exist. It changes no data, so a replayed request only re-renders pages.
 */
const bodySchema = z
  .object({
    slugs: z.array(z.string().min(1).max(200)).max(100),
    articleIds: z.array(z.number().int().positive()).max(100),
  })
  .strict();

export async function POST(request: Request): Promise<Response> {
  const body = await request.text();
  if (body.length > 20_000 || !verifyRefreshSignature(body, request.headers.get("x-vetted-signature"))) {
    return new Response("Not found", { status: 404 });
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return new Response("Not found", { status: 404 });
  }
  const parsed = bodySchema.safeParse(json);
  if (!parsed.success) return new Response("Not found", { status: 404 });
  for (const slug of new Set(parsed.data.slugs)) revalidateReaderArticle(slug);
  for (const id of new Set(parsed.data.articleIds)) revalidatePath(`/editor/articles/${id}`, "layout");
  revalidatePath("/dashboard");
  return new Response(null, { status: 204 });
}
