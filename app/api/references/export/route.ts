import { NextResponse, type NextRequest } from "next/server";
import { z } from "@/lib/validations/zod";
import { EXPORT_FILE_INFO, EXPORT_FORMATS, exportReferences } from "@/lib/citations/export";
import { articleReferences, referencesByIds } from "@/lib/dal/references-read";
import { getCurrentUser } from "@/lib/dal/session";
import { canManageReferences } from "@/lib/permissions";

export const dynamic = "force-dynamic";

const MAX_EXPORT_IDS = 5000;

const exportQuery = z
  .object({
    format: z.enum(EXPORT_FORMATS, { error: `format must be one of ${EXPORT_FORMATS.join(", ")}` }),
    ids: z
      .array(z.string().regex(/^\d+(,\d+)*$/, "ids are reference numbers separated by commas"))
      .transform((values) => [...new Set(values.flatMap((v) => v.split(",")).map(Number))])
      .pipe(z.array(z.number().int().positive()).max(MAX_EXPORT_IDS, `At most ${MAX_EXPORT_IDS} references at a time`))
      .optional(),
    articleId: z.coerce.number().int().positive().optional(),
  })
  .strict()
  .refine(
    (q) => (q.ids?.length ? 1 : 0) + (q.articleId ? 1 : 0) === 1,
    "Choose at least one reference to export (or one article, not both)",
  );

/** JSON for scripts; a sentence for a person who pressed "Export selected" in the browser. */
function problem(request: NextRequest, status: number, message: string) {
  const headers = { "Cache-Control": "no-store" };
  if (request.headers.get("accept")?.includes("text/html")) {
    return new NextResponse(`${message}\n\nGo back to the reference library and try again.\n`, {
      status,
      headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  return NextResponse.json({ error: message }, { status, headers });
}

/** GET /api/references/export?format=bibtex&ids=1,2 or ?format=ris&articleId=3: a download for reference managers. */
export async function GET(request: NextRequest) {
  const user = await getCurrentUser();
  if (!user) return problem(request, 401, "Sign in to export references.");
  if (!canManageReferences(user)) return problem(request, 403, "You don't have permission to export references.");

  const params = request.nextUrl.searchParams;
  const raw: Record<string, unknown> = {};
  for (const key of new Set(params.keys())) raw[key] = key === "ids" ? params.getAll(key) : params.get(key);
  const parsed = exportQuery.safeParse(raw);
  if (!parsed.success) return problem(request, 400, parsed.error.issues.map((i) => i.message).join("; "));
  const { format, ids, articleId } = parsed.data;

  let refs;
  let name: string;
  if (articleId) {
    const article = articleReferences(articleId);
    if (!article) return problem(request, 404, "That article does not exist.");
    refs = article.references;
    name = `${article.slug}-references`;
  } else {
    refs = referencesByIds(ids ?? []);
    if (refs.length === 0) return problem(request, 404, "None of those references exist.");
    name = refs.length === 1 ? refs[0].citekey : `vetted-references-${refs.length}`;
  }
  const info = EXPORT_FILE_INFO[format];
  return new NextResponse(exportReferences(refs, format), {
    headers: {
      "Content-Type": `${info.mimeType}; charset=utf-8`,
      "Content-Disposition": `attachment; filename="${name.replace(/[^a-z0-9._-]/gi, "-")}.${info.extension}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
