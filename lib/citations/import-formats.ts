/**
 * Import formats and limits, apart from the importer itself so the import page's client code can
 * name them without pulling citation-js into the browser bundle.
 */
export const IMPORT_FORMATS = ["bibtex", "ris", "csl-json", "nbib"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const IMPORT_FORMAT_LABELS: Record<ImportFormat, string> = {
  bibtex: "BibTeX",
  ris: "RIS",
  "csl-json": "CSL-JSON",
  nbib: "PubMed (MEDLINE .nbib)",
};

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ENTRIES = 2000;
