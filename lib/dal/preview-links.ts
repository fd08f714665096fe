import "server-only";
import { desc, eq } from "drizzle-orm";
import { getDb, writeTransaction, type Tx } from "@/db";
import { articles, previewLinks, reviewComments, revisions, users } from "@/db/schema";
import { ActionError } from "@/lib/action-result";
import { appendAuditEvent } from "@/lib/dal/audit";
import { authorAndAssigningEditors, notifyEach } from "@/lib/dal/notifications";
import { takeSlot } from "@/lib/dal/rate-limit";
import type { CurrentUser } from "@/lib/dal/session";
import {
  GUEST_COMMENT_IP_WINDOW_MS,
  GUEST_COMMENT_LINK_LIMIT,
  GUEST_COMMENT_LINK_WINDOW_MS,
  isWellFormedPreviewToken,
  PREVIEW_VIEWED,
  previewExpiry,
  previewLinkState,
  previewPath,
  type PreviewLinkState,
} from "@/lib/preview-links";
import { hashPreviewToken, newPreviewToken } from "@/lib/preview-token";
import { questionLimit } from "@/lib/reader/question-limit";
import { absoluteUrl } from "@/lib/reader/site-url";
import type { PreviewTarget } from "@/lib/validations/preview-link";

/**
 * Expiring read-only preview links (docs/ARCHITECTURE.md, "Preview links"). An editor makes one for
 * an article's working revision as it is now ("this version", pinned) or for whatever the working
 * revision is at each view ("always the latest draft"). The token is shown once and stored only as
 * its SHA-256. Every view, every refusal (malformed, unknown, expired, revoked) and every guest
 * comment is audited; a guest comment is a review comment with a guest name, never a sign-off.
 */

type LinkRow = typeof previewLinks.$inferSelect;

export type CreatedPreviewLink = { linkId: number; articleId: number; url: string; expiresAt: string };

export function createPreviewLink(
  user: CurrentUser,
  input: { articleId: number; target: PreviewTarget; expiresInDays: number; recipient: string },
  now = new Date(),
): CreatedPreviewLink {
  return writeTransaction((tx) => {
    const article = tx.select().from(articles).where(eq(articles.id, input.articleId)).get();
    if (!article?.workingRevisionId) throw new ActionError("not_found", "That article no longer exists.");
    const token = newPreviewToken();
    const expiresAt = previewExpiry(now, input.expiresInDays).toISOString();
    const revisionId = input.target === "this_version" ? article.workingRevisionId : null;
    const { id } = tx
      .insert(previewLinks)
      .values({
        articleId: article.id,
        revisionId,
        tokenHash: hashPreviewToken(token),
        recipient: input.recipient,
        createdById: user.id,
        createdAt: now.toISOString(),
        expiresAt,
      })
      .returning({ id: previewLinks.id })
      .get();
    appendAuditEvent(tx, {
      actor: user,
      action: "preview_link.created",
      targetType: "preview_link",
      targetId: id,
      articleId: article.id,
      summary: { after: { target: input.target, revisionId, expiresAt, recipient: input.recipient } },
    });
    return { linkId: id, articleId: article.id, url: absoluteUrl(previewPath(token)), expiresAt };
  });
}

export function revokePreviewLink(user: CurrentUser, linkId: number, now = new Date()): { articleId: number } {
  return writeTransaction((tx) => {
    const link = tx.select().from(previewLinks).where(eq(previewLinks.id, linkId)).get();
    if (!link) throw new ActionError("not_found", "That preview link no longer exists.");
    if (link.revokedAt) throw new ActionError("conflict", "That preview link was already revoked.");
    tx.update(previewLinks).set({ revokedAt: now.toISOString(), revokedById: user.id }).where(eq(previewLinks.id, linkId)).run();
    appendAuditEvent(tx, {
      actor: user,
      action: "preview_link.revoked",
      targetType: "preview_link",
      targetId: linkId,
      articleId: link.articleId,
      summary: { before: { state: previewLinkState(link, now) }, after: { state: "revoked" } },
    });
    return { articleId: link.articleId };
  });
}

export type PreviewLinkItem = {
  id: number;
  recipient: string;
  /** The pinned revision's number, or null for "always the latest draft". */
  revisionNumber: number | null;
  createdByName: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  viewCount: number;
  lastViewedAt: string | null;
  state: PreviewLinkState;
};

/** An article's preview links, newest first, for its overview page. */
export function listPreviewLinks(articleId: number, now = new Date()): PreviewLinkItem[] {
  return getDb()
    .select({
      id: previewLinks.id,
      recipient: previewLinks.recipient,
      revisionNumber: revisions.number,
      createdByName: users.name,
      createdAt: previewLinks.createdAt,
      expiresAt: previewLinks.expiresAt,
      revokedAt: previewLinks.revokedAt,
      viewCount: previewLinks.viewCount,
      lastViewedAt: previewLinks.lastViewedAt,
    })
    .from(previewLinks)
    .innerJoin(users, eq(users.id, previewLinks.createdById))
    .leftJoin(revisions, eq(revisions.id, previewLinks.revisionId))
    .where(eq(previewLinks.articleId, articleId))
    .orderBy(desc(previewLinks.createdAt), desc(previewLinks.id))
    .all()
    .map((row) => ({ ...row, state: previewLinkState(row, now) }));
}

type Refusal = "malformed" | "unknown" | "expired" | "revoked" | "no_revision";
type Resolved = { link: LinkRow; revisionId: number };

/** The link a token opens now and the revision it shows, or why it opens nothing. */
function resolve(tx: Tx, token: string, now: Date): Resolved | { refused: Refusal; link?: LinkRow } {
  if (!isWellFormedPreviewToken(token)) return { refused: "malformed" };
  const link = tx
    .select()
    .from(previewLinks)
    .where(eq(previewLinks.tokenHash, hashPreviewToken(token)))
    .get();
  if (!link) return { refused: "unknown" };
  const state = previewLinkState(link, now);
  if (state !== "active") return { refused: state, link };
  // "Always the latest draft" follows the working revision, whatever the article's state.
  const revisionId =
    link.revisionId ??
    tx.select({ id: articles.workingRevisionId }).from(articles).where(eq(articles.id, link.articleId)).get()?.id ??
    null;
  if (!revisionId) return { refused: "no_revision", link };
  return { link, revisionId };
}

function auditRefusal(tx: Tx, refused: Refusal, link: LinkRow | undefined, token: string, ip: string, action: string): void {
  appendAuditEvent(tx, {
    actor: null,
    actorLabel: "preview link",
    action,
    targetType: "preview_link",
    targetId: link?.id ?? null,
    articleId: link?.articleId ?? null,
    // Never the token itself: its length is enough to tell a cut-short link from an altered one.
    summary: { reason: refused, tokenLength: token.length, ip },
  });
}

export type OpenedPreview = {
  linkId: number;
  articleId: number;
  revisionId: number;
  pinned: boolean;
  recipient: string;
  expiresAt: string;
};

/**
 * Opens a preview: the link and revision to show, with the view counted and audited, or null
 * (audited as refused) for a token that is malformed, unknown, expired or revoked.
 */
export function openPreview(token: string, audience: string, ip: string, now = new Date()): OpenedPreview | null {
  return writeTransaction((tx) => {
    const found = resolve(tx, token, now);
    if ("refused" in found) {
      auditRefusal(tx, found.refused, found.link, token, ip, "preview_link.refused");
      return null;
    }
    const { link, revisionId } = found;
    tx.update(previewLinks)
      .set({ viewCount: link.viewCount + 1, lastViewedAt: now.toISOString() })
      .where(eq(previewLinks.id, link.id))
      .run();
    appendAuditEvent(tx, {
      actor: null,
      actorLabel: link.recipient ? `preview link: ${link.recipient}` : "preview link",
      action: PREVIEW_VIEWED,
      targetType: "preview_link",
      targetId: link.id,
      articleId: link.articleId,
      summary: { revisionId, audience, ip },
    });
    return {
      linkId: link.id,
      articleId: link.articleId,
      revisionId,
      pinned: link.revisionId !== null,
      recipient: link.recipient,
      expiresAt: link.expiresAt,
    };
  });
}

/**
 * Whether a guest comment's token opens nothing now; if so the refusal is audited in its own
 * committed transaction (the action then refuses, rolling back only its own work).
 */
export function refuseStaleToken(token: string, ip: string, now = new Date()): boolean {
  return writeTransaction((tx) => {
    const found = resolve(tx, token, now);
    if (!("refused" in found)) return false;
    auditRefusal(tx, found.refused, found.link, token, ip, "preview_link.comment_refused");
    return true;
  });
}

export type GuestCommentResult = "stored" | "not_found" | "rate_limited";

/**
 * A comment from a preview link's recipient, on the revision the link shows now: a review comment
 * marked with the guest's name (authored, for the record, by the editor who made the link), told to
 * the revision's author, its assigning editors and the link's maker. Limited per client address and
 * per link. In the action's transaction (joined), after refuseStaleToken.
 */
export function leaveGuestComment(
  input: { token: string; name: string | undefined; comment: string; ip: string },
  now = new Date(),
): GuestCommentResult {
  return writeTransaction((tx): GuestCommentResult => {
    const found = resolve(tx, input.token, now);
    // Refusals were audited by refuseStaleToken; one here lost a race with a revocation.
    if ("refused" in found) return "not_found";
    const { link, revisionId } = found;
    if (!takeSlot(tx, `guest-comment-ip:${input.ip}`, now, questionLimit(), GUEST_COMMENT_IP_WINDOW_MS)) return "rate_limited";
    if (!takeSlot(tx, `guest-comment-link:${link.id}`, now, GUEST_COMMENT_LINK_LIMIT, GUEST_COMMENT_LINK_WINDOW_MS)) return "rate_limited";
    const revision = tx.select().from(revisions).where(eq(revisions.id, revisionId)).get();
    if (!revision) return "not_found";
    const guestName = input.name || link.recipient || "Guest";
    const { id } = tx
      .insert(reviewComments)
      .values({
        revisionId,
        authorId: link.createdById,
        guestName,
        previewLinkId: link.id,
        body: input.comment,
        contentHash: revision.contentHash,
        createdAt: now.toISOString(),
      })
      .returning({ id: reviewComments.id })
      .get();
    notifyEach(
      tx,
      [...authorAndAssigningEditors(tx, revision), link.createdById],
      "review_comment",
      `${guestName} (a guest, through a preview link) commented on “${revision.question}”.`,
      { articleId: link.articleId, revisionId },
      { eventKey: `guest_comment:${id}` },
    );
    appendAuditEvent(tx, {
      actor: null,
      actorLabel: `guest: ${guestName}`,
      action: "preview_link.comment",
      targetType: "revision",
      targetId: revisionId,
      articleId: link.articleId,
      summary: { commentId: id, linkId: link.id, contentHash: revision.contentHash, ip: input.ip },
    });
    return "stored";
  });
}
