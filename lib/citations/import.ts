import { referenceSchema } from "@/lib/validations/reference";
import { parseBibtex } from "./citation-js";
import { createCitekeyAllocator } from "./citekey";
import {
  bibtexExtraNotes,
  cslSignals,
  distinct,
  integrityVerdict,
  medlineSignals,
  noteSignals,
  type IntegritySignal,
  type IntegrityVerdict,
} from "./integrity";
import { doiKey } from "./identifiers";
import { fromCsl, type CslItem } from "./csl";
import { medlineToCsl, parseMedlineRecord } from "./nbib";
import { parseRisRecord } from "./ris";
import type { CitableReference } from "./reference";
import { splitBibtex, splitMedline, splitRis, type RawEntry } from "./split-entries";

/**
 * Reads references pasted or uploaded as BibTeX/BibLaTeX, RIS, CSL-JSON or PubMed MEDLINE
 * (.nbib). Each entry is parsed and validated on its own: the result lists every entry as parsed
 * (ready to save, with a fresh citekey) or invalid (with the reason), so one broken entry never
 * loses the others. Nothing is saved here; the caller shows the list and saves what the editor keeps.
 */

import { IMPORT_FORMAT_LABELS, MAX_IMPORT_BYTES, MAX_IMPORT_ENTRIES, type ImportFormat } from "./import-formats";

export { IMPORT_FORMATS, IMPORT_FORMAT_LABELS, MAX_IMPORT_BYTES, MAX_IMPORT_ENTRIES, type ImportFormat } from "./import-formats";
/** Share of control characters above which the input is taken for a binary file. */
const MAX_CONTROL_RATIO = 0.01;

export type ImportEntry =
  | {
      status: "parsed";
      /** 1-based position among the entries of the input. */
      index: number;
      /** 1-based line of the input where the entry starts; null for CSL-JSON, where entries are counted instead. */
      line: number | null;
      reference: CitableReference;
      /** The entry's own key in the file (BibTeX key, RIS ID), for the editor's information. */
      sourceKey: string | null;
      warnings: string[];
      /** Retraction, correction or concern the record itself carries (lib/citations/integrity.ts), and what it makes of the reference. */
      signals: IntegritySignal[];
      integrity: IntegrityVerdict;
    }
  | {
      status: "invalid";
      index: number;
      line: number | null;
      reason: string;
      excerpt: string;
      /** Set when the entry is valid but its DOI or PMID is already taken: by the library, or by an earlier entry. */
      duplicate?: DuplicateOf;
      /** The reference as read, for a duplicate: so the editor can compare it with the entry it duplicates. */
      reference?: CitableReference;
      /** A duplicate's own signals: the record may say the library's entry has been retracted. */
      signals?: IntegritySignal[];
    };

export type DuplicateOf =
  { in: "library"; field: "doi" | "pmid"; value: string } | { in: "input"; field: "doi" | "pmid"; value: string; entry: number };

export type ImportResult = { ok: true; format: ImportFormat; entries: ImportEntry[] } | { ok: false; error: string };

export type ImportOptions = {
  /** Skip detection. */
  format?: ImportFormat;
  /** Keys, DOI keys (lower case) and PMIDs already in the library: new keys avoid them, duplicates are refused. */
  existing?: { citekeys?: Iterable<string>; dois?: Iterable<string>; pmids?: Iterable<string> };
};

/** Refuses what is too big or is not text; returns the decoded text otherwise. */
export function checkImportInput(input: string | Uint8Array): { ok: true; text: string } | { ok: false; error: string } {
  // Checked before decoding or parsing anything: a string can be no shorter in UTF-8 than in UTF-16 units.
  const bytes =
    typeof input !== "string"
      ? input.byteLength
      : input.length > MAX_IMPORT_BYTES
        ? input.length
        : new TextEncoder().encode(input).byteLength;
  if (bytes > MAX_IMPORT_BYTES) {
    return {
      ok: false,
      error: `The import is ${(bytes / 1024 / 1024).toFixed(1)} MB; imports are limited to 5 MB. Split it into smaller files.`,
    };
  }
  const text = (typeof input === "string" ? input : new TextDecoder("utf-8").decode(input)).replace(/^\uFEFF/, "");
  const binary =
    "This does not look like a text export (it contains binary data). Export the references as BibTeX, RIS, CSL-JSON or PubMed format and try again.";
  if (text.includes("\u0000")) return { ok: false, error: binary };
  // eslint-disable-next-line no-control-regex -- counting control characters is how binary input is recognised
  const control = text.match(/[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/g)?.length ?? 0;
  if (text.length > 0 && control / text.length > MAX_CONTROL_RATIO) return { ok: false, error: binary };
  return { ok: true, text };
}

/** The format of a text by its first meaningful line, then by any tell-tale line. */
export function detectImportFormat(text: string): ImportFormat | null {
  const head = text.trimStart();
  if (/^TY {2}-/.test(head)) return "ris";
  if (/^PMID- /.test(head)) return "nbib";
  if (head.startsWith("[") || head.startsWith("{")) return "csl-json";
  if (/^@[ \t]*[A-Za-z]+[ \t\r\n]*[{(]/.test(head)) return "bibtex";
  if (/^TY {2}-/m.test(text)) return "ris";
  if (/^PMID- /m.test(text)) return "nbib";
  if (/^[ \t]*@[ \t]*[A-Za-z]+[ \t]*[{(]/m.test(text)) return "bibtex";
  return null;
}

type ParsedItem = { item: CslItem; publicationTypes?: string[]; signals: IntegritySignal[] };
type EntryOutcome = { line: number | null; excerpt: string; items?: ParsedItem[]; problem?: string; warning?: string };

const excerptOf = (text: string) => (text.length > 300 ? `${text.slice(0, 300)}…` : text);
const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split("\n")[0];

function parseRawEntries(raw: RawEntry[], parse: (text: string) => ParsedItem[], format: ImportFormat): EntryOutcome[] {
  return raw.map((entry) => {
    const base = { line: format === "csl-json" ? null : entry.line, excerpt: excerptOf(entry.text), warning: entry.warning };
    if (entry.problem) return { ...base, problem: entry.problem };
    try {
      const items = parse(entry.text);
      return items.length > 0 ? { ...base, items } : { ...base, problem: "No reference could be read from this entry" };
    } catch (error) {
      return { ...base, problem: `Could not read this entry: ${firstLine(error)}` };
    }
  });
}

function splitByFormat(text: string, format: ImportFormat): { raw: RawEntry[]; parse: (text: string) => ParsedItem[] } | { error: string } {
  switch (format) {
    case "bibtex": {
      const { entries, macros } = splitBibtex(text);
      const prefix = macros ? `${macros}\n` : "";
      return {
        raw: entries,
        parse: (entry) => {
          const extra = bibtexExtraNotes(entry).flatMap((note) => noteSignals("BibTeX annotation", note));
          return parseBibtex(prefix + entry).map((item) => ({ item, signals: distinct([...cslSignals(item, "BibTeX"), ...extra]) }));
        },
      };
    }
    case "ris":
      return { raw: splitRis(text), parse: (entry) => parseRisRecord(entry).map((item) => ({ item, signals: cslSignals(item, "RIS") })) };
    case "nbib":
      return {
        raw: splitMedline(text),
        parse: (entry) => {
          const record = parseMedlineRecord(entry);
          return [{ ...medlineToCsl(record, "medline"), signals: medlineSignals(record.fields) }];
        },
      };
    case "csl-json": {
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch (error) {
        return { error: `The CSL-JSON is not valid JSON: ${firstLine(error)}` };
      }
      const list = Array.isArray(data) ? data : [data];
      return {
        raw: list.map((item, i) => ({ text: JSON.stringify(item) ?? "", line: i + 1 })),
        parse: (entry) => {
          const item = cslItemFromJson(JSON.parse(entry));
          return [{ item, signals: cslSignals(item, "CSL-JSON") }];
        },
      };
    }
  }
}

/** CSL-JSON comes from anywhere: check the shape the converter relies on before trusting it. */
function cslItemFromJson(value: unknown): CslItem {
  if (!value || typeof value !== "object" || Array.isArray(value)) throw new Error("the entry is not a JSON object");
  const item = value as Record<string, unknown>;
  if (item.author !== undefined && (!Array.isArray(item.author) || item.author.some((a) => !a || typeof a !== "object"))) {
    throw new Error('"author" must be a list of names');
  }
  for (const date of ["issued", "accessed"]) {
    if (item[date] !== undefined && (typeof item[date] !== "object" || item[date] === null))
      throw new Error(`"${date}" must be a date object`);
  }
  return {
    ...item,
    id: typeof item.id === "string" || typeof item.id === "number" ? String(item.id) : "item",
    type: typeof item.type === "string" ? item.type : "article-journal",
  };
}

const issuesToReason = (issues: ReadonlyArray<{ message: string }>) =>
  issues
    .slice(0, 3)
    .map((issue) => issue.message)
    .join("; ");

type Existing = NonNullable<ImportOptions["existing"]>;

/** Refuses a DOI or PMID already in the library or seen earlier in the same input; DOIs compared without case. */
function createDuplicateCheck(existing: Existing = {}) {
  const libraryDois = new Set([...(existing.dois ?? [])].map((doi) => doi.toLowerCase()));
  const libraryPmids = new Set(existing.pmids ?? []);
  const seenDois = new Map<string, number>();
  const seenPmids = new Map<string, number>();
  return ({ doi, pmid }: { doi?: string | null; pmid?: string | null }, index: number): { reason: string; of: DuplicateOf } | null => {
    const key = doi ? doiKey(doi) : null;
    if (doi && key && libraryDois.has(key))
      return { reason: `Already in the library (DOI ${doi})`, of: { in: "library", field: "doi", value: doi } };
    if (pmid && libraryPmids.has(pmid))
      return { reason: `Already in the library (PMID ${pmid})`, of: { in: "library", field: "pmid", value: pmid } };
    const sameDoi = key ? seenDois.get(key) : undefined;
    if (doi && sameDoi) return { reason: `Same DOI as entry ${sameDoi}`, of: { in: "input", field: "doi", value: doi, entry: sameDoi } };
    const samePmid = pmid ? seenPmids.get(pmid) : undefined;
    if (pmid && samePmid)
      return { reason: `Same PMID as entry ${samePmid}`, of: { in: "input", field: "pmid", value: pmid, entry: samePmid } };
    if (key) seenDois.set(key, index);
    if (pmid) seenPmids.set(pmid, index);
    return null;
  };
}

export function importReferences(input: string | Uint8Array, options: ImportOptions = {}): ImportResult {
  const checked = checkImportInput(input);
  if (!checked.ok) return checked;
  const text = checked.text;
  if (text.trim() === "") return { ok: false, error: "There is nothing to import." };

  const format = options.format ?? detectImportFormat(text);
  if (!format) {
    return { ok: false, error: "Could not tell the format. Paste BibTeX, RIS, CSL-JSON or PubMed (MEDLINE/.nbib) text." };
  }
  const split = splitByFormat(text, format);
  if ("error" in split) return { ok: false, error: split.error };
  if (split.raw.length > MAX_IMPORT_ENTRIES) {
    return { ok: false, error: `The file has ${split.raw.length} entries; import at most ${MAX_IMPORT_ENTRIES} at a time.` };
  }
  if (split.raw.length === 0) return { ok: false, error: `No ${IMPORT_FORMAT_LABELS[format]} entries were found.` };

  const allocateCitekey = createCitekeyAllocator(options.existing?.citekeys ?? []);
  const duplicateOf = createDuplicateCheck(options.existing);
  const entries: ImportEntry[] = [];

  for (const outcome of parseRawEntries(split.raw, split.parse, format)) {
    // A BibTeX chunk or RIS record normally holds one reference; keep any extras as their own rows.
    for (const parsed of outcome.items ?? [undefined]) {
      const index = entries.length + 1;
      const invalid = (reason: string): ImportEntry => ({ status: "invalid", index, line: outcome.line, reason, excerpt: outcome.excerpt });
      if (!parsed) {
        entries.push(invalid(outcome.problem ?? "No reference could be read from this entry"));
        continue;
      }
      const validated = referenceSchema.safeParse(fromCsl(parsed.item, { publicationTypes: parsed.publicationTypes }));
      if (!validated.success) {
        entries.push(invalid(issuesToReason(validated.error.issues)));
        continue;
      }
      const fields = validated.data;
      const duplicate = duplicateOf(fields, index);
      if (duplicate) {
        entries.push({
          ...(invalid(duplicate.reason) as Extract<ImportEntry, { status: "invalid" }>),
          duplicate: duplicate.of,
          reference: { ...fields, citekey: "" },
          signals: parsed.signals,
        });
        continue;
      }
      const warnings = [outcome.warning, fields.year ? undefined : "No year given", fields.authors.length ? undefined : "No authors given"];
      const sourceKey = parsed.item["citation-key"] ?? (format === "csl-json" || format === "ris" ? parsed.item.id : undefined);
      entries.push({
        status: "parsed",
        index,
        line: outcome.line,
        reference: { ...fields, citekey: allocateCitekey(fields) },
        sourceKey: typeof sourceKey === "string" && sourceKey ? sourceKey : null,
        warnings: warnings.filter((w): w is string => Boolean(w)),
        signals: parsed.signals,
        integrity: integrityVerdict(parsed.signals),
      });
    }
  }
  return { ok: true, format, entries };
}
