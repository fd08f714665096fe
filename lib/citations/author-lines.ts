import type { ReferenceAuthor } from "./reference";

/**
 * Authors as editors type them in the reference form: one per line. Medical editors write
 * names the way PubMed and AMA print them, so both "Mottola, Michelle F." and "Mottola MF"
 * are people; any other line is an organisation ("World Health Organization"). Braces force an
 * organisation whose name would otherwise read as a person: "{NICE, UK}".
 */

const VANCOUVER_NAME = /^(\S.*?)\s+([A-Z]{1,3})$/;

export function parseAuthorLine(line: string): ReferenceAuthor | null {
  const text = line.trim().replace(/\s+/g, " ");
  if (!text) return null;
  const braced = text.match(/^\{(.*)\}$/);
  if (braced) return braced[1].trim() ? { literal: braced[1].trim() } : null;
  const comma = text.indexOf(",");
  if (comma !== -1) {
    const family = text.slice(0, comma).trim();
    const given = text.slice(comma + 1).trim();
    if (!family) return given ? { literal: given } : null;
    return given ? { family, given } : { family };
  }
  const vancouver = text.match(VANCOUVER_NAME);
  if (vancouver) return { family: vancouver[1], given: vancouver[2] };
  return { literal: text };
}

export function parseAuthorLines(text: string): ReferenceAuthor[] {
  return text
    .split(/\r\n?|\n/)
    .map(parseAuthorLine)
    .filter((a): a is ReferenceAuthor => a !== null);
}

/** The inverse of parseAuthorLines: every author reads back as the same author. */
export function formatAuthorLine(author: ReferenceAuthor): string {
  if (author.literal !== undefined) {
    const literal = author.literal;
    const readsAsPerson = literal.includes(",") || VANCOUVER_NAME.test(literal) || /^\{.*\}$/.test(literal);
    return readsAsPerson ? `{${literal}}` : literal;
  }
  return author.given ? `${author.family ?? ""}, ${author.given}` : `${author.family ?? ""},`;
}

export function formatAuthorLines(authors: readonly ReferenceAuthor[]): string {
  return authors.map(formatAuthorLine).join("\n");
}

/** "Mottola MF, Davenport MH, et al" — a short byline for lists and previews. */
export function shortByline(authors: readonly ReferenceAuthor[], max = 3): string {
  const names = authors
    .slice(0, max)
    .map((a) => a.literal ?? [a.family, a.given?.replace(/[^A-Z]/g, "") || undefined].filter(Boolean).join(" "));
  return authors.length > max ? `${names.join(", ")}, et al` : names.join(", ");
}
