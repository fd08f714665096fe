import { asciiFold } from "@/lib/citations/citekey";

/**
 * URL slugs for articles (/articles/<slug>): lower-case ASCII words joined by hyphens, taken from
 * the question. A slug is part of the public address, so it is only editable until first publication.
 */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_SLUG_LENGTH = 80;

// Short function words make slugs long without making them easier to recognise.
const STOPWORDS = new Set([
  "a",
  "an",
  "the",
  "of",
  "to",
  "in",
  "on",
  "for",
  "and",
  "or",
  "is",
  "are",
  "do",
  "does",
  "can",
  "what",
  "how",
  "my",
  "i",
]);

export function slugify(text: string, maxLength = MAX_SLUG_LENGTH): string {
  const words = asciiFold(text)
    .replace(/['’]/g, "")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const meaningful = words.filter((w) => !STOPWORDS.has(w));
  const chosen = meaningful.length >= 2 ? meaningful : words;
  let slug = "";
  for (const word of chosen) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxLength) break;
    slug = next;
  }
  // A single word longer than the limit is cut rather than dropped.
  if (!slug && chosen[0]) slug = chosen[0].slice(0, maxLength);
  return slug || "article";
}

/** The slug, or the slug with the first free "-2", "-3"… suffix, given the slugs already taken. */
export function uniqueSlug(base: string, isTaken: (slug: string) => boolean): string {
  if (!isTaken(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = base.slice(0, MAX_SLUG_LENGTH - suffix.length).replace(/-+$/, "") + suffix;
    if (!isTaken(candidate)) return candidate;
  }
}
