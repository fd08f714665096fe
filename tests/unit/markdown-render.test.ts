import { describe, expect, test } from "vitest";
import { markdownToPlainText, renderWording } from "@/lib/markdown";

const library = ["mottola2018", "thabet2019", "bo2015", "sperstad2016", "who2020", "uncited2000"].map((citekey) => ({
  citekey,
  title: `Title of ${citekey}`,
}));
const render = (md: string) => renderWording(md, library);

describe("citations", () => {
  test("a marker becomes a superscript number linking to its list entry", () => {
    expect(render("Walk daily [@mottola2018].").html).toBe(
      '<p>Walk daily <sup class="citation"><a href="#ref-1" id="cite-1-1">1</a></sup>.</p>',
    );
  });

  test("a group shows each number as its own link; a repeat reuses the number with a new anchor", () => {
    const { html } = render("A [@mottola2018; @thabet2019]. B [@mottola2018].");
    expect(html).toBe(
      '<p>A <sup class="citation"><a href="#ref-1" id="cite-1-1">1</a>,<a href="#ref-2" id="cite-2-1">2</a></sup>. ' +
        'B <sup class="citation"><a href="#ref-1" id="cite-1-2">1</a></sup>.</p>',
    );
  });

  test("three or more consecutive numbers show as a range whose hidden numbers keep their anchors", () => {
    const { html } = render(
      "[@mottola2018] [@thabet2019] [@bo2015] [@sperstad2016] [@who2020]\n\nAll [@who2020; @bo2015; @thabet2019; @mottola2018].",
    );
    // Numbers 1, 2, 3 and 5: "1-3,5", with 2 present as an anchor for its back-link.
    expect(html).toContain(
      '<sup class="citation"><a href="#ref-1" id="cite-1-2">1</a><span id="cite-2-2"></span>-<a href="#ref-3" id="cite-3-2">3</a>,<a href="#ref-5" id="cite-5-2">5</a></sup>',
    );
  });

  test("the reference list holds only what the wording cites, in citation order, with back-links", () => {
    const { referenceList } = render("[@thabet2019] then [@mottola2018; @thabet2019].");
    expect(referenceList).toEqual([
      { number: 1, citekey: "thabet2019", reference: library[1], anchorId: "ref-1", backlinks: ["cite-1-1", "cite-1-2"] },
      { number: 2, citekey: "mottola2018", reference: library[0], anchorId: "ref-2", backlinks: ["cite-2-1"] },
    ]);
  });

  test("an unknown citekey shows as [?key] and is reported, without breaking the numbering", () => {
    const result = render("Known [@mottola2018].\nTypo [@motola2018; @thabet2019].");
    expect(result.html).toContain(
      '<sup class="citation"><a href="#ref-2" id="cite-2-1">2</a>,<span class="citation-unknown">[?motola2018]</span></sup>',
    );
    expect(result.unknownCitekeys).toEqual([{ key: "motola2018", line: 2, column: 7 }]);
    expect(result.referenceList.map((r) => r.citekey)).toEqual(["mottola2018", "thabet2019"]);
  });

  test("markers in code are shown as written, not as citations", () => {
    const { html, referenceList } = render("Inline `[@mottola2018]`.\n\n```\n[@thabet2019]\n```");
    expect(html).toBe("<p>Inline <code>[@mottola2018]</code>.</p>\n<pre><code>[@thabet2019]\n</code></pre>");
    expect(referenceList).toEqual([]);
  });

  test("a citation written inside link text is placed after the link, not nested in it", () => {
    expect(render("[the *guideline [@who2020]*](https://www.who.int/) says").html).toBe(
      '<p><a href="https://www.who.int/" rel="noopener noreferrer nofollow">the <em>guideline </em></a>' +
        '<sup class="citation"><a href="#ref-1" id="cite-1-1">1</a></sup> says</p>',
    );
  });

  test("citations inside lists and tables are numbered in reading order", () => {
    const { html } = render("- first [@bo2015]\n\n| a | b |\n| - | - |\n| x [@who2020] | y [@bo2015] |");
    expect(html).toContain('<li>first <sup class="citation"><a href="#ref-1" id="cite-1-1">1</a></sup></li>');
    expect(html).toContain('<td>x <sup class="citation"><a href="#ref-2" id="cite-2-1">2</a></sup></td>');
    expect(html).toContain('<td>y <sup class="citation"><a href="#ref-1" id="cite-1-2">1</a></sup></td>');
  });
});

describe("Markdown", () => {
  test("renders the allowed structure: headings from h2, lists, emphasis, quotes, tables, code, rules, breaks", () => {
    const md = [
      "# Exercise at 3 months",
      "",
      "Start **gently** and *progress*.  ",
      "Then walk.",
      "",
      "1. Walking",
      "2. Core work",
      "",
      "> Stop if it hurts.",
      "",
      "| Activity | Days |",
      "| :- | -: |",
      "| Walking | 5 |",
      "",
      "---",
      "",
      "Use `kegel` sets.",
    ].join("\n");
    expect(render(md).html).toBe(
      [
        "<h2>Exercise at 3 months</h2>",
        "<p>Start <strong>gently</strong> and <em>progress</em>.<br>",
        "Then walk.</p>",
        "<ol>",
        "<li>Walking</li>",
        "<li>Core work</li>",
        "</ol>",
        "<blockquote>",
        "<p>Stop if it hurts.</p>",
        "</blockquote>",
        "<table>",
        "<thead>",
        "<tr>",
        '<th align="left">Activity</th>',
        '<th align="right">Days</th>',
        "</tr>",
        "</thead>",
        "<tbody>",
        "<tr>",
        '<td align="left">Walking</td>',
        '<td align="right">5</td>',
        "</tr>",
        "</tbody>",
        "</table>",
        "<hr>",
        "<p>Use <code>kegel</code> sets.</p>",
      ].join("\n"),
    );
  });

  test("external links get rel=noopener noreferrer nofollow; in-page and mail links do not need it", () => {
    const { html } = render("[WHO](https://www.who.int/) [list](#ref-1) [mail](mailto:editors@example.org) www.nhs.uk");
    expect(html).toBe(
      '<p><a href="https://www.who.int/" rel="noopener noreferrer nofollow">WHO</a> <a href="#ref-1">list</a> ' +
        '<a href="mailto:editors@example.org">mail</a> <a href="http://www.nhs.uk" rel="noopener noreferrer nofollow">www.nhs.uk</a></p>',
    );
  });

  test("raw HTML is dropped", () => {
    expect(render('<div class="x">\n\nHello <b>there</b>\n\n</div>').html).toBe("<p>Hello there</p>");
  });

  test("images and footnotes, which the reader page does not support, remain as readable text", () => {
    expect(render("![Pelvic tilt](tilt.png)").html).toBe("<p>Pelvic tilt</p>");
    expect(render("[![Pelvic tilt](tilt.png)](https://nhs.uk)").html).toBe(
      '<p><a href="https://nhs.uk" rel="noopener noreferrer nofollow">Pelvic tilt</a></p>',
    );
    expect(render("Rest[^1].\n\n[^1]: Or sleep.").html).toBe("<p>Rest[^1].</p>\n<p>[^1]: Or sleep.</p>");
  });

  test("empty input renders nothing", () => {
    expect(render("")).toEqual({ html: "", referenceList: [], unknownCitekeys: [] });
  });
});

describe("pathological nesting", () => {
  test.each([500, 1500, 3000, 10_000])("%i nested lists or quotes never throw", (depth) => {
    for (const md of [
      `${"- ".repeat(depth)}deep [@bo2015]`,
      `${">".repeat(depth)} deep [@bo2015]`,
      `${"* ".repeat(depth)}deep <script>x</script>`,
    ]) {
      const { html } = render(md);
      expect(html).not.toMatch(/<script/);
      expect(markdownToPlainText(md)).toContain("deep");
    }
  });
});

describe("markdownToPlainText", () => {
  test("drops syntax and citation markers, tidying the space they leave", () => {
    const md =
      "## Aerobic exercise\n\nWalk **3000 steps** daily [@mottola2018]. See [the guideline](https://who.int) [@who2020; @bo2015], then rest.\n\n- Start slowly [@bo2015]\n- Add `core` work";
    expect(markdownToPlainText(md)).toBe(
      "Aerobic exercise\n\nWalk 3000 steps daily. See the guideline, then rest.\n\nStart slowly\n\nAdd core work",
    );
  });

  test("drops raw HTML but keeps code text", () => {
    expect(markdownToPlainText("<script>alert(1)</script>\n\nText <b>bold</b>.\n\n```\ncode [@a]\n```")).toBe("Text bold.\n\ncode [@a]");
  });
});
