import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { exportReferences, type ExportFormat } from "@/lib/citations/export";
import { importReferences, type ImportFormat } from "@/lib/citations/import";
import type { CitableReference } from "@/lib/citations/reference";

const fixture = (name: string) => readFileSync(path.join(__dirname, "../fixtures/citations", name), "utf8");

function importParsed(text: string, format?: ImportFormat): CitableReference[] {
  const result = importReferences(text, { format });
  if (!result.ok) throw new Error(result.error);
  return result.entries.flatMap((e) => (e.status === "parsed" ? [e.reference] : []));
}

/** A library as imported from the fixtures: journal articles, guidelines, a book, a web page (no duplicates). */
const library: CitableReference[] = [...importParsed(fixture("postpartum.bib")), ...importParsed(fixture("postpartum.ris"))];

const importFormatOf: Record<ExportFormat, ImportFormat> = { "csl-json": "csl-json", bibtex: "bibtex", ris: "ris" };

describe("round trip: export then import gives back the same references", () => {
  test.each(["csl-json", "bibtex", "ris"] as const)("%s", (format) => {
    const exported = exportReferences(library, format);
    const reimported = importParsed(exported, importFormatOf[format]);
    // Citekeys are regenerated on import; everything else must survive.
    const withoutKey = ({ citekey: _key, ...fields }: CitableReference) => fields;
    expect(reimported.map(withoutKey)).toEqual(library.map(withoutKey));
  });
});

describe("exported text", () => {
  const [mottola] = library;

  test("BibTeX uses the citekey and keeps the short journal title, PMID and evidence type", () => {
    const bib = exportReferences([mottola], "bibtex");
    expect(bib).toMatch(/^@article\{mottola2018,/);
    expect(bib).toContain("shortjournal = {Br J Sports Med}");
    expect(bib).toContain("eprint = {30337460}");
    expect(bib).toContain("eprinttype = {pubmed}");
    expect(bib).toContain("entrysubtype = {Guideline}");
    expect(bib).toContain("pages = {1339--1346}");
  });

  test("RIS writes one record per reference with its DOI", () => {
    const ris = exportReferences(library.slice(0, 3), "ris");
    expect(ris.match(/^TY {2}- /gm)).toHaveLength(3);
    expect(ris.match(/^ER {2}- /gm)).toHaveLength(3);
    expect(ris).toContain("DO  - 10.1136/bjsports-2018-100056");
    expect(ris).toContain("M3  - Guideline");
    expect(ris).toContain("AN  - 30337460");
    // Long titles stay on one line: a wrapped value would be re-read with a space inside a word.
    expect(ris.split("\n").every((line) => line === "" || /^[A-Z][A-Z0-9] {2}- /.test(line) || line === "ER  - ")).toBe(true);
  });

  test("CSL-JSON is an array of items keyed by citekey", () => {
    const items = JSON.parse(exportReferences([mottola], "csl-json")) as unknown;
    expect(items).toEqual([
      expect.objectContaining({
        id: "mottola2018",
        "citation-key": "mottola2018",
        type: "article-journal",
        PMID: "30337460",
        genre: "Guideline",
      }),
    ]);
  });

  test("a DOI keeps its registered case in every format", () => {
    const acog = library.find((ref) => ref.doi?.toLowerCase() === "10.1097/aog.0000000000003772");
    expect(acog?.doi).toBe("10.1097/AOG.0000000000003772");
    expect(exportReferences([acog!], "bibtex")).toContain("doi = {10.1097/AOG.0000000000003772}");
    expect(exportReferences([acog!], "ris")).toContain("DO  - 10.1097/AOG.0000000000003772");
    expect(JSON.parse(exportReferences([acog!], "csl-json"))).toEqual([expect.objectContaining({ DOI: "10.1097/AOG.0000000000003772" })]);
  });

  test("an empty list exports an empty file", () => {
    expect(JSON.parse(exportReferences([], "csl-json"))).toEqual([]);
    expect(exportReferences([], "ris").trim()).toBe("");
  });
});
