import "server-only";
import { citedKeys } from "@/lib/citations/markers";
import { formatAmaList } from "@/lib/citations/format-ama";
import { REFERENCE_TYPE_LABELS } from "@/lib/citations/reference";
import { referencesByCitekey } from "@/lib/dal/citation-picker";
import { renderWording } from "@/lib/markdown";
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
  const refs = referencesByCitekey(citedKeys(markdown));
  const rendered = renderWording(markdown, refs);
  const entries = formatAmaList(rendered.referenceList.map((e) => e.reference));
  return {
    html: rendered.html,
    references: rendered.referenceList.map((entry, i) => ({
      number: entry.number,
      citekey: entry.citekey,
      anchorId: entry.anchorId,
      typeLabel: REFERENCE_TYPE_LABELS[entry.reference.type],
      html: entries[i]?.html ?? "",
      retracted: entry.reference.retracted,
    })),
    unknownCitekeys: rendered.unknownCitekeys,
    readability: analyzeReadability(markdown),
  };
}
