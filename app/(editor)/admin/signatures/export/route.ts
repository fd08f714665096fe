import type { NextRequest } from "next/server";
import { csvRow } from "@/lib/csv";
import { allSignatures, type SignatureRow } from "@/lib/dal/signatures";
import { getCurrentUser } from "@/lib/dal/session";
import { canViewAuditLog } from "@/lib/permissions";

export const dynamic = "force-dynamic";

const COLUMNS = [
  ["sign_off_id", (s) => s.id],
  ["article", (s) => s.articleSlug],
  ["revision", (s) => s.revisionNumber],
  ["signer_name", (s) => s.signerName],
  ["signer_credentials", (s) => s.signerCredentials],
  ["credential_class", (s) => s.credentialClass],
  ["decision", (s) => s.decision],
  ["meaning", (s) => s.meaning],
  ["signed_at_utc", (s) => s.signedAt],
  ["content_hash", (s) => s.contentHash],
  ["counts", (s) => (s.counts ? "yes" : "no")],
  ["why_not", (s) => s.whyNot ?? ""],
  ["change_class", (s) => s.changeClass],
  ["mix_met", (s) => s.mixMet.join("; ")],
  ["audit_event_id", (s) => s.auditEventId],
  ["audit_event_hash", (s) => s.auditEventHash],
] as const satisfies readonly (readonly [string, (s: SignatureRow) => string | number | null])[];

/**
 * Every signature of every article, for an inspection: CSV (default) or JSON (`?format=json`),
 * streamed a batch of articles at a time. Admins only, like the audit log it links to.
 */
export async function GET(request: NextRequest) {
  const user = await getCurrentUser();
  if (!user || !canViewAuditLog(user)) return new Response("Not found", { status: 404 });
  const json = request.nextUrl.searchParams.get("format") === "json";
  const batches = allSignatures();
  const encoder = new TextEncoder();
  let first = true;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(json ? "[" : csvRow(COLUMNS.map(([name]) => name))));
    },
    pull(controller) {
      const next = batches.next();
      if (next.done) {
        if (json) controller.enqueue(encoder.encode("]\n"));
        controller.close();
        return;
      }
      const text = next.value
        .map((s) => {
          if (!json) return csvRow(COLUMNS.map(([, value]) => value(s)));
          const item = `${first ? "" : ",\n"}${JSON.stringify(s)}`;
          first = false;
          return item;
        })
        .join("");
      controller.enqueue(encoder.encode(text));
    },
  });
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "Content-Type": json ? "application/json; charset=utf-8" : "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="vetted-signatures-${stamp}.${json ? "json" : "csv"}"`,
      "Cache-Control": "no-store",
    },
  });
}
