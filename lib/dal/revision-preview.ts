import "server-only";
import { citedKeys } from "@/lib/citations/markers";
import { referencesByCitekey } from "@/lib/dal/citation-picker";
import { renderFormattedWording, wordingReferences, type WordingReference } from "@/lib/rendered-wording";
import { analyzeReadability, type Readability } from "@/lib/readability";

export type WordingPreview = {
  /** Sanitised HTML from the reader's renderer. */
  html: string;
  references: WordingReference[];
  unknownCitekeys: { key: string; line: number; column: number }[];
  readability: Readability;
};

/**
 * One wording as the reader page renders it (same renderer, same numbering, same AMA list), with
 * its readability, for the editor's live preview.
 */
export function previewWording(markdown: string): WordingPreview {
  const rendered = renderFormattedWording(markdown, referencesByCitekey(citedKeys(markdown)));
  return {
    html: rendered.html,
    references: wordingReferences(rendered),
    unknownCitekeys: rendered.unknownCitekeys,
    readability: analyzeReadability(markdown),
  };
}
