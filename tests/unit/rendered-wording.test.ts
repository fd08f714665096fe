import { describe, expect, it } from "vitest";
import { formatAmaList } from "@/lib/citations/format-ama";
import { renderFormattedWording, wordingReferences } from "@/lib/rendered-wording";

const library = [
  {
    citekey: "piercy2018",
    type: "guideline" as const,
    title: "The Physical Activity Guidelines for Americans",
    authors: [{ family: "Piercy", given: "Katrina L" }],
    source: "JAMA",
    year: 2018,
    volume: "320",
    issue: "19",
    pages: "2020-2028",
    doi: "10.1001/jama.2018.14854",
    retracted: false,
  },
  {
    citekey: "bull2020",
    type: "guideline" as const,
    title: "World Health Organization 2020 guidelines on physical activity and sedentary behaviour",
    authors: [{ family: "Bull", given: "Fiona C" }],
    source: "Br J Sports Med",
    year: 2020,
    volume: "54",
    issue: "24",
    pages: "1451-1462",
    retracted: true,
  },
];

describe("a wording as readers get it", () => {
  it("numbers citations by first use and pairs each list entry with its AMA form and type label", () => {
    const rendered = renderFormattedWording("Move more [@bull2020]. At least 150 minutes [@piercy2018; @bull2020].", library);
    expect(rendered.referenceList.map((e) => [e.number, e.citekey, e.typeLabel])).toEqual([
      [1, "bull2020", "Guideline"],
      [2, "piercy2018", "Guideline"],
    ]);
    const expected = formatAmaList([library[1], library[0]]);
    expect(rendered.referenceList.map((e) => e.ama)).toEqual(expected);
    expect(rendered.referenceList[0].reference.retracted).toBe(true);
    expect(rendered.html).toContain('href="#ref-1"');
  });

  it("lists only what this wording cites and reports unknown keys", () => {
    const rendered = renderFormattedWording("Nothing known here [@nobody1999].", library);
    expect(rendered.referenceList).toEqual([]);
    expect(rendered.unknownCitekeys.map((u) => u.key)).toEqual(["nobody1999"]);
  });

  it("gives the staff pages each entry's number, anchor, type label, AMA html, retraction and notice", () => {
    const withNotice = library.map((ref) =>
      ref.citekey === "piercy2018" ? { ...ref, noticeKind: "expression_of_concern" as const } : ref,
    );
    const rendered = renderFormattedWording("Move more [@bull2020]. At least 150 minutes [@piercy2018].", withNotice);
    const ama = formatAmaList([library[1], library[0]]);
    expect(wordingReferences(rendered)).toEqual([
      {
        number: 1,
        citekey: "bull2020",
        anchorId: rendered.referenceList[0].anchorId,
        typeLabel: "Guideline",
        html: ama[0].html,
        retracted: true,
        notice: null,
      },
      {
        number: 2,
        citekey: "piercy2018",
        anchorId: rendered.referenceList[1].anchorId,
        typeLabel: "Guideline",
        html: ama[1].html,
        retracted: false,
        notice: "Expression of concern",
      },
    ]);
    expect(rendered.html).toContain(`href="#${rendered.referenceList[0].anchorId}"`);
  });
});
