import type { MedicalWebPage, Person, WithContext } from "schema-dts";
import { isWebUrl } from "@/lib/security/web-url";
import type { ReaderArticle } from "./types";

/**
 * schema.org MedicalWebPage for an article, built from the same DTO the page renders, so every
 * value (reviewers, dates, audience, citations) equals what the reader sees.
 */
export function articleJsonLd(
  article: ReaderArticle,
  urls: { page: string; policy: string; site: string; siteName: string },
): WithContext<MedicalWebPage> {
  const reviewedBy: Person[] = article.reviewedBy.map((r) => ({
    "@type": "Person",
    name: r.name,
    ...(r.credentials ? { honorificSuffix: r.credentials } : {}),
  }));
  return {
    "@context": "https://schema.org",
    "@type": "MedicalWebPage",
    "@id": urls.page,
    url: urls.page,
    name: article.question,
    headline: article.question,
    description: article.summary,
    inLanguage: "en",
    isPartOf: { "@type": "WebSite", name: urls.siteName, url: urls.site },
    ...(article.datePublished ? { datePublished: article.datePublished } : {}),
    dateModified: article.lastUpdated,
    ...(article.lastReviewed ? { lastReviewed: article.lastReviewed } : {}),
    ...(reviewedBy.length ? { reviewedBy } : {}),
    audience: { "@type": "MedicalAudience", audienceType: article.audience === "clinician" ? "Clinician" : "Patient" },
    ...(article.topic ? { keywords: article.topic } : {}),
    citation: article.references.map((ref) => ({
      "@type": "CreativeWork",
      name: ref.title,
      ...(ref.doi ? { url: `https://doi.org/${ref.doi}` } : isWebUrl(ref.url) ? { url: ref.url } : {}),
    })),
    publishingPrinciples: urls.policy,
  };
}

/** JSON for a <script type="application/ld+json">: "<" escaped so the text can't close the tag. */
export function jsonLdScript(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
