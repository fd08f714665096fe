/**
 * Read-only preview links for people without an account (issue 20, part 5). Pure: the token's form,
 * a link's state and limits (no Node imports, so forms may use it; the token itself is made and
 * hashed in lib/preview-token.ts); lib/dal/preview-links.ts stores and checks them.
 *
 * A token is 16 random bytes (128 bits) in base64url, 22 characters; only its SHA-256 is stored,
 * so a copy of the database opens no preview. Anything else in the URL (cut short, altered,
 * padded) can't match a stored hash and answers 404 like an unknown token.
 */
export const PREVIEW_TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/;
export const PREVIEW_MAX_DAYS = 30;
export const PREVIEW_DEFAULT_DAYS = 7;
export const PREVIEW_PATH = "/preview";
/** The audit action of one view: many per link, so the article timeline leaves them out. */
export const PREVIEW_VIEWED = "preview_link.viewed";

/**
 * Guest comments per client address per hour (QUESTION_IP_LIMIT, the allowance for anonymous text
 * a reader may send, counted separately), and per link per day.
 */
export const GUEST_COMMENT_IP_WINDOW_MS = 60 * 60_000;
export const GUEST_COMMENT_LINK_LIMIT = 20;
export const GUEST_COMMENT_LINK_WINDOW_MS = 24 * 60 * 60_000;

export function isWellFormedPreviewToken(token: string): boolean {
  return PREVIEW_TOKEN_PATTERN.test(token);
}

export function previewPath(token: string): string {
  return `${PREVIEW_PATH}/${token}`;
}

export type PreviewLinkState = "active" | "expired" | "revoked";

export function previewLinkState(link: { expiresAt: string; revokedAt: string | null }, now: Date): PreviewLinkState {
  if (link.revokedAt) return "revoked";
  return new Date(link.expiresAt).getTime() <= now.getTime() ? "expired" : "active";
}

/** When a link made now for `days` days expires (whole days, at most PREVIEW_MAX_DAYS). */
export function previewExpiry(now: Date, days: number): Date {
  const clamped = Math.min(PREVIEW_MAX_DAYS, Math.max(1, Math.floor(days)));
  return new Date(now.getTime() + clamped * 24 * 60 * 60_000);
}

export const PREVIEW_STATE_LABELS: Record<PreviewLinkState, string> = {
  active: "Active",
  expired: "Expired",
  revoked: "Revoked",
};
