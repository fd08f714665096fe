import "server-only";
import { citedKeys } from "@/lib/citations/markers";
import { referencesByCitekey } from "@/lib/dal/citation-picker";
import { renderFormattedWording } from "@/lib/rendered-wording";
import { analyzeReadability, type Readability } from "@/lib/readability";

export type PreviewReference = {
  number: number;
  citekey: string;
  anchorId: string;
  typeLabel: string;
  /** AMA entry, safe HTML (see format-ama.ts). */
  html: string;
  retracted: boolean;
};

export type WordingPreview = {
  /** Sanitised HTML from the reader's renderer. */
  html: string;
  references: PreviewReference[];
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
    references: rendered.referenceList.map((entry) => ({
      number: entry.number,
      citekey: entry.citekey,
      anchorId: entry.anchorId,
      typeLabel: entry.typeLabel,
      html: entry.ama.html,
      retracted: entry.reference.retracted,
    })),
    unknownCitekeys: rendered.unknownCitekeys,
    readability: analyzeReadability(markdown),
  };
}
