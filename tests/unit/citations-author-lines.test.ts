import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { formatAuthorLines, parseAuthorLine, parseAuthorLines, shortByline } from "@/lib/citations/author-lines";
import { referenceSchema } from "@/lib/validations/reference";

describe("authors typed one per line", () => {
  test("reads 'Family, Given', PubMed-style 'Family AB' and organisations", () => {
    expect(parseAuthorLines("Mottola, Michelle F.\nDavenport MH\n\nWorld Health Organization\n  van der Ploeg, Hidde P.  ")).toEqual([
      { family: "Mottola", given: "Michelle F." },
      { family: "Davenport", given: "MH" },
      { literal: "World Health Organization" },
      { family: "van der Ploeg", given: "Hidde P." },
    ]);
  });

  test("braces keep an organisation whose name would read as a person", () => {
    expect(parseAuthorLine("{National Institute for Health and Care Excellence, UK}")).toEqual({
      literal: "National Institute for Health and Care Excellence, UK",
    });
    expect(parseAuthorLine("Plato,")).toEqual({ family: "Plato" });
  });

  test("every list of authors reads back as itself", () => {
    const word = fc.stringMatching(/^[A-Za-zÀ-ÿ'-]{1,12}( [A-Za-zÀ-ÿ'-]{1,12})?$/);
    const author = fc.oneof(
      fc.record({ family: word, given: fc.oneof(word, fc.constantFrom("MF", "K", "J. R.")) }),
      fc.record({ family: word }),
      fc.record({ literal: fc.oneof(word, fc.constantFrom("Smith AB", "NICE, UK", "{odd}")) }),
    );
    fc.assert(
      fc.property(fc.array(author, { maxLength: 8 }), (authors) => {
        expect(parseAuthorLines(formatAuthorLines(authors))).toEqual(authors);
      }),
    );
  });

  test("the reference schema accepts the form's text and reports a bad line", () => {
    const parsed = referenceSchema.parse({ type: "research", title: "T", source: "S", authors: "Mottola MF\nWorld Health Organization" });
    expect(parsed.authors).toEqual([{ family: "Mottola", given: "MF" }, { literal: "World Health Organization" }]);
    expect(referenceSchema.safeParse({ type: "research", title: "T", source: "S", authors: "x".repeat(400) }).success).toBe(false);
  });

  test("the reference schema rejects fields it does not know", () => {
    expect(referenceSchema.safeParse({ type: "research", title: "T", source: "S", retracted: true }).success).toBe(false);
  });

  test("short bylines cut after three names", () => {
    expect(
      shortByline([{ family: "Mottola", given: "Michelle F." }, { literal: "WHO" }, { family: "Bø", given: "Kari" }, { family: "X" }]),
    ).toBe("Mottola MF, WHO, Bø K, et al");
  });
});

describe("the title field", () => {
  test("a title pasted with line breaks is kept on one line", () => {
    expect(referenceSchema.parse({ type: "research", title: "Specific muscle stabilizing\n  as home exercises", source: "S" }).title).toBe(
      "Specific muscle stabilizing as home exercises",
    );
  });
});
