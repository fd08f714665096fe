import { normalizeDoi, normalizePmid, parseDoi } from "./identifiers";
import type { ReferenceAuthor, ReferenceFields, ReferenceType } from "./reference";
import { REFERENCE_TYPE_LABELS } from "./reference";
import { inferReferenceType } from "./reference-type";

/**
 * Conversion between our reference shape and CSL-JSON, the interchange format of citation-js
 * (import, export) and citeproc (AMA formatting).
 */

export type CslName = {
  family?: string;
  given?: string;
  literal?: string;
  "non-dropping-particle"?: string;
  "dropping-particle"?: string;
  suffix?: string;
};
export type CslDate = { "date-parts"?: Array<Array<number | string>>; raw?: string; literal?: string };
export type CslItem = {
  id: string;
  type: string;
  "citation-key"?: string;
  title?: string;
  author?: CslName[];
  "container-title"?: string;
  "container-title-short"?: string;
  journalAbbreviation?: string;
  publisher?: string;
  authority?: string;
  issued?: CslDate;
  accessed?: CslDate;
  volume?: string | number;
  issue?: string | number;
  page?: string;
  DOI?: string;
  PMID?: string;
  URL?: string;
  genre?: string;
  [field: string]: unknown;
};

/**
 * Our `type` says what kind of evidence a source is; CSL needs its bibliographic form. The form
 * follows from which fields are filled in: journal details make an article, a guideline without
 * them is an organisation's report, a bare URL is a web page.
 */
export function cslTypeFor(ref: ReferenceFields): string {
  if (ref.type === "textbook") return "book";
  if (ref.volume || ref.issue || ref.pages || ref.sourceAbbrev || ref.pmid) return "article-journal";
  if (ref.type === "guideline") return "report";
  if (ref.url && !ref.doi) return "webpage";
  if (ref.source && ref.type !== "other") return "article-journal";
  return "report";
}

const BOOK_LIKE = new Set(["book", "report", "chapter", "thesis", "standard", "document", "manuscript", "dataset"]);

function isoDateParts(iso: string | null | undefined): CslDate | undefined {
  const m = iso?.match(/^(\d{4})-(\d{2})-(\d{2})/);
  return m ? { "date-parts": [[Number(m[1]), Number(m[2]), Number(m[3])]] } : undefined;
}

const present = (value: string | null | undefined) => (value ? value : undefined);

/**
 * PubMed and the AMA style write given names as bare initials ("MF"); citeproc reads "MF" as one
 * name and would print "Mottola M". Spelled out as "M. F." it initialises back to "MF".
 */
export function cslGiven(given: string | undefined): string | undefined {
  return given && /^[A-Z]{2,4}$/.test(given) ? given.split("").join(". ") + "." : given;
}

export function toCsl(ref: ReferenceFields & { citekey?: string }): CslItem {
  const type = cslTypeFor(ref);
  const bookLike = type === "book" || type === "report";
  const item: CslItem = {
    id: ref.citekey ?? "reference",
    type,
    "citation-key": ref.citekey,
    title: present(ref.title),
    author: ref.authors.map((a) => (a.literal ? { literal: a.literal } : { family: a.family, given: cslGiven(a.given) })),
    "container-title": bookLike ? undefined : present(ref.source),
    "container-title-short": type === "article-journal" ? present(ref.sourceAbbrev) : undefined,
    publisher: bookLike ? (present(ref.publisher) ?? present(ref.source)) : present(ref.publisher),
    issued: ref.year ? { "date-parts": [[ref.year]] } : undefined,
    accessed: isoDateParts(ref.accessedAt),
    volume: present(ref.volume),
    issue: present(ref.issue),
    page: present(ref.pages),
    DOI: present(ref.doi),
    PMID: present(ref.pmid),
    URL: present(ref.url),
    // Carries our evidence type through BibTeX (entrysubtype/type) and RIS (M3) for re-import.
    genre: REFERENCE_TYPE_LABELS[ref.type],
  };
  for (const key of Object.keys(item)) if (item[key] === undefined) delete item[key];
  return item;
}

/** Collapses whitespace and drops the inline HTML citation-js makes of LaTeX markup (`\textit` → `<i>`). */
function cleanText(value: unknown): string {
  // CSL text fields are strings, sometimes numbers (a year, a volume) or a list; anything else is no text.
  const text = typeof value === "string" ? value : typeof value === "number" ? String(value) : Array.isArray(value) ? value.join(",") : "";
  return text
    .replace(/<\/?(?:i|b|em|strong|sup|sub|span)(?:\s[^>]*)?>/gi, "")
    .replace(/\s+/g, " ")
    .trim();
}

const optionalText = (value: unknown) => cleanText(value) || null;

function authorFromCsl(name: CslName): ReferenceAuthor | null {
  if (name.literal) return { literal: cleanText(name.literal) };
  const family = cleanText([name["dropping-particle"], name["non-dropping-particle"], name.family].filter(Boolean).join(" "));
  const given = cleanText(name.given);
  // BibTeX writes organisations as {World Health Organization}: a family name with no given name.
  if (family && !given) return { literal: family };
  if (!family && !given) return null;
  return given ? { family, given } : { family };
}

function yearOf(date: CslDate | undefined): number | null {
  const first = date?.["date-parts"]?.[0]?.[0];
  if (first !== undefined && first !== null && /^\d{4}$/.test(String(first))) return Number(first);
  const m = (date?.raw ?? date?.literal ?? "").match(/\b(1[89]\d\d|2\d\d\d)\b/);
  return m ? Number(m[1]) : null;
}

function isoDateOf(date: CslDate | undefined): string | null {
  const [y, m, d] = date?.["date-parts"]?.[0] ?? [];
  if (!y || !m || !d) return null;
  const pad = (n: number | string) => String(n).padStart(2, "0");
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Title-cased labels of our types, as written into `genre` by toCsl. */
const TYPE_BY_LABEL = new Map(
  (Object.entries(REFERENCE_TYPE_LABELS) as Array<[ReferenceType, string]>).map(([type, label]) => [label.toLowerCase(), type]),
);

export type CslHints = {
  /** PubMed publication types (MEDLINE `PT`), the most reliable evidence-type signal there is. */
  publicationTypes?: readonly string[];
};

export function fromCsl(item: CslItem, hints: CslHints = {}): ReferenceFields {
  const title = cleanText(item.title).replace(/(?<!\.)\.$/, "");
  const bookLike = BOOK_LIKE.has(item.type);
  const container = cleanText(item["container-title"]);
  const publisher = cleanText(item.publisher ?? item.authority);
  const source = container || (bookLike || item.type === "webpage" ? publisher : "");
  const url = optionalText(item.URL);
  const doiFromUrl = url && !item.DOI ? parseDoi(url) : null;
  const genreType = item.genre ? TYPE_BY_LABEL.get(cleanText(item.genre).toLowerCase()) : undefined;

  return {
    type: genreType ?? inferReferenceType({ cslType: item.type, title, source, publicationTypes: hints.publicationTypes }),
    title,
    authors: (item.author ?? []).map(authorFromCsl).filter((a): a is ReferenceAuthor => a !== null),
    source,
    sourceAbbrev: optionalText(item["container-title-short"] ?? item.journalAbbreviation),
    publisher: publisher && publisher !== source ? publisher : null,
    year: yearOf(item.issued),
    volume: optionalText(item.volume),
    issue: optionalText(item.issue),
    // Page ranges arrive with en dashes from some exporters; the library stores hyphens.
    pages: optionalText(item.page)?.replace(/\s*[\u2010-\u2015]\s*/g, "-") ?? null,
    doi: item.DOI ? normalizeDoi(String(item.DOI)) : doiFromUrl,
    pmid: item.PMID ? normalizePmid(String(item.PMID)) : null,
    url,
    accessedAt: isoDateOf(item.accessed),
  };
}
