/**
 * Reader search input to an FTS5 MATCH expression. Every word becomes a quoted string (quotes
 * doubled), so FTS syntax typed by a reader (NEAR, column filters, *, ^, unbalanced quotes) is
 * searched as text and can never raise a syntax error. Words are ANDed; the last one also matches
 * as a prefix so "diabet" finds "diabetes".
 */
const MAX_TERMS = 12;

export function toFtsQuery(input: string): string | null {
  const words = input
    .normalize("NFKC")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, MAX_TERMS);
  if (words.length === 0) return null;
  return words.map((word, i) => `"${word.replace(/"/g, '""')}"${i === words.length - 1 ? "*" : ""}`).join(" ");
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
