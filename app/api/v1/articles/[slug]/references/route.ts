import type { NextRequest } from "next/server";
import { EXPORT_FILE_INFO, EXPORT_FORMATS, exportReferences, type ExportFormat } from "@/lib/citations/export";
import { readerWordingReferences } from "@/lib/dal/reader-downloads";
import { getSiteSettings } from "@/lib/dal/settings";
import { isReaderAudience } from "@/lib/reader/audience";

export const dynamic = "force-dynamic";

const isFormat = (value: string | null): value is ExportFormat => !!value && (EXPORT_FORMATS as readonly string[]).includes(value);

/**
 * Public: GET /api/v1/articles/<slug>/references?format=ris|bibtex|csl-json&audience=patient|clinician,
 * the references one wording of a visible article cites, as a file for a reference manager (the
 * same writers as the staff export, lib/citations/export.ts). Anything invisible is a plain 404.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const query = request.nextUrl.searchParams;
  const format = query.get("format");
  const requested = query.get("audience");
  if (!isFormat(format)) return Response.json({ error: `format must be one of ${EXPORT_FORMATS.join(", ")}` }, { status: 400 });
  if (requested !== null && !isReaderAudience(requested)) {
    return Response.json({ error: 'audience must be "clinician" or "patient"' }, { status: 400 });
  }
  const audience = requested ?? getSiteSettings().defaultAudience;
  const found = readerWordingReferences(decodeURIComponent(slug), audience);
  if (!found) return Response.json({ error: "Not found" }, { status: 404 });
  const info = EXPORT_FILE_INFO[format];
  const name = `${found.slug}-${audience}-references`.replace(/[^a-z0-9._-]/gi, "-");
  return new Response(exportReferences(found.references, format), {
    headers: {
      "Content-Type": `${info.mimeType}; charset=utf-8`,
      "Content-Disposition": `attachment; filename="${name}.${info.extension}"`,
      "Cache-Control": "no-store",
      "Access-Control-Allow-Origin": "*",
    },
  });
}
