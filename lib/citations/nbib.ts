import type { CslItem, CslName } from "./csl";
import { normalizeDoi } from "./identifiers";

/**
 * PubMed's MEDLINE export (`.nbib`, "PubMed format"). Written here because the citation-js PubMed
 * plugin does not work with core 0.8 and the format is simple: one field per line as
 * `TAG - value` (the tag padded to four characters), continuation lines indented by six spaces,
 * records separated by a blank line. See NLM's "MEDLINE/PubMed Data Element (Field) Descriptions".
 */

export type MedlineRecord = {
  /** Fields in record order, so interleaved author tags (FAU, CN) keep their sequence. */
  fields: Array<{ tag: string; value: string }>;
};

const FIELD_LINE = /^([A-Z][A-Z0-9]{0,3}) *- (.*)$/;
const CONTINUATION_LINE = /^ {2,}\S/;

/** Parses one record's text; throws, quoting the line, when a line is neither a field nor a continuation. */
export function parseMedlineRecord(text: string): MedlineRecord {
  const fields: MedlineRecord["fields"] = [];
  const lines = text.split(/\r\n?|\n/);
  for (const line of lines) {
    if (line.trim() === "") continue;
    const field = FIELD_LINE.exec(line);
    if (field) {
      fields.push({ tag: field[1], value: field[2].trim() });
      continue;
    }
    const previous = fields[fields.length - 1];
    if (previous && CONTINUATION_LINE.test(line)) {
      previous.value = `${previous.value} ${line.trim()}`;
      continue;
    }
    throw new Error(`this line is not a MEDLINE field: "${line.slice(0, 60)}"`);
  }
  if (fields.length === 0) throw new Error("The record has no MEDLINE fields");
  return { fields };
}

const values = (record: MedlineRecord, tag: string) => record.fields.filter((f) => f.tag === tag).map((f) => f.value);
const first = (record: MedlineRecord, tag: string) => values(record, tag)[0];

/** "Mottola, Michelle F" → family/given; a bare "Smith" keeps just the family name. */
function fullAuthorName(value: string): CslName {
  const comma = value.indexOf(",");
  if (comma < 0) return { family: value };
  return { family: value.slice(0, comma).trim(), given: value.slice(comma + 1).trim() };
}

/** "Mottola MF" → family "Mottola", given "M F" (initials only, when FAU is missing). */
function shortAuthorName(value: string): CslName {
  const m = /^(.*\S)\s+([A-Z]{1,4})$/.exec(value);
  return m ? { family: m[1], given: m[2].split("").join(" ") } : { family: value };
}

function authorsOf(record: MedlineRecord): CslName[] {
  const hasFullNames = record.fields.some((f) => f.tag === "FAU");
  const authors: CslName[] = [];
  for (const { tag, value } of record.fields) {
    if (tag === "CN") authors.push({ literal: value });
    else if (tag === "FAU" && hasFullNames) authors.push(fullAuthorName(value));
    else if (tag === "AU" && !hasFullNames) authors.push(shortAuthorName(value));
  }
  return authors;
}

/** "10.1136/bjsports-2018-100056 [doi]" among LID/AID values. */
function doiOf(record: MedlineRecord): string | undefined {
  const tagged = [...values(record, "LID"), ...values(record, "AID")].find((v) => /\[doi\]\s*$/i.test(v));
  return tagged ? normalizeDoi(tagged.replace(/\[doi\]\s*$/i, "")) : undefined;
}

export type MedlineItem = { item: CslItem; publicationTypes: string[] };

export function medlineToCsl(record: MedlineRecord, id: string): MedlineItem {
  const bookTitle = first(record, "BTI");
  const year = /\b(\d{4})\b/.exec(first(record, "DP") ?? first(record, "DEP") ?? "")?.[1];
  const item: CslItem = {
    id,
    type: bookTitle && !first(record, "TI") ? "book" : "article-journal",
    title: first(record, "TI") ?? bookTitle,
    author: authorsOf(record),
    "container-title": first(record, "JT"),
    "container-title-short": first(record, "TA"),
    publisher: first(record, "PB"),
    issued: year ? { "date-parts": [[Number(year)]] } : undefined,
    volume: first(record, "VI"),
    issue: first(record, "IP"),
    page: first(record, "PG"),
    DOI: doiOf(record),
    PMID: first(record, "PMID"),
  };
  return { item, publicationTypes: values(record, "PT") };
}
