import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { importReferences, type ImportEntry } from "@/lib/citations/import";
import { cslSignals, integrityVerdict, noteSignals, titleSignals } from "@/lib/citations/integrity";

const fixture = (name: string) => readFileSync(path.join(__dirname, "../fixtures/citations", name), "utf8");

type Parsed = Extract<ImportEntry, { status: "parsed" }>;
function parsedOf(name: string): Parsed[] {
  const result = importReferences(fixture(name));
  if (!result.ok) throw new Error(result.error);
  return result.entries.map((e) => {
    if (e.status !== "parsed") throw new Error(`entry ${e.index} not parsed: ${e.reason}`);
    return e;
  });
}
/** What each entry becomes: retracted, a notice of a kind, or unchanged. */
const verdicts = (entries: Parsed[]) =>
  entries.map((e) => (e.integrity.status === "notice" ? `notice:${e.integrity.kind}` : e.integrity.status));

describe("MEDLINE (.nbib)", () => {
  const entries = parsedOf("integrity.nbib");

  test("flags exactly the retracted paper and the corrected one", () => {
    expect(verdicts(entries)).toEqual(["retracted", "notice:correction", "none", "none"]);
  });

  test("the retraction note quotes the RIN line, not the bare publication type", () => {
    expect(entries[0].integrity).toEqual({
      status: "retracted",
      note: "Retracted, per the record's own metadata (MEDLINE RIN): “Retraction in: Lancet. 2010 Feb 6;375(9713):445. doi: 10.1016/S0140-6736(10)60175-4. PMID: 20137807”",
    });
    expect(entries[0].signals.map((s) => `${s.kind} ${s.field}`)).toEqual([
      "retraction MEDLINE PT",
      "comment MEDLINE CIN",
      "retraction MEDLINE PRIN",
      "retraction MEDLINE RIN",
    ]);
    expect(entries[0].reference).toMatchObject({ pmid: "9500320", sourceAbbrev: "Lancet", doi: "10.1016/s0140-6736(97)11096-0" });
  });

  test("an erratum becomes a correction notice quoting the EIN line", () => {
    expect(entries[1].integrity).toMatchObject({ status: "notice", kind: "correction" });
    expect(entries[1].integrity.status === "notice" && entries[1].integrity.note).toContain(
      "Erratum in: N Engl J Med. 2017 Dec 21;377(25):2506",
    );
  });

  test("the retraction notice itself is recognised as a notice record, and is not marked retracted", () => {
    expect(entries[2].signals).toEqual([
      { kind: "is_notice", field: "MEDLINE PT", evidence: "Publication type: Retraction of Publication" },
      expect.objectContaining({ kind: "is_notice", field: "MEDLINE ROF" }),
    ]);
  });

  test("a comment is shown, never acted on", () => {
    expect(entries[3].signals.map((s) => s.kind)).toEqual(["comment"]);
  });
});

describe("BibTeX", () => {
  const entries = parsedOf("integrity.bib");

  test("flags the retraction note, the RETRACTED: title and the erratum addendum; a comment and a title about retractions stay plain", () => {
    expect(entries.map((e) => e.reference.citekey)).toEqual(["wakefield1998", "mehra2020", "sprint2015", "mottola2018", "steen2011"]);
    expect(verdicts(entries)).toEqual(["retracted", "retracted", "notice:correction", "none", "none"]);
  });

  test("says where it read the retraction, in the record's words", () => {
    expect(entries[0].integrity).toEqual({
      status: "retracted",
      note: "Retracted, per the record's own metadata (BibTeX note): “Retracted in: Lancet. 2010;375(9713):445”",
    });
    expect(entries[1].signals.map((s) => `${s.kind} ${s.field}`)).toEqual(["retraction title"]);
    expect(entries[1].signals[0].evidence).toMatch(/^RETRACTED: Hydroxychloroquine/);
    expect(entries[2].signals).toEqual([
      { kind: "correction", field: "BibTeX note", evidence: "Erratum in: N Engl J Med. 2017;377(25):2506" },
    ]);
  });

  test("the journal abbreviation and the DOI's registered case come through", () => {
    expect(entries[0].reference).toMatchObject({ sourceAbbrev: "Lancet", doi: "10.1016/S0140-6736(97)11096-0" });
  });
});

describe("RIS", () => {
  test("N1 notes: a retraction and an erratum; the unrelated record stays plain", () => {
    const entries = parsedOf("integrity.ris");
    expect(verdicts(entries)).toEqual(["retracted", "notice:correction", "none"]);
    expect(entries[0].integrity.status === "retracted" && entries[0].integrity.note).toMatch(
      /^Retracted, per the record's own metadata \(RIS N1\)/,
    );
  });
});

describe("CSL-JSON (Crossref)", () => {
  const entries = parsedOf("integrity.json");

  test("updated-by: a retraction outweighs an expression of concern; a correction is a notice; update-to marks a notice record", () => {
    expect(verdicts(entries)).toEqual(["retracted", "none", "notice:correction", "none"]);
  });

  test("the retraction is described by its notice's DOI and date", () => {
    expect(entries[0].integrity.status === "retracted" && entries[0].integrity.note).toContain(
      "Retraction in doi:10.1016/S0140-6736(20)31324-6 (2020-6-5)",
    );
    expect(entries[1].signals).toEqual([
      { kind: "is_notice", field: "CSL-JSON update-to", evidence: "Retraction of doi:10.1056/NEJMoa2007621 (2020-6-4)" },
    ]);
  });

  test("update-to about the record's own DOI (retracted in place) and relation entries count for the work", () => {
    const own = cslSignals({ DOI: "10.1/x", "update-to": [{ DOI: "10.1/X", type: "retraction" }] }, "CSL-JSON");
    expect(integrityVerdict(own).status).toBe("retracted");
    const relation = cslSignals(
      { relation: { "is-retracted-by": [{ id: "10.1/y", "id-type": "doi" }], "has-expression-of-concern": "10.1/z" } },
      "CSL-JSON",
    );
    expect(relation.map((s) => s.kind)).toEqual(["retraction", "expression_of_concern"]);
    expect(cslSignals({ relation: { "is-retraction-of": [{ id: "10.1/w" }] } }, "CSL-JSON").map((s) => s.kind)).toEqual(["is_notice"]);
  });
});

describe("free text", () => {
  test.each([
    ["Retracted in: Lancet. 2010;375(9713):445", "retraction"],
    ["This article has been withdrawn at the request of the authors.", "retraction"],
    ["Expression of concern in: Lancet. 2020;395(10240):e102", "expression_of_concern"],
    ["Erratum in: JAMA. 2019;321(2):210", "correction"],
    ["Retraction of: Lancet. 1998;351(9103):637-41", "is_notice"],
  ])("%s → %s", (note, kind) => {
    expect(noteSignals("note", note).map((s) => s.kind)).toEqual([kind]);
  });

  test.each(["Comment in: BMJ. 2019;364:l123", "Has not been retracted; see the editors' note", "Read 2024-01-05", ""])(
    "%j → nothing",
    (note) => {
      expect(noteSignals("note", note)).toEqual([]);
    },
  );

  test("title prefixes: RETRACTED, Retracted, RETRACTED ARTICLE, WITHDRAWN; a title about retractions is not one", () => {
    for (const title of ["RETRACTED: A trial", "Retracted: a trial", "RETRACTED ARTICLE: A trial", "WITHDRAWN: Exercise for back pain"]) {
      expect(titleSignals(title)).toHaveLength(1);
    }
    expect(titleSignals("Retractions in the scientific literature")).toEqual([]);
    expect(titleSignals("Retraction--Ileal-lymphoid-nodular hyperplasia")).toEqual([]);
  });
});
