import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { formatCitationNumbers, numberCitations, numberRuns } from "@/lib/citations/numbering";

describe("numberCitations", () => {
  test("numbers by first appearance and reuses a number for a repeated citation", () => {
    const numbering = numberCitations("A [@mottola2018]. B [@thabet2019; @mottola2018]. C [@bo2015]. D [@thabet2019].");
    expect(numbering.order).toEqual(["mottola2018", "thabet2019", "bo2015"]);
    expect(numbering.markers.map((m) => m.numbers)).toEqual([[1], [1, 2], [3], [2]]);
    expect(numbering.markers.map((m) => m.label)).toEqual(["1", "1,2", "3", "2"]);
  });

  test("labels groups with commas and runs of three or more with a hyphen", () => {
    const numbering = numberCitations("[@a] [@b] [@c] [@e] [@d] [@a; @b; @c; @e] [@e; @d; @c; @b; @a]");
    expect(numbering.markers.slice(5).map((m) => m.label)).toEqual(["1-4", "1-5"]);
  });

  test("a key cited twice in one marker counts once", () => {
    expect(numberCitations("[@a; @a]").markers[0].numbers).toEqual([1]);
  });

  test("unknown keys are reported where they are written and take no number", () => {
    const md = "Walk [@mottola2018].\n\nStretch [@typo2019; @thabet2019] and [@typo2019].";
    const numbering = numberCitations(md, ["mottola2018", "thabet2019"]);
    expect(numbering.order).toEqual(["mottola2018", "thabet2019"]);
    expect(numbering.unknown).toEqual([
      { key: "typo2019", line: 3, column: 10 },
      { key: "typo2019", line: 3, column: 39 },
    ]);
    expect(numbering.markers[1]).toMatchObject({ numbers: [2], unknownKeys: ["typo2019"], label: "2" });
    expect(numbering.markers[2]).toMatchObject({ numbers: [], unknownKeys: ["typo2019"], label: "" });
  });

  test("without a set of known keys every key is numbered", () => {
    expect(numberCitations("[@x] [@y]").unknown).toEqual([]);
    expect(numberCitations("[@x] [@y]").order).toEqual(["x", "y"]);
  });

  test("text without markers numbers nothing", () => {
    expect(numberCitations("No citations here.")).toMatchObject({ order: [], markers: [], unknown: [] });
  });
});

describe("formatCitationNumbers", () => {
  test.each([
    [[1, 2, 3, 5], "1-3,5"],
    [[1, 2], "1,2"],
    [[3, 1, 2], "1-3"],
    [[1, 2, 4, 5, 6, 8], "1,2,4-6,8"],
    [[2, 2, 1], "1,2"],
    [[7], "7"],
    [[], ""],
  ])("%j → %s", (numbers, label) => {
    expect(formatCitationNumbers(numbers)).toBe(label);
  });

  test("expanding a label gives back the distinct numbers (property)", () => {
    const expand = (label: string) =>
      label === ""
        ? []
        : label.split(",").flatMap((part) => {
            const [first, last] = part.split("-").map(Number);
            return Array.from({ length: (last ?? first) - first + 1 }, (_, i) => first + i);
          });
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 60 }), { maxLength: 30 }), (numbers) => {
        const distinct = [...new Set(numbers)].sort((a, b) => a - b);
        expect(expand(formatCitationNumbers(numbers))).toEqual(distinct);
        expect(numberRuns(numbers).every((run, i, runs) => i === 0 || run.first > runs[i - 1].last + 1)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("numbering properties", () => {
  const key = fc.constantFrom("mottola2018", "thabet2019", "bo2015", "sperstad2016", "who2020", "page2021", "bull2020", "acog2020");
  const wording = fc.array(
    fc.record({
      keys: fc.array(key, { minLength: 1, maxLength: 4 }),
      prose: fc.constantFrom("Walk daily.", "Core work helps", "- bullet", "Rest.\n\n"),
    }),
    { maxLength: 25 },
  );
  const toMarkdown = (parts: Array<{ keys: string[]; prose: string }>) =>
    parts.map(({ keys, prose }) => `${prose} [${keys.map((k) => `@${k}`).join("; ")}]`).join("\n");

  test("numbers are 1..n without gaps, first appearances ascend, and each key maps to exactly one entry", () => {
    fc.assert(
      fc.property(wording, fc.subarray(["mottola2018", "thabet2019", "bo2015", "sperstad2016", "who2020"]), (parts, known) => {
        const numbering = numberCitations(toMarkdown(parts), known);
        const n = numbering.order.length;
        const used = new Set(numbering.markers.flatMap((m) => m.numbers));
        expect([...used].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i + 1));

        const firstSeen: number[] = [];
        for (const m of numbering.markers) for (const x of m.numbers) if (!firstSeen.includes(x)) firstSeen.push(x);
        expect(firstSeen).toEqual(Array.from({ length: n }, (_, i) => i + 1));

        expect(new Set(numbering.order).size).toBe(n);
        numbering.markers.forEach((m, i) => {
          const knownKeys = parts[i].keys.filter((k) => known.includes(k));
          for (const k of knownKeys) expect(numbering.order.filter((o) => o === k)).toHaveLength(1);
          expect(m.numbers).toEqual([...new Set(knownKeys.map((k) => numbering.order.indexOf(k) + 1))].sort((a, b) => a - b));
          expect(m.unknownKeys).toEqual([...new Set(parts[i].keys.filter((k) => !known.includes(k)))]);
        });
      }),
      { numRuns: 1000 },
    );
  }, 60_000);
});
