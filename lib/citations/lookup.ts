import { fromCsl, type CslItem, type CslName } from "./csl";
import { cslSignals, distinct, type IntegritySignal } from "./integrity";
import type { ReferenceFields } from "./reference";

/**
 * "Add by DOI or PMID", the part without a network: what the editor typed, and what the answers
 * of DOI content negotiation (CSL-JSON) and NCBI's esummary (JSON) become. The fetching, its
 * timeouts, rate limit and cache are in lib/reference-lookup.ts.
 */

export { parseLookupQuery, type LookupQuery } from "./identifiers";

export type LookupFound = { reference: ReferenceFields; signals: IntegritySignal[] };

/** MEDLINE abbreviates page ranges ("637-41"); AMA and the library write them in full ("637-641"). */
export function expandPageRange(pages: string): string {
  const m = /^(\D*)(\d+)-(\D*)(\d+)$/.exec(pages.trim());
  if (!m || m[1] !== m[3] || m[4].length >= m[2].length) return pages;
  return `${m[1]}${m[2]}-${m[1]}${m[2].slice(0, m[2].length - m[4].length)}${m[4]}`;
}

/** DOI content negotiation's CSL-JSON (Crossref, DataCite, mEDRA each answer it). */
export function fromDoiCsl(json: unknown, doi: string): LookupFound | null {
  if (!json || typeof json !== "object" || Array.isArray(json)) return null;
  const raw = json as Record<string, unknown>;
  if (typeof raw.title !== "string" && !Array.isArray(raw.title)) return null;
  // Crossref answers `title` as a string here, but lists (as in its REST API) are seen too.
  const first = (value: unknown): unknown => (Array.isArray(value) ? (value as unknown[])[0] : value);
  const title = first(raw.title);
  const containerShort = first(raw["container-title-short"]);
  const item: CslItem = {
    ...raw,
    id: "lookup",
    type: typeof raw.type === "string" ? raw.type : "article-journal",
    title: typeof title === "string" ? title : "",
    "container-title-short": typeof containerShort === "string" ? containerShort : undefined,
    // The registered case of the DOI as the agency answers it; the typed one if it gives none.
    DOI: typeof raw.DOI === "string" ? raw.DOI : doi,
    // Crossref's URL is the doi.org link itself: the DOI already says it.
    URL: undefined,
  };
  const reference = fromCsl(item);
  if (reference.pages) reference.pages = expandPageRange(reference.pages);
  return { reference, signals: cslSignals(item, "CSL-JSON") };
}

type EsummaryAuthor = { name?: unknown; authtype?: unknown };
type EsummaryDoc = {
  uid?: unknown;
  error?: unknown;
  title?: unknown;
  source?: unknown;
  fulljournalname?: unknown;
  pubdate?: unknown;
  volume?: unknown;
  issue?: unknown;
  pages?: unknown;
  authors?: EsummaryAuthor[];
  pubtype?: unknown;
  articleids?: Array<{ idtype?: unknown; value?: unknown }>;
  references?: Array<{ refsource?: unknown; reftype?: unknown; pmid?: unknown }>;
};

const str = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : undefined);

/** "Wakefield AJ" → family "Wakefield", given "A J"; a collective name stays whole. */
function esummaryName(author: EsummaryAuthor): CslName | null {
  const name = str(author.name);
  if (!name) return null;
  if (author.authtype === "CollectiveName") return { literal: name };
  const m = /^(.*\S)\s+([A-Z]{1,4})$/.exec(name);
  return m ? { family: m[1], given: m[2].split("").join(" ") } : { family: name };
}

/** esummary's "references" that say what became of the work (its `reftype`, MEDLINE's comment/correction links). */
const ESUMMARY_REFTYPES: Record<string, IntegritySignal["kind"]> = {
  "retraction in": "retraction",
  "partial retraction in": "retraction",
  "expression of concern in": "expression_of_concern",
  "erratum in": "correction",
  "comment in": "comment",
  "retraction of": "is_notice",
  "erratum for": "is_notice",
  "expression of concern for": "is_notice",
};

/** NCBI esummary (db=pubmed, retmode=json) for one PMID; null when PubMed has no such record. */
export function fromEsummary(json: unknown, pmid: string): LookupFound | null {
  const result = (json as { result?: Record<string, unknown> } | null)?.result;
  const doc = result?.[pmid] as EsummaryDoc | undefined;
  if (!doc || typeof doc !== "object" || doc.error || !str(doc.title)) return null;
  const doi = doc.articleids?.find((id) => id.idtype === "doi");
  const year = /\b(\d{4})\b/.exec(str(doc.pubdate) ?? "")?.[1];
  const pubtypes = Array.isArray(doc.pubtype) ? doc.pubtype.filter((t): t is string => typeof t === "string") : [];
  const item: CslItem = {
    id: "lookup",
    type: "article-journal",
    title: str(doc.title),
    author: (doc.authors ?? []).map(esummaryName).filter((a): a is CslName => a !== null),
    "container-title": str(doc.fulljournalname) ?? str(doc.source),
    "container-title-short": str(doc.source),
    issued: year ? { "date-parts": [[Number(year)]] } : undefined,
    volume: str(doc.volume),
    issue: str(doc.issue),
    page: str(doc.pages),
    DOI: str(doi?.value),
    PMID: pmid,
  };
  const reference = fromCsl(item, { publicationTypes: pubtypes });
  if (reference.pages) reference.pages = expandPageRange(reference.pages);
  const signals: IntegritySignal[] = [];
  if (pubtypes.some((t) => t.toLowerCase() === "retracted publication"))
    signals.push({ kind: "retraction", field: "PubMed publication type", evidence: "Publication type: Retracted Publication" });
  for (const ref of doc.references ?? []) {
    const kind = ESUMMARY_REFTYPES[String(str(ref.reftype) ?? "").toLowerCase()];
    if (kind) signals.push({ kind, field: "PubMed", evidence: `${str(ref.reftype)}: ${str(ref.refsource) ?? ""}`.trim() });
  }
  return { reference, signals: distinct(signals) };
}
