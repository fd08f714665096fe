import { describe, expect, it } from "vitest";
import { apiArticle, apiArticleList } from "@/lib/reader/api";
import { buildRssFeed } from "@/lib/reader/feed";
import { articleJsonLd, jsonLdScript } from "@/lib/reader/json-ld";
import { articleEntries, pageEntries, sitemapIndexXml, sitemapPlan, urlsetXml } from "@/lib/reader/sitemap";
import type { ReaderArticle, ReaderArticleSummary } from "@/lib/reader/types";
import { stepperStage } from "@/lib/workflow/stepper";

const article: ReaderArticle = {
  slug: "back-pain",
  topic: "Obstetrics",
  question: "What helps back pain </script> & more?",
  audience: "clinician",
  status: "approved",
  stepper: stepperStage("approved"),
  html: '<p>Walk <sup class="citation"><a href="#ref-1" id="cite-1-1">1</a></sup></p>',
  summary: "Walk.",
  references: [
    {
      number: 1,
      citekey: "bull2020",
      type: "guideline",
      typeLabel: "Guideline",
      title: "WHO 2020 guidelines",
      authors: ["Bull FC"],
      source: "Br J Sports Med",
      year: 2020,
      doi: "10.1136/bjsports-2020-102955",
      pmid: "33239350",
      url: null,
      retracted: false,
      notice: null,
      formatted: "Bull FC. WHO 2020 guidelines. Br J Sports Med. 2020.",
      formattedHtml: "Bull FC. WHO 2020 guidelines. <i>Br J Sports Med</i>. 2020.",
      backlinks: ["cite-1-1"],
    },
  ],
  datePublished: "2026-01-01T00:00:00.000Z",
  lastUpdated: "2026-02-01T00:00:00.000Z",
  lastReviewed: "2026-02-02T00:00:00.000Z",
  reviewedBy: [
    { name: "Dr. Maria Lindqvist", credentials: "MD, FACOG" },
    { name: "Dr. Priya Raman", credentials: "" },
  ],
  disclaimer: "For professionals.",
  hasOtherWording: true,
};

const urls = {
  page: "https://example.test/articles/back-pain?audience=clinician",
  policy: "https://example.test/policy",
  site: "https://example.test/",
  siteName: "Vetted",
};

describe("articleJsonLd", () => {
  const ld = articleJsonLd(article, urls) as unknown as Record<string, unknown>;
  it("is a MedicalWebPage whose values are the page's values", () => {
    expect(ld["@type"]).toBe("MedicalWebPage");
    expect(ld.name).toBe(article.question);
    expect(ld.datePublished).toBe(article.datePublished);
    expect(ld.dateModified).toBe(article.lastUpdated);
    expect(ld.lastReviewed).toBe(article.lastReviewed);
    expect(ld.publishingPrinciples).toBe(urls.policy);
    expect(ld.reviewedBy).toEqual([
      { "@type": "Person", name: "Dr. Maria Lindqvist", honorificSuffix: "MD, FACOG" },
      { "@type": "Person", name: "Dr. Priya Raman" },
    ]);
    expect(ld.citation).toEqual([
      { "@type": "CreativeWork", name: "WHO 2020 guidelines", url: "https://doi.org/10.1136/bjsports-2020-102955" },
    ]);
  });
  it("follows the wording shown for the audience", () => {
    expect(ld.audience).toEqual({ "@type": "MedicalAudience", audienceType: "Clinician" });
    const patient = articleJsonLd({ ...article, audience: "patient" }, urls) as unknown as Record<string, unknown>;
    expect(patient.audience).toEqual({ "@type": "MedicalAudience", audienceType: "Patient" });
  });
  it("omits review facts before approval", () => {
    const pending = articleJsonLd({ ...article, status: "submitted", lastReviewed: null, reviewedBy: [] }, urls) as unknown as Record<
      string,
      unknown
    >;
    expect(pending).not.toHaveProperty("lastReviewed");
    expect(pending).not.toHaveProperty("reviewedBy");
  });
  it("serialises so the text cannot close its script element", () => {
    const text = jsonLdScript(ld);
    expect(text).not.toContain("</script>");
    expect((JSON.parse(text) as { name: string }).name).toBe(article.question);
  });
});

const summaries: ReaderArticleSummary[] = [
  {
    slug: "a&b",
    topic: "Obstetrics",
    question: "Is <this> safe?",
    status: "submitted",
    lastUpdated: "2026-03-01T10:00:00.000Z",
    lastReviewed: null,
  },
  {
    slug: "back-pain",
    topic: "Musculoskeletal",
    question: "Back pain?",
    status: "approved",
    lastUpdated: "2026-02-01T10:00:00.000Z",
    lastReviewed: "2026-02-01T10:00:00.000Z",
  },
];

describe("buildRssFeed", () => {
  const xml = buildRssFeed(summaries, { url: "https://example.test", name: "Vetted & Co", description: "Answers" });
  it("is RSS 2.0 with one escaped item per visible article", () => {
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<rss version="2.0"/);
    expect(xml.match(/<item>/g)).toHaveLength(2);
    expect(xml).toContain("<title>Is &lt;this&gt; safe?</title>");
    expect(xml).toContain("<link>https://example.test/articles/a%26b</link>");
    expect(xml).toContain("<title>Vetted &amp; Co</title>");
    expect(xml).toContain(`<pubDate>${new Date("2026-03-01T10:00:00.000Z").toUTCString()}</pubDate>`);
    expect(xml).toContain(`<lastBuildDate>${new Date("2026-03-01T10:00:00.000Z").toUTCString()}</lastBuildDate>`);
  });
  it("is a valid channel with no items when nothing is visible", () => {
    const empty = buildRssFeed([], { url: "https://example.test", name: "V", description: "D" });
    expect(empty).not.toContain("<item>");
    expect(empty).toContain("</channel>");
  });
});

describe("sitemap", () => {
  it("lists the home page, each visible article, its topics and the public pages", () => {
    const pages = pageEntries("https://example.test", ["Obstetrics", "Musculoskeletal", "Obstetrics"], "2026-03-01T10:00:00.000Z");
    const urls = [...pages.slice(0, 1), ...articleEntries("https://example.test", summaries), ...pages.slice(1)].map((e) => e.url);
    expect(urls).toEqual([
      "https://example.test/",
      "https://example.test/articles/a%26b",
      "https://example.test/articles/back-pain",
      "https://example.test/topics/musculoskeletal",
      "https://example.test/topics/obstetrics",
      "https://example.test/board",
      "https://example.test/policy",
      "https://example.test/search",
    ]);
  });
  it("writes escaped urlset and sitemap index XML with lastmod", () => {
    const xml = urlsetXml(articleEntries("https://example.test", [{ slug: "a&b", lastUpdated: "2026-03-01T10:00:00.000Z" }]));
    expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(xml).toContain("<loc>https://example.test/articles/a%26b</loc>");
    expect(xml).toContain("<lastmod>2026-03-01T10:00:00.000Z</lastmod>");
    const index = sitemapIndexXml([
      { url: "https://example.test/sitemaps/pages.xml", lastModified: null },
      { url: "https://example.test/sitemaps/articles-1.xml", lastModified: "2026-03-01T10:00:00.000Z" },
    ]);
    expect(index).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(index.match(/<sitemap>/g)).toHaveLength(2);
    expect(index).toContain("<lastmod>2026-03-01T10:00:00.000Z</lastmod>");
  });
  it("is one file up to the limit and an index of files of at most 50,000 URLs beyond it", () => {
    expect(sitemapPlan(49_990, 10, 50_000)).toEqual({ index: false });
    expect(sitemapPlan(49_991, 10, 50_000)).toEqual({ index: true, articleFiles: 1 });
    expect(sitemapPlan(100_001, 10, 50_000)).toEqual({ index: true, articleFiles: 3 });
    expect(sitemapPlan(100_001, 10, 900_000)).toEqual({ index: true, articleFiles: 3 });
    expect(sitemapPlan(3000, 15, 1000)).toEqual({ index: true, articleFiles: 3 });
  });
});

describe("public API shapes", () => {
  it("lists articles with exactly the documented fields", () => {
    const { articles } = apiArticleList(summaries);
    expect(Object.keys(articles[0]).sort()).toEqual(["lastReviewed", "lastUpdated", "question", "slug", "status"]);
  });
  it("returns one article with the documented fields and references in citation order", () => {
    const body = apiArticle(article);
    expect(Object.keys(body).sort()).toEqual(
      ["audience", "disclaimer", "html", "lastReviewed", "lastUpdated", "question", "references", "reviewedBy", "slug", "status"].sort(),
    );
    expect(Object.keys(body.references[0]).sort()).toEqual(
      ["authors", "citekey", "doi", "formatted", "number", "pmid", "source", "title", "type", "year"].sort(),
    );
    expect(body.reviewedBy).toEqual([
      { name: "Dr. Maria Lindqvist", credentials: "MD, FACOG" },
      { name: "Dr. Priya Raman", credentials: "" },
    ]);
  });
});
