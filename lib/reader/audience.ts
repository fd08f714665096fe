/**
 * Which wording a reader gets, with no database read: `?audience=` wins and is remembered in a
 * cookie (proxy.ts), then the cookie, then the site's default, which the static "default" variant
 * of the page resolves from settings. next.config.js rewrites apply the same precedence.
 */
import { isHttpsSite } from "@/lib/security/https-site";

export const READER_AUDIENCES = ["clinician", "patient"] as const;
export type ReaderAudience = (typeof READER_AUDIENCES)[number];
/** The path segment of the internal static route: an audience, or "default" for "no choice yet". */
export type AudienceVariant = ReaderAudience | "default";

export const AUDIENCE_COOKIE = "vetted-audience";
export const AUDIENCE_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

/**
 * The audience cookie only steers the server's rewrite (next.config.js); no script reads it, so it
 * is HttpOnly like the session cookie, and Secure when the site is on https.
 */
export function audienceCookieOptions(https = isHttpsSite()) {
  return { path: "/", maxAge: AUDIENCE_COOKIE_MAX_AGE, sameSite: "lax" as const, httpOnly: true, secure: https };
}

export const AUDIENCE_LABELS: Record<ReaderAudience, string> = {
  clinician: "Healthcare professional",
  patient: "Patient or caregiver",
};

export function isReaderAudience(value: unknown): value is ReaderAudience {
  return typeof value === "string" && (READER_AUDIENCES as readonly string[]).includes(value);
}

export type AudienceChoice = {
  variant: AudienceVariant;
  /** Set when the query named a valid audience that the cookie does not yet hold. */
  remember: ReaderAudience | null;
};

export function chooseAudience(query: string | null | undefined, cookie: string | null | undefined): AudienceChoice {
  if (isReaderAudience(query)) return { variant: query, remember: cookie === query ? null : query };
  if (isReaderAudience(cookie)) return { variant: cookie, remember: null };
  return { variant: "default", remember: null };
}

export function isAudienceVariant(value: unknown): value is AudienceVariant {
  return value === "default" || isReaderAudience(value);
}

export function resolveVariant(variant: AudienceVariant, fallback: ReaderAudience): ReaderAudience {
  return variant === "default" ? fallback : variant;
}
