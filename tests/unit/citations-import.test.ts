import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { detectImportFormat, importReferences, MAX_IMPORT_BYTES, type ImportEntry, type ImportResult } from "@/lib/citations/import";

const fixture = (name: string) => readFileSync(path.join(__dirname, "../fixtures/citations", name), "utf8");

function entriesOf(result: ImportResult): ImportEntry[] {
  if (!result.ok) throw new Error(`import refused: ${result.error}`);
  return result.entries;
}
const parsed = (entries: ImportEntry[]) => entries.flatMap((e) => (e.status === "parsed" ? [e] : []));
const invalid = (entries: ImportEntry[]) => entries.flatMap((e) => (e.status === "invalid" ? [e] : []));

describe("BibTeX", () => {
  const result = importReferences(fixture("postpartum.bib"));
  const entries = entriesOf(result);

  test("reads every entry, keeping the good ones around the broken ones", () => {
    expect(result).toMatchObject({ ok: true, format: "bibtex" });
    expect(entries).toHaveLength(10);
    expect(parsed(entries).map((e) => e.reference.citekey)).toEqual([
      "mottola2018",
      "sperstad2016",
      "bull2020",
      "world2020",
      "cunningham2022",
      "thabet2019",
    ]);
  });

  test("maps a journal article's fields, resolving @string abbreviations", () => {
    const mottola = parsed(entries)[0];
    expect(mottola.sourceKey).toBe("mottola_2019_2018");
    expect(mottola.reference).toMatchObject({
      type: "guideline",
      title: "2019 Canadian guideline for physical activity throughout pregnancy",
      source: "British Journal of Sports Medicine",
      sourceAbbrev: "Br J Sports Med",
      year: 2018,
      volume: "52",
      issue: "21",
      pages: "1339-1346",
      doi: "10.1136/bjsports-2018-100056",
      pmid: "30337460",
    });
    expect(mottola.reference.authors).toHaveLength(19);
    expect(mottola.reference.authors[2]).toEqual({ family: "Ruchat", given: "Stephanie-May" });
  });

  test("decodes LaTeX accents, keeps name particles and normalises a DOI given as a URL", () => {
    const [, sperstad, bull] = parsed(entries);
    expect(sperstad.reference.authors.map((a) => a.family)).toEqual(["Sperstad", "Tennfjord", "Hilde", "Ellström-Engh", "Bø"]);
    expect(sperstad.reference.type).toBe("research");
    expect(bull.reference.authors.at(-1)).toEqual({ family: "van der Ploeg", given: "Hidde P." });
    expect(bull.reference.doi).toBe("10.1136/bjsports-2020-102955");
  });

  test("an organisation in braces is one author; a report's institution is its source", () => {
    const who = parsed(entries)[3];
    expect(who.reference).toMatchObject({
      type: "guideline",
      authors: [{ literal: "World Health Organization" }],
      source: "World Health Organization",
      publisher: null,
      url: "https://www.who.int/publications/i/item/9789240015128",
      accessedAt: "2025-12-16",
    });
  });

  test("a book is a textbook whose source is its publisher", () => {
    expect(parsed(entries)[4].reference).toMatchObject({
      type: "textbook",
      title: "Williams Obstetrics",
      source: "McGraw Hill",
      year: 2022,
    });
  });

  test("broken entries carry a reason and the line they start on", () => {
    expect(invalid(entries).map((e) => [e.line, e.reason])).toEqual([
      [45, "The entry's braces do not balance (a closing brace is probably missing)"],
      [79, "Enter a DOI like 10.1136/bjsports-2018-100056"],
      [87, "The year can be at most next year"],
      [94, "Enter a title or a source"],
    ]);
    expect(invalid(entries)[0].excerpt).toMatch(/^@article\{thabet_broken_2019,/);
  });
});

describe("RIS", () => {
  const entries = entriesOf(importReferences(fixture("postpartum.ris")));

  test("reads records one by one, repairing a missing end line with a warning", () => {
    expect(entries.map((e) => e.status)).toEqual(["parsed", "parsed", "parsed", "parsed", "invalid", "parsed", "invalid"]);
    const prisma = parsed(entries)[2];
    expect(prisma.reference).toMatchObject({
      title: "The PRISMA 2020 statement: an updated guideline for reporting systematic reviews",
      pages: "n71",
    });
    expect(prisma.warnings).toEqual(["The record had no end line (ER  -); it was read up to the next record"]);
  });

  test("detects the evidence type from the title", () => {
    expect(parsed(entries).map((e) => e.reference.type)).toEqual(["guideline", "systematic_review", "guideline", "research", "other"]);
  });

  test("maps an organisation author, journal abbreviation, page range and DOI", () => {
    expect(parsed(entries)[0]).toMatchObject({
      sourceKey: "acog804",
      reference: {
        authors: [{ literal: "American College of Obstetricians and Gynecologists" }],
        source: "Obstetrics and Gynecology",
        sourceAbbrev: "Obstet Gynecol",
        pages: "e178-e188",
        // As registered: the DOI keeps its case (it is compared by its lower-case key).
        doi: "10.1097/AOG.0000000000003772",
        citekey: "american2020",
      },
    });
  });

  test("a web page keeps its site name and access date", () => {
    expect(parsed(entries)[4].reference).toMatchObject({
      source: "NHS website",
      url: "https://www.nhs.uk/pregnancy/keeping-well/exercise/",
      accessedAt: "2025-12-01",
    });
  });

  test("a malformed DOI is reported rather than silently dropped", () => {
    expect(invalid(entries).map((e) => e.reason)).toEqual(["Enter a DOI like 10.1136/bjsports-2018-100056", "Enter a title or a source"]);
  });

  test("a PubMed RIS export's accession number is the PMID", () => {
    const ris = "TY  - JOUR\nTI  - Diastasis recti abdominis\nT2  - Br J Sports Med\nPY  - 2016\nAN  - 27324871\nDB  - PubMed\nER  - \n";
    expect(parsed(entriesOf(importReferences(ris)))[0].reference.pmid).toBe("27324871");
  });
});

describe("CSL-JSON", () => {
  const entries = entriesOf(importReferences(fixture("postpartum.json")));

  test("checks each item's shape and keeps the valid ones", () => {
    expect(entries.map((e) => (e.status === "parsed" ? e.reference.citekey : e.reason))).toEqual([
      "sperstad2016",
      "world2020",
      'Could not read this entry: "author" must be a list of names',
      "Could not read this entry: the entry is not a JSON object",
      "Enter a title or a source",
      "thabet2019",
    ]);
    expect(entries.every((e) => e.line === null)).toBe(true);
  });

  test("normalises an en dash page range", () => {
    expect(parsed(entries)[2].reference.pages).toBe("62-68");
  });

  test("invalid JSON is refused with the parser's reason", () => {
    expect(importReferences('[{"title": "x",}]')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^The CSL-JSON is not valid JSON/) as string,
    });
  });
});

describe("PubMed MEDLINE (.nbib)", () => {
  const entries = entriesOf(importReferences(fixture("postpartum.nbib")));

  test("reads records, joining continuation lines and dropping MEDLINE's closing period", () => {
    expect(entries.map((e) => e.status)).toEqual(["parsed", "parsed", "parsed", "parsed", "parsed", "invalid", "invalid"]);
    expect(parsed(entries)[1].reference).toMatchObject({
      title:
        "Diastasis recti abdominis during pregnancy and 12 months after childbirth: prevalence, risk factors and report of lumbopelvic pain",
      source: "British journal of sports medicine",
      sourceAbbrev: "Br J Sports Med",
      year: 2016,
      volume: "50",
      issue: "17",
      pages: "1092-6",
      doi: "10.1136/bjsports-2016-096065",
      pmid: "27324871",
    });
  });

  test("uses full author names, initials when only AU is present", () => {
    const [mottola, , bull, , davenport] = parsed(entries);
    expect(mottola.reference.authors[0]).toEqual({ family: "Mottola", given: "Michelle F" });
    expect(bull.reference.authors.at(-1)).toEqual({ family: "van der Ploeg", given: "Hidde P" });
    expect(davenport.reference.authors.slice(0, 2)).toEqual([
      { family: "Davenport", given: "M H" },
      { family: "Ruchat", given: "S M" },
    ]);
  });

  test("publication types decide the evidence type", () => {
    expect(parsed(entries).map((e) => e.reference.type)).toEqual(["guideline", "research", "guideline", "research", "systematic_review"]);
  });

  test("a damaged record and an empty record are invalid, the rest unaffected", () => {
    expect(invalid(entries).map((e) => e.reason)).toEqual([
      'Could not read this entry: this line is not a MEDLINE field: "this line lost its tag and indentation"',
      "Enter a title or a source",
    ]);
  });
});

describe("limits and refusals", () => {
  test("input over 5 MB is refused before parsing", () => {
    const big = `@misc{a, title={${"x".repeat(MAX_IMPORT_BYTES)}}}`;
    expect(importReferences(big)).toEqual({ ok: false, error: expect.stringContaining("imports are limited to 5 MB") as string });
  });

  test("size counts UTF-8 bytes, not characters", () => {
    const justOver = "é".repeat(MAX_IMPORT_BYTES / 2 + 1);
    expect(importReferences(justOver)).toMatchObject({ ok: false, error: expect.stringContaining("5 MB") as string });
  });

  test("binary content is refused: NUL bytes or many control characters", () => {
    const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0x00, 0xff, 0xfe]);
    expect(importReferences(pdf)).toMatchObject({ ok: false, error: expect.stringContaining("binary data") as string });
    const noisy = `@misc{a, title={x}}${"\u0001\u0002\u0003".repeat(10)}`;
    expect(importReferences(noisy)).toMatchObject({ ok: false, error: expect.stringContaining("binary data") as string });
  });

  test("a file with more than 2,000 entries is refused", () => {
    const many = Array.from({ length: 2001 }, (_, i) => `@misc{k${i}, title={Entry ${i}}, year={2020}}`).join("\n");
    expect(importReferences(many)).toEqual({ ok: false, error: "The file has 2001 entries; import at most 2000 at a time." });
  });

  test("empty input and unrecognisable text are refused with guidance", () => {
    expect(importReferences("  \n ")).toEqual({ ok: false, error: "There is nothing to import." });
    expect(importReferences("Mottola MF et al. Br J Sports Med 2018")).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Could not tell the format/) as string,
    });
  });

  test("text that looks like a URL is never fetched", () => {
    expect(importReferences("https://doi.org/10.1136/bmj.n71", { format: "bibtex" })).toMatchObject({
      ok: false,
      error: "No BibTeX entries were found.",
    });
  });
});

describe("duplicates and citekeys", () => {
  test("a DOI or PMID already in the library, or repeated in the file, is refused", () => {
    const bib = fixture("postpartum.bib");
    const entries = entriesOf(
      importReferences(`${bib}\n${bib}`, { existing: { dois: ["10.1136/bjsports-2018-100056"], pmids: ["30839304"] } }),
    );
    const reasons = invalid(entries).map((e) => e.reason);
    expect(reasons).toContain("Already in the library (DOI 10.1136/bjsports-2018-100056)");
    expect(reasons).toContain("Already in the library (PMID 30839304)");
    expect(reasons).toContain("Same DOI as entry 2");
  });

  test("new citekeys avoid the library's and each other", () => {
    const bib = [
      "@article{a, author={Mottola, M}, title={One}, journal={J}, year={2018}}",
      "@article{b, author={Mottola, M}, title={Two}, journal={J}, year={2018}}",
    ].join("\n");
    const entries = parsed(entriesOf(importReferences(bib, { existing: { citekeys: ["mottola2018"] } })));
    expect(entries.map((e) => e.reference.citekey)).toEqual(["mottola2018a", "mottola2018b"]);
  });
});

describe("format detection", () => {
  test.each([
    ["@article{x, title={y}}", "bibtex"],
    ["\uFEFF  \nTY  - JOUR\nER  - ", "ris"],
    ["PMID- 30337460\nTI  - x", "nbib"],
    ['[{"type":"book"}]', "csl-json"],
    ["% comment\n@book{x, title={y}}", "bibtex"],
    ["plain prose", null],
  ])("%j is %s", (text, format) => {
    expect(detectImportFormat(text)).toBe(format);
  });
});

describe("performance", () => {
  // How fast is for `npm run bench` to judge, not a timed assertion: this checks that a
  // 1,000-entry file imports whole, and logs how long it took.
  test("1,000 BibTeX entries import, each with its own citekey", () => {
    const entry = (i: number) => `@article{entry${i},
	title = {Pelvic floor muscle training after childbirth: trial ${i}},
	author = {Mottola, Michelle F. and Davenport, Margie H. and Ellstr{\\"o}m-Engh, Marie and van der Ploeg, Hidde P.},
	journal = {British Journal of Sports Medicine}, shortjournal = {Br J Sports Med},
	year = {2018}, volume = {52}, number = {21}, pages = {1339--1346},
	doi = {10.1136/example-${i}}, pmid = {${30000000 + i}},
}`;
    const bib = Array.from({ length: 1000 }, (_, i) => entry(i)).join("\n\n");
    const started = performance.now();
    const entries = entriesOf(importReferences(bib));
    const elapsed = performance.now() - started;
    console.log(`imported 1,000 BibTeX entries (${(bib.length / 1024).toFixed(0)} KB) in ${elapsed.toFixed(0)} ms`);
    expect(parsed(entries)).toHaveLength(1000);
    expect(new Set(parsed(entries).map((e) => e.reference.citekey)).size).toBe(1000);
  });

  test.each([
    ["2,000 unclosed entries", "@misc{k,\n".repeat(2000) + "x".repeat(4_000_000)],
    ["2,000 entries on one line", Array.from({ length: 2000 }, (_, i) => `@misc{k${i}, title={T${i}}}`).join(" ") + " ".repeat(4_000_000)],
  ])("splitting stays linear on hostile BibTeX: %s", (_label, bib) => {
    const started = performance.now();
    const result = importReferences(bib);
    expect(result.ok).toBe(true);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
