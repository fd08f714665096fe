/**
 * Reader search input to FTS5 MATCH expressions. Every word becomes a quoted string (quotes
 * doubled), so FTS syntax typed by a reader (NEAR, column filters, *, ^, unbalanced quotes) is
 * searched as text and can never raise a syntax error. Words are ANDed.
 *
 * Two expressions: `exact` (whole words; the porter stemmer already matches "diabetic" to
 * "diabetes") and `prefix`, where the last word also matches as a prefix so a half-typed "diab"
 * still finds "diabetes". Prefix expansion merges the position lists of every indexed word that
 * starts with it and costs 3–5× the exact query on a large catalogue, so searchArticles runs the
 * exact one first and the prefix one only when the exact one finds less than a page.
 */
const MAX_TERMS = 12;

export type SearchQuery = { exact: string; prefix: string };

function words(input: string): string[] {
  return input
    .normalize("NFKC")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, MAX_TERMS);
}

const quoted = (word: string) => `"${word.replace(/"/g, '""')}"`;

export function toSearchQuery(input: string): SearchQuery | null {
  const terms = words(input);
  if (terms.length === 0) return null;
  const exact = terms.map(quoted).join(" ");
  return { exact, prefix: `${exact}*` };
}

/** Marks snippet() wraps matches in; private-use characters no article text contains. */
export const MATCH_START = "\uE010";
export const MATCH_END = "\uE011";

export type SnippetPart = { text: string; match: boolean };

/** A snippet split into plain and matched runs, rendered as text (never as HTML). */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const re = new RegExp(`${MATCH_START}([^${MATCH_END}]*)${MATCH_END}`, "g");
  let last = 0;
  for (const m of snippet.matchAll(re)) {
    if (m.index > last) parts.push({ text: snippet.slice(last, m.index), match: false });
    if (m[1]) parts.push({ text: m[1], match: true });
    last = m.index + m[0].length;
  }
  if (last < snippet.length) parts.push({ text: snippet.slice(last), match: false });
  return parts.map((p) => ({ ...p, text: p.text.replace(new RegExp(`[${MATCH_START}${MATCH_END}]`, "g"), "") }));
}

export const SEARCH_PAGE_SIZE = 10;

export function parsePage(value: string | string[] | undefined): number {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n >= 1 && n <= 1000 ? n : 1;
}
