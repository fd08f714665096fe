import { describe, expect, test } from "vitest";
import { citedKeys, parseCitationMarkers } from "@/lib/citations/markers";

describe("parseCitationMarkers", () => {
  test("finds single and grouped markers with offsets, line and column", () => {
    const md = "Walk daily [@mottola2018].\nCore work helps [@thabet2019; @sperstad2016].";
    const markers = parseCitationMarkers(md);
    expect(markers.map((m) => m.keys)).toEqual([["mottola2018"], ["thabet2019", "sperstad2016"]]);
    expect(markers.map((m) => md.slice(m.start, m.end))).toEqual(["[@mottola2018]", "[@thabet2019; @sperstad2016]"]);
    expect(markers.map((m) => [m.line, m.column])).toEqual([
      [1, 12],
      [2, 17],
    ]);
    expect(markers[1].keyPositions).toEqual([
      { line: 2, column: 18 },
      { line: 2, column: 31 },
    ]);
  });

  test("ignores markers in code spans, fenced code and indented code", () => {
    const md = ["Use `[@inline]` literally.", "", "```", "[@fenced]", "```", "", "    [@indented]", "", "Real [@real]."].join("\n");
    expect(citedKeys(md)).toEqual(["real"]);
  });

  test("an escaped bracket or an entity means the editor wanted the literal text", () => {
    expect(parseCitationMarkers("\\[@escaped] &#91;@entity] [@kept]").map((m) => m.keys)).toEqual([["kept"]]);
  });

  test("a marker may wrap across lines, as editors' text does in list items", () => {
    const md = "- Pelvic floor training [@bo2015;\n  @woodley2020] helps.";
    const [marker] = parseCitationMarkers(md);
    expect(marker.keys).toEqual(["bo2015", "woodley2020"]);
    expect(marker.keyPositions[1]).toEqual({ line: 2, column: 3 });
  });

  test("spaces inside the brackets are allowed around keys", () => {
    expect(parseCitationMarkers("[ @a ;  @b ]")[0].keys).toEqual(["a", "b"]);
  });

  test.each([
    ["an empty key", "[@]"],
    ["a space after @", "[@ a]"],
    ["a trailing separator", "[@a;]"],
    ["keys without a separator", "[@a @b]"],
    ["text before the key", "[see @a]"],
    ["an e-mail address", "write to bull@who.int"],
    ["a bare @mention", "@mottola2018 said"],
  ])("%s is not a marker", (_label, md) => {
    expect(parseCitationMarkers(md)).toEqual([]);
  });

  test("lists nested as deep as real text still yield citations; absurd nesting is read as plain text", () => {
    expect(citedKeys(`${"- ".repeat(100)}deep [@bo2015]`)).toEqual(["bo2015"]);
    expect(citedKeys(`${"> ".repeat(50)}${"1. ".repeat(50)}deep [@bo2015]`)).toEqual(["bo2015"]);
    expect(citedKeys(`${"- ".repeat(101)}deep [@bo2015]`)).toEqual([]);
  });

  test("citedKeys lists each key once, in order of first appearance", () => {
    expect(citedKeys("[@b] then [@a; @b] then [@c; @a]")).toEqual(["b", "a", "c"]);
  });
});
