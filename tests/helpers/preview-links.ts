import { createHash, randomBytes } from "node:crypto";
import { e2eDb } from "./e2e-db";

/**
 * A preview link stored as the app stores one (only the token's SHA-256), for specs that need a
 * link without the overview's dialog (the access matrix, the leak and XSS suites, accessibility).
 * `revisionId` null follows the article's working revision.
 */
export function issuePreviewLink(opts: {
  articleId: number;
  revisionId: number | null;
  createdById: number;
  recipient?: string;
  validForMs?: number;
}): { token: string; linkId: number } {
  const token = randomBytes(16).toString("base64url");
  const db = e2eDb();
  try {
    const { id } = db
      .prepare(
        "INSERT INTO preview_links (article_id, revision_id, token_hash, recipient, created_by_id, expires_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
      )
      .get(
        opts.articleId,
        opts.revisionId,
        previewTokenHash(token),
        opts.recipient ?? "",
        opts.createdById,
        new Date(Date.now() + (opts.validForMs ?? 7 * 86_400_000)).toISOString(),
      ) as { id: number };
    return { token, linkId: id };
  } finally {
    db.close();
  }
}

export function previewTokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Moves a link's expiry into the past, as if its days had gone by. */
export function expirePreviewLink(token: string): void {
  const db = e2eDb();
  try {
    db.prepare("UPDATE preview_links SET expires_at = ? WHERE token_hash = ?").run(
      new Date(Date.now() - 60_000).toISOString(),
      previewTokenHash(token),
    );
  } finally {
    db.close();
  }
}

/** The token at the end of a preview URL. */
export const tokenOf = (url: string) => new URL(url).pathname.split("/").at(-1)!;
