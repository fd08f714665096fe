import { describe, expect, test } from "vitest";
import { REFERENCE_TYPES as SCHEMA_REFERENCE_TYPES } from "@/db/schema";
import { REFERENCE_TYPES } from "@/lib/citations/reference";
import { referenceSchema, type ReferenceInput } from "@/lib/validations/reference";

const valid: ReferenceInput = {
  type: "research",
  title: "Diastasis recti abdominis during pregnancy and 12 months after childbirth",
  authors: [{ family: "Sperstad", given: "Jorun Bakken" }, { literal: "Norwegian School of Sport Sciences" }],
  source: "British Journal of Sports Medicine",
  sourceAbbrev: "Br J Sports Med",
  year: 2016,
  volume: "50",
  issue: "17",
  pages: "1092-1096",
  doi: "https://doi.org/10.1136/BJSPORTS-2016-096065",
  pmid: "PMID: 27324871",
  url: "https://bjsm.bmj.com/content/50/17/1092",
  accessedAt: "2025-12-16",
};

const messagesFor = (input: unknown) => {
  const result = referenceSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
};

describe("referenceSchema", () => {
  test("the type enum matches the database column", () => {
    expect(REFERENCE_TYPES).toEqual(SCHEMA_REFERENCE_TYPES);
  });

  test("accepts a complete reference and normalises DOI and PMID", () => {
    const parsed = referenceSchema.parse(valid);
    expect(parsed.doi).toBe("10.1136/BJSPORTS-2016-096065");
    expect(parsed.pmid).toBe("27324871");
    expect(parsed.authors).toEqual([{ family: "Sperstad", given: "Jorun Bakken" }, { literal: "Norwegian School of Sport Sciences" }]);
  });

  test("form values: blank optional fields become null, a year typed as text becomes a number", () => {
    const parsed = referenceSchema.parse({
      type: "guideline",
      title: "WHO guidelines",
      year: " 2020 ",
      doi: "",
      pmid: " ",
      url: "",
      volume: "",
    });
    expect(parsed).toMatchObject({ year: 2020, doi: null, pmid: null, url: null, volume: null, authors: [], source: "" });
  });

  test("a title or a source is required", () => {
    expect(messagesFor({ type: "other", title: "  ", source: "" })).toEqual(["title: Enter a title or a source"]);
    expect(messagesFor({ type: "other", source: "World Health Organization" })).toEqual([]);
  });

  test.each([
    ["a malformed DOI", { doi: "10.1136 bjsports" }, "doi: Enter a DOI like 10.1136/bjsports-2018-100056"],
    ["a PMID with letters", { pmid: "30337460a" }, "pmid: A PMID is digits only, like 30337460"],
    ["a year before 1800", { year: 1799 }, "year: The year must be 1800 or later"],
    ["a year after next year", { year: new Date().getUTCFullYear() + 2 }, "year: The year can be at most next year"],
    ["a year that is not a number", { year: "2018a" }, "year: Enter the year as a number, like 2018"],
    ["an unknown type", { type: "blog" }, "type: Choose the type of reference"],
    ["a javascript: URL", { url: "javascript:alert(1)" }, "url: Enter a web address starting with https:// or http://"],
    ["a data: URL", { url: "data:text/html,<script>alert(1)</script>" }, "url: Enter a web address starting with https:// or http://"],
    ["an author without a name", { authors: [{ given: "Kari" }] }, "authors.0: Each author needs a family name or an organisation name"],
    ["an author with an unexpected field", { authors: [{ family: "Bø", role: "editor" }] }, 'authors.0: Unrecognized key: "role"'],
    ["an accessed date in another format", { accessedAt: "16/12/2025" }, "accessedAt: Enter the date as YYYY-MM-DD"],
    ["a citekey with a space", { citekey: "bo 2015" }, "citekey: A citekey starts with a letter or digit and has no spaces"],
  ])("rejects %s", (_label, change, message) => {
    expect(messagesFor({ ...valid, ...change })).toEqual([message]);
  });

  test("next year is accepted (papers published ahead of their issue)", () => {
    expect(messagesFor({ ...valid, year: new Date().getUTCFullYear() + 1 })).toEqual([]);
  });
});
