import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { asciiFold, CITEKEY_PATTERN, citekeyBase, createCitekeyAllocator, generateCitekey } from "@/lib/citations/citekey";
import { parseCitationMarkers } from "@/lib/citations/markers";

describe("citekeyBase", () => {
  test.each([
    ["a person's family name and the year", [{ family: "Mottola", given: "Michelle F." }], 2018, "mottola2018"],
    ["accents folded to ASCII", [{ family: "Ellström-Engh", given: "Marie" }], 2016, "ellstromengh2016"],
    ["letters without a decomposition", [{ family: "Bø", given: "Kari" }], 2015, "bo2015"],
    ["particles kept with the name", [{ family: "van der Ploeg", given: "Hidde P." }], 2020, "vanderploeg2020"],
    ["an apostrophe dropped", [{ family: "O'Brien", given: "Kate" }], 2021, "obrien2021"],
    ["an organisation's first word", [{ literal: "World Health Organization" }], 2020, "world2020"],
    ["an organisation's leading article skipped", [{ literal: "The Royal College of Midwives" }], 2019, "royal2019"],
    ["no year", [{ family: "Smith" }], null, "smithnd"],
  ])("%s", (_label, authors, year, expected) => {
    expect(citekeyBase({ authors, year })).toBe(expected);
  });

  test("without authors the first significant title word stands in", () => {
    expect(citekeyBase({ authors: [], year: 2023, title: "The physical activity guidelines for Americans" })).toBe("physical2023");
    expect(citekeyBase({ authors: [{ family: "李" }], year: 2020, title: "" })).toBe("ref2020");
  });

  test("asciiFold lower-cases and strips diacritics", () => {
    expect(asciiFold("Ærø Łódź Straße Ñandú")).toBe("aero lodz strasse nandu");
  });
});

describe("generateCitekey", () => {
  const mottola = { authors: [{ family: "Mottola", given: "Michelle F." }], year: 2018 };

  test("returns the base when it is free", () => {
    expect(generateCitekey(mottola, ["davenport2018"])).toBe("mottola2018");
  });

  test("adds a, b, c… on collision, compared case-insensitively", () => {
    expect(generateCitekey(mottola, ["mottola2018"])).toBe("mottola2018a");
    expect(generateCitekey(mottola, ["Mottola2018", "mottola2018a"])).toBe("mottola2018b");
  });

  test("suffixes continue after z with aa, ab…", () => {
    const taken = ["mottola2018", ..."abcdefghijklmnopqrstuvwxyz".split("").map((c) => `mottola2018${c}`)];
    expect(generateCitekey(mottola, taken)).toBe("mottola2018aa");
  });

  test("an allocator never hands out the same key twice", () => {
    const allocate = createCitekeyAllocator(["mottola2018"]);
    expect([allocate(mottola), allocate(mottola), allocate({ ...mottola, year: 2019 })]).toEqual([
      "mottola2018a",
      "mottola2018b",
      "mottola2019",
    ]);
  });

  test("every generated key is a valid citekey that a marker can cite (property)", () => {
    const author = fc.oneof(
      fc.record({ family: fc.string({ unit: "grapheme", maxLength: 30 }), given: fc.string({ maxLength: 10 }) }),
      fc.record({ literal: fc.string({ unit: "grapheme", maxLength: 40 }) }),
    );
    fc.assert(
      fc.property(
        fc.array(author, { maxLength: 3 }),
        fc.option(fc.integer({ min: 1800, max: 2100 })),
        fc.string({ maxLength: 40 }),
        (authors, year, title) => {
          const key = generateCitekey({ authors, year, title }, []);
          expect(key).toMatch(CITEKEY_PATTERN);
          expect(key).toMatch(/^[a-z0-9]+$/);
          expect(parseCitationMarkers(`See [@${key}].`)[0]?.keys).toEqual([key]);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
