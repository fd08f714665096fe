import type { ReferenceAuthor } from "./reference";

/**
 * Readable, stable citekeys such as `mottola2018`, `mottola2018a`: editors type them in
 * `[@…]` markers, so they are short, lower-case ASCII and never change once given.
 */
export const CITEKEY_PATTERN = /^[a-z0-9][a-z0-9_:.#$%&+?<>~/-]*$/i;

// Letters that Unicode decomposition does not reduce to ASCII.
const SPECIAL_LETTERS: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  ı: "i",
  ħ: "h",
  ŋ: "n",
};
const LEADING_ARTICLES = new Set(["the", "a", "an", "la", "le", "les", "el", "der", "die", "das"]);
const TITLE_STOPWORDS = new Set([...LEADING_ARTICLES, "of", "on", "in", "for", "and", "to", "with"]);
const MAX_NAME_LENGTH = 20;

export function asciiFold(text: string): string {
  return text
    .toLowerCase()
    .replace(/[ßæœøłđðþıħŋ]/g, (c) => SPECIAL_LETTERS[c] ?? c)
    .normalize("NFKD")
    .replace(/\p{M}/gu, "");
}

const wordsOf = (text: string) =>
  asciiFold(text)
    .split(/[^a-z0-9']+/)
    .map((w) => w.replace(/'/g, ""))
    .filter(Boolean);

function nameStem(authors: readonly ReferenceAuthor[], title: string | undefined): string {
  const first = authors[0];
  if (first?.family) {
    // "van der Ploeg" and "Jaramillo Garcia" keep every part: the family name is the whole string.
    const stem = wordsOf(first.family).join("");
    if (stem) return stem;
  }
  if (first?.literal) {
    const word = wordsOf(first.literal).find((w) => !LEADING_ARTICLES.has(w));
    if (word) return word;
  }
  const titleWord = title ? wordsOf(title).find((w) => w.length > 2 && !TITLE_STOPWORDS.has(w)) : undefined;
  return titleWord ?? "ref";
}

export type CitekeySource = { authors: readonly ReferenceAuthor[]; year?: number | null; title?: string };

/** `family + year` before any collision suffix; "nd" (no date) when the year is unknown. */
export function citekeyBase(ref: CitekeySource): string {
  return nameStem(ref.authors, ref.title).slice(0, MAX_NAME_LENGTH) + (ref.year ?? "nd");
}

/** a, b, …, z, aa, ab, … (bijective base 26), so suffixes never run out. */
function collisionSuffix(n: number): string {
  let suffix = "";
  for (let i = n + 1; i > 0; i = Math.floor((i - 1) / 26)) suffix = String.fromCharCode(97 + ((i - 1) % 26)) + suffix;
  return suffix;
}

/**
 * Hands out keys not in `existing` (compared case-insensitively) nor given before: the base if
 * free, else the base with the first free letter suffix. One allocator per batch keeps an
 * import of many entries linear.
 */
export function createCitekeyAllocator(existing: Iterable<string>): (ref: CitekeySource) => string {
  const taken = new Set<string>();
  for (const key of existing) taken.add(key.toLowerCase());
  // Where the suffix search for each base resumes: taken keys stay taken, so earlier ones need no re-check.
  const nextSuffix = new Map<string, number>();
  return (ref) => {
    const base = citekeyBase(ref);
    let key = base;
    if (taken.has(key)) {
      let n = nextSuffix.get(base) ?? 0;
      do {
        key = base + collisionSuffix(n);
        n++;
      } while (taken.has(key));
      nextSuffix.set(base, n);
    }
    taken.add(key);
    return key;
  };
}

export function generateCitekey(ref: CitekeySource, existing: Iterable<string>): string {
  return createCitekeyAllocator(existing)(ref);
}
