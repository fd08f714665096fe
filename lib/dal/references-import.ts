import "server-only";
import { importReferences, IMPORT_FORMAT_LABELS, type ImportFormat } from "@/lib/citations/import";
import { doiKey } from "@/lib/citations/identifiers";
import type { CitableReference } from "@/lib/citations/reference";
import { describeSignal, type IntegritySignal, type IntegrityVerdict } from "@/lib/citations/integrity";
import {
  libraryIdentifiers,
  referencesByIdentifier,
  referencesByTitle,
  titleFingerprint,
  type ExistingReference,
} from "@/lib/dal/references-identity";

/** One row of the import preview, as the import page shows it. Nothing is saved until the editor picks. */
export type ImportPreviewEntry =
  | {
      index: number;
      line: number | null;
      verdict: "new";
      reference: CitableReference;
      sourceKey: string | null;
      warnings: string[];
      /** A library entry with the same title: probably the same work, recorded without the identifier. Not picked by default. */
      sameTitleAs: ExistingReference | null;
      /** What the record says about itself, each as "Retracted, per the record's own metadata (…): “…”". */
      signals: PreviewSignal[];
      /** What importing it makes of the reference: retracted, a notice, or nothing. */
      integrity: IntegrityVerdict;
    }
  | {
      index: number;
      line: number | null;
      verdict: "duplicate";
      reason: string;
      reference: CitableReference;
      /** The library entry it duplicates; null when it repeats an earlier entry of the same import. */
      existing: ExistingReference | null;
      duplicateOfEntry: number | null;
      signals: PreviewSignal[];
    }
  | { index: number; line: number | null; verdict: "invalid"; reason: string; excerpt: string };

export type PreviewSignal = { kind: IntegritySignal["kind"]; text: string };
const previewSignals = (signals: readonly IntegritySignal[] = []): PreviewSignal[] =>
  signals.map((s) => ({ kind: s.kind, text: describeSignal(s) }));

export type ImportPreview =
  | {
      ok: true;
      format: ImportFormat;
      formatLabel: string;
      entries: ImportPreviewEntry[];
      counts: Record<"new" | "duplicate" | "invalid", number>;
    }
  | { ok: false; error: string };

export function previewImport(input: string | Uint8Array, format?: ImportFormat): ImportPreview {
  const result = importReferences(input, { format, existing: libraryIdentifiers() });
  if (!result.ok) return result;

  // DOIs are looked up by their key: the library may hold "10.1056/NEJMoa…" where the file says "10.1056/nejmoa…".
  const keyOf = (field: "doi" | "pmid", value: string) => (field === "doi" ? doiKey(value) : value);
  const libraryDuplicates = (field: "doi" | "pmid") =>
    referencesByIdentifier(
      field,
      result.entries.flatMap((e) =>
        e.status === "invalid" && e.duplicate?.in === "library" && e.duplicate.field === field ? [keyOf(field, e.duplicate.value)] : [],
      ),
    );
  const byDoi = libraryDuplicates("doi");
  const byTitle = referencesByTitle();
  const byPmid = libraryDuplicates("pmid");

  const entries = result.entries.map((entry): ImportPreviewEntry => {
    if (entry.status === "parsed") {
      const sameTitleAs = byTitle.get(titleFingerprint(entry.reference.title)) ?? null;
      return {
        index: entry.index,
        line: entry.line,
        verdict: "new",
        reference: entry.reference,
        sourceKey: entry.sourceKey,
        warnings: entry.warnings,
        sameTitleAs,
        signals: previewSignals(entry.signals),
        integrity: entry.integrity,
      };
    }
    if (entry.duplicate && entry.reference) {
      const of = entry.duplicate;
      const existing = of.in === "library" ? ((of.field === "doi" ? byDoi : byPmid).get(keyOf(of.field, of.value)) ?? null) : null;
      return {
        index: entry.index,
        line: entry.line,
        verdict: "duplicate",
        reason: existing ? `Already in the library as ${existing.citekey} (same ${of.field.toUpperCase()} ${of.value})` : entry.reason,
        reference: entry.reference,
        existing,
        duplicateOfEntry: of.in === "input" ? of.entry : null,
        signals: previewSignals(entry.signals),
      };
    }
    return { index: entry.index, line: entry.line, verdict: "invalid", reason: entry.reason, excerpt: entry.excerpt };
  });
  const counts = { new: 0, duplicate: 0, invalid: 0 };
  for (const entry of entries) counts[entry.verdict]++;
  return { ok: true, format: result.format, formatLabel: IMPORT_FORMAT_LABELS[result.format], entries, counts };
}
