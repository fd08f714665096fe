import fc from "fast-check";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { MATCH_END, MATCH_START, snippetParts, toSearchQuery, parsePage } from "@/lib/reader/search-query";

const db = new Database(":memory:");
db.exec("CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'porter unicode61 remove_diacritics 2')");
db.prepare("INSERT INTO t (body) VALUES (?)").run("Pushing the stroller counts too. NEAR the end of pregnancy.");
afterAll(() => db.close());

const toFtsQuery = (input: string) => toSearchQuery(input)?.prefix ?? null;

describe("toSearchQuery", () => {
  it("quotes every word and ANDs them, as whole words and with the last one as a prefix", () => {
    expect(toSearchQuery("back pain")).toEqual({ exact: '"back" "pain"', prefix: '"back" "pain"*' });
    expect(toSearchQuery('say "no"')).toEqual({ exact: '"say" "no"', prefix: '"say" "no"*' });
    expect(toSearchQuery("  ")).toBeNull();
    expect(toSearchQuery('"*:^()')).toBeNull();
  });
  it("finds words and prefixes", () => {
    const count = (q: string) => (db.prepare("SELECT count(*) AS n FROM t WHERE t MATCH ?").get(toFtsQuery(q)) as { n: number }).n;
    expect(count("stroller")).toBe(1);
    expect(count("strol")).toBe(1);
    expect(count("pushing pregnancy")).toBe(1);
    expect(count("stroller insulin")).toBe(0);
  });
  it("never raises an FTS syntax error, whatever is typed", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (input) => {
        const q = toSearchQuery(input);
        if (q) for (const expr of [q.exact, q.prefix]) db.prepare("SELECT count(*) FROM t WHERE t MATCH ?").get(expr);
      }),
      { numRuns: 500 },
    );
    for (const nasty of ["NEAR(a b", "body:stroller", "a OR", '"unbalanced', "*", "AND AND", "^start", "col:(x)"]) {
      const q = toFtsQuery(nasty);
      if (q) expect(() => db.prepare("SELECT count(*) FROM t WHERE t MATCH ?").get(q)).not.toThrow();
    }
  });
});

describe("snippetParts", () => {
  it("splits matches from plain text without interpreting HTML", () => {
    expect(snippetParts(`a <b> ${MATCH_START}stroller${MATCH_END} c`)).toEqual([
      { text: "a <b> ", match: false },
      { text: "stroller", match: true },
      { text: " c", match: false },
    ]);
  });
});

describe("parsePage", () => {
  it("accepts positive integers only", () => {
    expect(parsePage("3")).toBe(3);
    expect(parsePage("0")).toBe(1);
    expect(parsePage("abc")).toBe(1);
    expect(parsePage(undefined)).toBe(1);
    expect(parsePage(["2", "5"])).toBe(2);
  });
});
