import { formatFile } from "./citation-js";
import { toCsl } from "./csl";
import type { CitableReference } from "./reference";

/**
 * Exports library references for reference managers. BibTeX is written in its BibLaTeX dialect
 * (`journaltitle`, `shortjournal`, `eprint` for the PMID, `urldate`): Zotero, JabRef and Mendeley
 * read it, and unlike classic BibTeX it keeps every field we store. Our evidence type travels as
 * CSL `genre` (BibLaTeX `entrysubtype`, RIS `M3`) so a re-import restores it.
 */
export const EXPORT_FORMATS = ["csl-json", "bibtex", "ris"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_FILE_INFO: Record<ExportFormat, { extension: string; mimeType: string }> = {
  "csl-json": { extension: "json", mimeType: "application/vnd.citationstyles.csl+json" },
  bibtex: { extension: "bib", mimeType: "application/x-bibtex" },
  ris: { extension: "ris", mimeType: "application/x-research-info-systems" },
};

export function exportReferences(refs: readonly CitableReference[], format: ExportFormat): string {
  const items = refs.map(toCsl);
  switch (format) {
    case "csl-json":
      return `${JSON.stringify(items, null, 2)}\n`;
    case "bibtex":
      return formatFile(items, "biblatex");
    case "ris":
      return formatFile(items, "ris");
  }
}
