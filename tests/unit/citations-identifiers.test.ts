import { describe, expect, test } from "vitest";
import { doiKey, isValidDoi, isValidPmid, normalizeDoi, normalizePmid, parseDoi, parsePmid } from "@/lib/citations/identifiers";

describe("DOI", () => {
  test.each([
    ["10.1136/bjsports-2018-100056", "10.1136/bjsports-2018-100056"],
    ["https://doi.org/10.1136/BJSPORTS-2018-100056", "10.1136/BJSPORTS-2018-100056"],
    ["http://dx.doi.org/10.1097/AOG.0000000000003772", "10.1097/AOG.0000000000003772"],
    ["doi:10.1056/NEJMsa0810119", "10.1056/NEJMsa0810119"],
    ["doi:10.1136/bmj.n71", "10.1136/bmj.n71"],
    ["DOI: 10.1136/bmj.n71.", "10.1136/bmj.n71"],
    ["  doi.org/10.1016/j.math.2014.09.002 ", "10.1016/j.math.2014.09.002"],
    ["https://doi.org/10.1002%2F%28SICI%291097-4679", "10.1002/(SICI)1097-4679"],
    ["doi: https://doi.org/10.1371/journal.pmed.1000100", "10.1371/journal.pmed.1000100"],
  ])("normalizes %s", (input, expected) => {
    expect(normalizeDoi(input)).toBe(expected);
    expect(isValidDoi(normalizeDoi(input))).toBe(true);
  });

  test.each([
    "10.1/too-short",
    "11.1136/bjsports",
    "10.1136",
    "10.1136/",
    "10.1136/has space",
    "bjsports-2018-100056",
    "",
    "https://doi.org/",
  ])("rejects %j", (input) => {
    expect(parseDoi(input)).toBeNull();
  });

  test("keeps the registered case, and compares by a lower-case key", () => {
    expect(parseDoi("https://doi.org/10.1056/NEJMsa0810119")).toBe("10.1056/NEJMsa0810119");
    expect(doiKey("https://doi.org/10.1056/NEJMsa0810119")).toBe("10.1056/nejmsa0810119");
    expect(doiKey("10.1056/nejmsa0810119.")).toBe(doiKey("DOI: 10.1056/NEJMsa0810119"));
  });

  test("keeps a malformed percent sign as typed rather than throwing", () => {
    expect(normalizeDoi("10.1136/50%off")).toBe("10.1136/50%off");
  });
});

describe("PMID", () => {
  test.each([
    ["30337460", "30337460"],
    ["PMID: 30337460", "30337460"],
    ["pmid30337460", "30337460"],
    ["https://pubmed.ncbi.nlm.nih.gov/30337460/", "30337460"],
  ])("normalizes %s", (input, expected) => {
    expect(parsePmid(input)).toBe(expected);
  });

  test.each(["", "0", "012345", "3033746O", "30337460a", "-1", "1.5", "12345678901"])("rejects %j", (input) => {
    expect(isValidPmid(normalizePmid(input))).toBe(false);
  });
});
