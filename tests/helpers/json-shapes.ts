/**
 * Types for the JSON the end-to-end specs read back (API responses, JSON-LD, stored drafts), so a
 * spec casts `await res.json()` or `JSON.parse(...)` to what the app writes instead of using `any`.
 * Type-only: nothing here runs in the browser or the server.
 */
import type { apiArticle, apiArticleList } from "@/lib/reader/api";

export type ApiArticleList = ReturnType<typeof apiArticleList>;
export type ApiArticle = ReturnType<typeof apiArticle>;
/** What the API routes answer when they refuse a request. */
export type ApiError = { error: string };

/** The parts of an article's schema.org MedicalWebPage (lib/reader/json-ld.ts) that the specs compare with the page. */
export type ArticleJsonLd = {
  "@type": string;
  name: string;
  audience: { audienceType: string };
  reviewedBy?: { name: string; honorificSuffix?: string }[];
  lastReviewed?: string;
  dateModified: string;
  citation: { name: string; url?: string }[];
  publishingPrinciples: string;
};

/** next-auth's /api/auth/session answer: {} when signed out. */
export type SessionJson = { user?: { email?: string | null; name?: string | null } };

/** A local draft the editor keeps in localStorage until the server has it. */
export type { LocalDraft } from "@/lib/editor/local-draft";
