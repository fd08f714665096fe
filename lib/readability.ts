import { syllable } from "syllable";
import { markdownToPlainText } from "@/lib/markdown";

/**
 * Readability of a wording, for the patient-wording target (grade 8 by default). Computed on the
 * plain text (no Markdown syntax, no citation markers), with the published formulas:
 * - Flesch-Kincaid grade (Kincaid et al., 1975): 0.39·(words/sentences) + 11.8·(syllables/words) − 15.59
 * - Flesch Reading Ease (Flesch, 1948): 206.835 − 1.015·(words/sentences) − 84.6·(syllables/words)
 * - SMOG grade (McLaughlin, 1969): 1.0430·√(polysyllables·30/sentences) + 3.1291
 * SMOG was calibrated on 30-sentence samples; shorter texts are scaled to 30 sentences as above.
 */

export type ReadabilityCounts = {
  words: number;
  sentences: number;
  syllables: number;
  /** Words of three or more syllables (SMOG). */
  polysyllables: number;
};

export type SentenceLength = { text: string; words: number };

export type Readability = ReadabilityCounts & {
  /** Null while the text has no words. */
  fleschKincaidGrade: number | null;
  fleschReadingEase: number | null;
  smogGrade: number | null;
  /** Up to three, longest first; the first of equally long ones first. */
  longestSentences: SentenceLength[];
};

export const fleschKincaidGrade = ({ words, sentences, syllables }: ReadabilityCounts) =>
  0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59;

export const fleschReadingEase = ({ words, sentences, syllables }: ReadabilityCounts) =>
  206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words);

export const smogGrade = ({ sentences, polysyllables }: ReadabilityCounts) => 1.043 * Math.sqrt(polysyllables * (30 / sentences)) + 3.1291;

// A full stop after these is not the end of a sentence ("e.g. walking", "Dr. Smith", "et al. found").
const ABBREVIATIONS = new Set(["e.g.", "i.e.", "vs.", "cf.", "al.", "dr.", "mr.", "mrs.", "ms.", "prof.", "approx.", "fig.", "no.", "st."]);
const SENTENCE_END = /[.!?]+["'”’)\]]*(?=\s|$)/g;
const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;
const HAS_WORD = /[\p{L}\p{N}]/u;

/** Whether the "." ending at `stop` closes an abbreviation rather than a sentence. */
function isAbbreviation(text: string, stop: number): boolean {
  let from = stop;
  while (from > 0 && !/\s/.test(text[from - 1])) from--;
  const token = text.slice(from, stop);
  // "(e.g." and single initials such as the "F." in "Michelle F. Mottola".
  const bare = token.replace(/^[("'“‘[]+/, "");
  return ABBREVIATIONS.has(bare.toLowerCase()) || /^\p{Lu}\.$/u.test(bare);
}

/** Sentences of a plain text; blank lines (block boundaries) always end a sentence. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  for (const block of text.split(/\n\s*\n/)) {
    let start = 0;
    for (const m of block.matchAll(SENTENCE_END)) {
      const stop = m.index + m[0].length;
      if (m[0] === "." && isAbbreviation(block, stop)) continue;
      sentences.push(block.slice(start, stop));
      start = stop;
    }
    sentences.push(block.slice(start));
  }
  return sentences.map((s) => s.replace(/\s+/g, " ").trim()).filter((s) => HAS_WORD.test(s));
}

export const wordsOf = (text: string): string[] => text.match(WORD) ?? [];

/** Numerals have no spelling to count; each counts as a one-syllable word. */
export const syllablesOf = (word: string): number => Math.max(1, syllable(word));

export function analyzePlainText(text: string): Readability {
  const sentences = splitSentences(text);
  const counts: ReadabilityCounts = { words: 0, sentences: sentences.length, syllables: 0, polysyllables: 0 };
  const lengths: SentenceLength[] = sentences.map((sentence) => {
    const words = wordsOf(sentence);
    for (const word of words) {
      const n = syllablesOf(word);
      counts.syllables += n;
      if (n >= 3) counts.polysyllables++;
    }
    counts.words += words.length;
    return { text: sentence, words: words.length };
  });
  const hasText = counts.words > 0;
  return {
    ...counts,
    fleschKincaidGrade: hasText ? fleschKincaidGrade(counts) : null,
    fleschReadingEase: hasText ? fleschReadingEase(counts) : null,
    smogGrade: hasText ? smogGrade(counts) : null,
    longestSentences: lengths
      .map((s, i) => ({ ...s, i }))
      .sort((a, b) => b.words - a.words || a.i - b.i)
      .slice(0, 3)
      .map(({ text: sentence, words }) => ({ text: sentence, words })),
  };
}

/** Readability of a Markdown wording (syntax and citation markers excluded). */
export function analyzeReadability(markdown: string): Readability {
  return analyzePlainText(markdownToPlainText(markdown));
}
