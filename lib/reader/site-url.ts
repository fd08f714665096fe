import { authUrl, serverEnv } from "@/lib/env";

/**
 * The public origin for canonical URLs, feeds, the sitemap and JSON-LD. SITE_URL wins; otherwise
 * the NEXTAUTH_URL the server already needs; never a request header, so static pages are the same
 * whoever asks first.
 */
export function siteUrl(): string {
  const raw = serverEnv().SITE_URL ?? authUrl();
  return raw.replace(/\/+$/, "");
}

export function absoluteUrl(path: string): string {
  return `${siteUrl()}${path.startsWith("/") ? path : `/${path}`}`;
}

export function articlePath(slug: string, audience?: string): string {
  return `/articles/${encodeURIComponent(slug)}${audience ? `?audience=${audience}` : ""}`;
}

export function topicSlug(topic: string): string {
  return topic
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
