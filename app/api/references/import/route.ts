import { NextResponse, type NextRequest } from "next/server";
import { IMPORT_FORMATS, MAX_IMPORT_BYTES, type ImportFormat } from "@/lib/citations/import";
import { previewImport } from "@/lib/dal/references-import";
import { getCurrentUser } from "@/lib/dal/session";
import { canManageReferences } from "@/lib/permissions";

export const dynamic = "force-dynamic";

const json = (status: number, body: unknown) => NextResponse.json(body, { status, headers: { "Cache-Control": "no-store" } });
const tooBig = () =>
  json(413, {
    ok: false,
    error: `The import is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; imports are limited to 5 MB. Split it into smaller files.`,
  });

/** Reads the body, giving up as soon as it passes the limit, so a huge upload costs no memory. */
async function readCapped(request: NextRequest): Promise<Uint8Array | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_IMPORT_BYTES) return null;
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_IMPORT_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/**
 * POST /api/references/import?format=bibtex with the pasted text or the file as the body:
 * the preview of an import (new / duplicate / invalid per entry). It writes nothing; the
 * editor's picks are saved by importReferencesAction.
 */
export async function POST(request: NextRequest) {
  const user = await getCurrentUser();
  if (!user) return json(401, { ok: false, error: "Your session has ended. Sign in again to continue." });
  if (!canManageReferences(user)) return json(403, { ok: false, error: "You don't have permission to import references." });

  const formatParam = request.nextUrl.searchParams.get("format");
  if (formatParam && !(IMPORT_FORMATS as readonly string[]).includes(formatParam)) {
    return json(400, { ok: false, error: `Unknown format "${formatParam}".` });
  }
  const body = await readCapped(request);
  if (!body) return tooBig();
  const preview = previewImport(body, (formatParam as ImportFormat | null) ?? undefined);
  return json(preview.ok ? 200 : 422, preview);
}
