import { diffWords, type DiffSegment } from "@/lib/diff";

/**
 * Verifies an editor's claim that a change is minor (issue 17), against the live revision: at most
 * `maxChangedWords` changed words across the question and both wordings, no citation marker or
 * cited reference changed, no number changed, the disclosure unchanged. Pure: the DAL passes both
 * texts and whether the cited references' data changed since the live revision was signed.
 */

export type ClassedContent = { question: string; clinicianBody: string; patientBody: string; disclosure: string };

export type MinorVerdict = { ok: true; changedWords: number } | { ok: false; reason: string };

const FIELDS = [
  ["question", "the question"],
  ["clinicianBody", "the clinician wording"],
  ["patientBody", "the patient wording"],
] as const;

const MARKER = /\[@[^\]]*\]/g;
const DIGITS = /\d+(?:[.,]\d+)*/g;
/** Spelled numbers change a dose or a count as surely as digits do. */
const NUMBER_WORDS = new Set(
  (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen " +
    "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion dozen " +
    "half quarter once twice thrice double triple first second third fourth fifth"
  ).split(" "),
);
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

const words = (text: string) => text.match(WORD) ?? [];
const numbersIn = (text: string) => [
  ...(text.match(DIGITS) ?? []),
  ...words(text)
    .map((w) => w.toLowerCase())
    .filter((w) => NUMBER_WORDS.has(w)),
];
const normalise = (s: string) => s.replace(/\r\n?/g, "\n");

/** The changed hunks of a word diff: what was removed and what was put in its place. */
function hunks(segments: readonly DiffSegment[]): { removed: string; added: string }[] {
  const out: { removed: string; added: string }[] = [];
  let current: { removed: string; added: string } | null = null;
  for (const segment of segments) {
    if (segment.type === "equal") {
      // Whitespace between two changes keeps them one hunk ("a b" → "c d" is one replacement).
      if (current && segment.text.trim() === "") continue;
      if (current) out.push(current);
      current = null;
      continue;
    }
    current ??= { removed: "", added: "" };
    if (segment.type === "delete") current.removed += segment.text;
    else current.added += segment.text;
  }
  if (current) out.push(current);
  return out;
}

function citationChange(before: string, after: string, where: string): string | null {
  const a = (before.match(MARKER) ?? []).map((m) => m.replace(/\s+/g, ""));
  const b = (after.match(MARKER) ?? []).map((m) => m.replace(/\s+/g, ""));
  if (a.join("\n") === b.join("\n")) return null;
  const removed = a.find((m) => !b.includes(m));
  const added = b.find((m) => !a.includes(m));
  if (removed && added) return `changes a citation: ${removed} → ${added} (in ${where})`;
  if (removed) return `removes a citation: ${removed} (in ${where})`;
  if (added) return `adds a citation: ${added} (in ${where})`;
  return `reorders the citations in ${where}`;
}

function numberChange(hunk: { removed: string; added: string }, where: string): string | null {
  const removed = numbersIn(hunk.removed);
  const added = numbersIn(hunk.added);
  if (removed.length === 0 && added.length === 0) return null;
  if (removed.length && added.length) return `changes a number: ${removed.join(" ")} → ${added.join(" ")} (in ${where})`;
  if (removed.length) return `removes a number: ${removed.join(" ")} (in ${where})`;
  return `adds a number: ${added.join(" ")} (in ${where})`;
}

/** Words changed by a hunk: a replacement counts its longer side, so "teh" → "the" is one word. */
const hunkWords = (hunk: { removed: string; added: string }) => Math.max(words(hunk.removed).length, words(hunk.added).length);

export function verifyMinorChange(
  live: ClassedContent,
  next: ClassedContent,
  options: { maxChangedWords: number; citedReferencesChanged?: boolean },
): MinorVerdict {
  if (normalise(live.disclosure).trim() !== normalise(next.disclosure).trim()) {
    return { ok: false, reason: "changes the disclosure" };
  }
  if (options.citedReferencesChanged) {
    return { ok: false, reason: "a cited reference's details changed since the live version was approved" };
  }
  let changedWords = 0;
  for (const [field, where] of FIELDS) {
    const before = normalise(live[field]);
    const after = normalise(next[field]);
    if (before === after) continue;
    const citation = citationChange(before, after, where);
    if (citation) return { ok: false, reason: citation };
    for (const hunk of hunks(diffWords(before, after))) {
      const number = numberChange(hunk, where);
      if (number) return { ok: false, reason: number };
      changedWords += hunkWords(hunk);
    }
  }
  if (changedWords > options.maxChangedWords) {
    return {
      ok: false,
      reason: `changes ${changedWords} words; a minor change may change at most ${options.maxChangedWords}`,
    };
  }
  return { ok: true, changedWords };
}
