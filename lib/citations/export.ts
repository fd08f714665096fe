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

const RIS_TAG_LINE = /^[A-Z][A-Z0-9] {2}-/;

/**
 * citation-js writes RIS with values hard-wrapped every 70 characters and no continuation marker,
 * which readers (itself included) join with a space ("childbi rth"); it also leaves out the PMID
 * and a web page's site name. Records are unwrapped and completed here.
 */
function risRecord(ref: CitableReference): string {
  const lines: string[] = [];
  for (const line of formatFile([toCsl(ref)], "ris").split("\n")) {
    if (RIS_TAG_LINE.test(line) || lines.length === 0) lines.push(line);
    else lines[lines.length - 1] += line;
  }
  const body = lines.filter((line) => line.trim() !== "" && !/^ER {2}-/.test(line));
  if (ref.pmid) body.push(`AN  - ${ref.pmid}`, "DB  - PubMed");
  if (body[0] === "TY  - ELEC" && ref.source && !body.some((line) => line.startsWith("T2  - "))) body.push(`T2  - ${ref.source}`);
  return [...body, "ER  - "].join("\n");
}

export function exportReferences(refs: readonly CitableReference[], format: ExportFormat): string {
  switch (format) {
    case "csl-json":
      return `${JSON.stringify(refs.map(toCsl), null, 2)}\n`;
    case "bibtex":
      return formatFile(refs.map(toCsl), "biblatex");
    case "ris":
      return refs.map((ref) => `${risRecord(ref)}\n`).join("\n");
  }
}
