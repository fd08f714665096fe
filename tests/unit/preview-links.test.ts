import { afterAll, describe, expect, it } from "vitest";
import { useTempDatabase } from "../helpers/temp-db";

/**
 * Preview links through the real DAL on a temporary database (issue 20, part 5): a token of 128
 * bits stored only as its SHA-256, expiry capped at 30 days, "this version" pinned and "latest"
 * following the working revision, every view and refusal audited, revocation at once, and a guest
 * comment that is a review comment with a guest name, never a sign-off, limited per address.
 */

const temp = useTempDatabase("preview-links");
const GUEST_COMMENT_IP_LIMIT = 5;
process.env.QUESTION_IP_LIMIT = String(GUEST_COMMENT_IP_LIMIT);
process.env.SITE_URL = "https://vetted.example";
const { getDb } = await import("@/db");
const links = await import("@/lib/dal/preview-links");
const { previewReaderArticle } = await import("@/lib/dal/reader");
const { isWellFormedPreviewToken, previewExpiry, previewLinkState, PREVIEW_MAX_DAYS } = await import("@/lib/preview-links");
const { hashPreviewToken, newPreviewToken } = await import("@/lib/preview-token");
const { createPreviewLinkSchema, guestCommentSchema } = await import("@/lib/validations/preview-link");
const { verifyAuditChain } = await import("@/lib/audit");

afterAll(() => {
  getDb().$client.close();
  temp.cleanup();
});

const sql = () => getDb().$client;
const editor = (() => {
  const { id } = sql()
    .prepare("INSERT INTO users (email, name, role, password_hash) VALUES ('e@vetted.test', 'Eli Editor', 'editor', 'x') RETURNING id")
    .get() as { id: number };
  return { id, email: "e@vetted.test", name: "Eli Editor", role: "editor" as const, active: true, mustChangePassword: false };
})();

function article(question = "Is walking safe after surgery?") {
  const slug = `a-${Math.random().toString(36).slice(2, 8)}`;
  const { id } = sql()
    .prepare("INSERT INTO articles (slug, topic, created_by_id) VALUES (?, 'T', ?) RETURNING id")
    .get(slug, editor.id) as {
    id: number;
  };
  const revisionId = revision(id, 1, question);
  sql().prepare("UPDATE articles SET working_revision_id = ? WHERE id = ?").run(revisionId, id);
  return { articleId: id, revisionId };
}

function revision(articleId: number, number: number, question: string): number {
  return (
    sql()
      .prepare(
        `INSERT INTO revisions (article_id, number, question, clinician_body, patient_body, disclosure, state, content_hash, author_id)
         VALUES (?, ?, ?, 'Clinician text.', 'Patient text.', 'None.', 'draft', ?, ?) RETURNING id`,
      )
      .get(articleId, number, question, String(number).repeat(64), editor.id) as { id: number }
  ).id;
}

const tokenOf = (url: string) => url.split("/").at(-1)!;
const audits = (action: string) =>
  (sql().prepare("SELECT summary FROM audit_events WHERE action = ? ORDER BY id").all(action) as { summary: string }[]).map(
    (r) => JSON.parse(r.summary) as Record<string, unknown>,
  );

describe("tokens and expiry", () => {
  it("a token is 22 base64url characters (128 bits) and only its SHA-256 is stored", () => {
    const token = newPreviewToken();
    expect(Buffer.from(token, "base64url")).toHaveLength(16);
    expect(isWellFormedPreviewToken(token)).toBe(true);
    for (const bad of [token.slice(0, 21), `${token}A`, `${token.slice(0, 21)}=`, `${token.slice(0, 21)}/`])
      expect(isWellFormedPreviewToken(bad)).toBe(false);
    const a = article();
    const made = links.createPreviewLink(editor, {
      articleId: a.articleId,
      target: "this_version",
      expiresInDays: 3,
      recipient: "Dr Guest",
    });
    const row = sql().prepare("SELECT * FROM preview_links WHERE id = ?").get(made.linkId) as Record<string, unknown>;
    expect(made.url).toMatch(/^https:\/\/vetted\.example\/preview\/[A-Za-z0-9_-]{22}$/);
    expect(row.token_hash).toBe(hashPreviewToken(tokenOf(made.url)));
    expect(JSON.stringify(row)).not.toContain(tokenOf(made.url));
  });

  it("a link lasts 1 to 30 whole days; the form's schema says so", () => {
    const now = new Date("2026-12-07T10:00:00Z");
    expect(previewExpiry(now, 30).toISOString()).toBe("2027-01-06T10:00:00.000Z");
    expect(previewExpiry(now, 99).getTime()).toBe(previewExpiry(now, PREVIEW_MAX_DAYS).getTime());
    const base = { articleId: 1, target: "latest", recipient: "" };
    expect(createPreviewLinkSchema.safeParse({ ...base, expiresInDays: 31 }).success).toBe(false);
    expect(createPreviewLinkSchema.safeParse({ ...base, expiresInDays: 0 }).success).toBe(false);
    expect(createPreviewLinkSchema.safeParse({ ...base, expiresInDays: 30 }).success).toBe(true);
    expect(createPreviewLinkSchema.safeParse({ ...base, expiresInDays: 7, revisionId: 3 }).success).toBe(false);
    expect(guestCommentSchema.safeParse({ token: "x", comment: "Fine.", approve: true }).success).toBe(false);
    expect(previewLinkState({ expiresAt: now.toISOString(), revokedAt: null }, now)).toBe("expired");
    expect(previewLinkState({ expiresAt: "2099-01-01T00:00:00Z", revokedAt: now.toISOString() }, now)).toBe("revoked");
  });
});

describe("opening a preview", () => {
  it("'this version' stays on its revision, 'latest' follows the working one; each view is counted and audited", () => {
    const a = article("Version one?");
    const pinned = tokenOf(
      links.createPreviewLink(editor, { articleId: a.articleId, target: "this_version", expiresInDays: 7, recipient: "" }).url,
    );
    const latest = tokenOf(
      links.createPreviewLink(editor, { articleId: a.articleId, target: "latest", expiresInDays: 7, recipient: "" }).url,
    );
    const second = revision(a.articleId, 2, "Version two?");
    sql().prepare("UPDATE articles SET working_revision_id = ? WHERE id = ?").run(second, a.articleId);
    const p = links.openPreview(pinned, "patient", "192.0.2.1")!;
    const l = links.openPreview(latest, "clinician", "192.0.2.1")!;
    expect([p.revisionId, p.pinned, l.revisionId, l.pinned]).toEqual([a.revisionId, true, second, false]);
    expect(previewReaderArticle(a.articleId, p.revisionId, "patient")?.question).toBe("Version one?");
    expect(previewReaderArticle(a.articleId, l.revisionId, "clinician")).toMatchObject({ question: "Version two?", status: "submitted" });
    // A revision of another article is never rendered under this one.
    expect(previewReaderArticle(article().articleId, p.revisionId, "patient")).toBeNull();
    expect(audits("preview_link.viewed").slice(-2)).toEqual([
      { revisionId: a.revisionId, audience: "patient", ip: "192.0.2.1" },
      { revisionId: second, audience: "clinician", ip: "192.0.2.1" },
    ]);
    expect((sql().prepare("SELECT view_count FROM preview_links WHERE id = ?").get(p.linkId) as { view_count: number }).view_count).toBe(1);
  });

  it("revoked, expired, unknown and malformed tokens open nothing, each refusal audited with its reason and no token", () => {
    const a = article();
    const made = links.createPreviewLink(editor, { articleId: a.articleId, target: "latest", expiresInDays: 1, recipient: "" });
    const token = tokenOf(made.url);
    expect(links.openPreview(token, "patient", "192.0.2.9")).not.toBeNull();
    const later = new Date(Date.now() + 2 * 86_400_000);
    expect(links.openPreview(token, "patient", "192.0.2.9", later)).toBeNull();
    links.revokePreviewLink(editor, made.linkId);
    expect(links.openPreview(token, "patient", "192.0.2.9")).toBeNull();
    expect(() => links.revokePreviewLink(editor, made.linkId)).toThrow("already revoked");
    expect(links.openPreview(newPreviewToken(), "patient", "192.0.2.9")).toBeNull();
    expect(links.openPreview(token.slice(0, 10), "patient", "192.0.2.9")).toBeNull();
    const refused = audits("preview_link.refused").slice(-4);
    expect(refused.map((r) => r.reason)).toEqual(["expired", "revoked", "unknown", "malformed"]);
    expect(JSON.stringify(refused)).not.toContain(token.slice(0, 10));
    expect(links.listPreviewLinks(a.articleId)[0]).toMatchObject({ state: "revoked", viewCount: 1, revisionNumber: null });
  });
});

describe("guest comments", () => {
  it("land as review comments with the guest's name, tell the editors, and are limited per address", () => {
    const a = article();
    const token = tokenOf(
      links.createPreviewLink(editor, { articleId: a.articleId, target: "latest", expiresInDays: 7, recipient: "Dr Panel" }).url,
    );
    expect(links.refuseStaleToken(token, "198.51.100.4")).toBe(false);
    expect(links.leaveGuestComment({ token, name: undefined, comment: "Paragraph two is unclear.", ip: "198.51.100.4" })).toBe("stored");
    const comment = sql().prepare("SELECT * FROM review_comments WHERE revision_id = ?").get(a.revisionId) as Record<string, unknown> & {
      id: number;
    };
    expect(comment).toMatchObject({ guest_name: "Dr Panel", author_id: editor.id, body: "Paragraph two is unclear." });
    expect(sql().prepare("SELECT count(*) AS n FROM sign_offs").get()).toEqual({ n: 0 });
    expect(
      sql().prepare("SELECT kind FROM notifications WHERE user_id = ? AND event_key = ?").get(editor.id, `guest_comment:${comment.id}`),
    ).toEqual({
      kind: "review_comment",
    });
    for (let i = 1; i < GUEST_COMMENT_IP_LIMIT; i++)
      expect(links.leaveGuestComment({ token, name: "Dr Panel", comment: `More ${i}.`, ip: "198.51.100.4" })).toBe("stored");
    expect(links.leaveGuestComment({ token, name: "Dr Panel", comment: "One too many.", ip: "198.51.100.4" })).toBe("rate_limited");
    // Another client is not held back by the first one's count.
    expect(links.leaveGuestComment({ token, name: "Dr Other", comment: "From elsewhere.", ip: "198.51.100.5" })).toBe("stored");
    // A stale token is refused and the refusal audited before anything is written.
    expect(links.refuseStaleToken(newPreviewToken(), "198.51.100.4")).toBe(true);
    expect(audits("preview_link.comment_refused").at(-1)).toMatchObject({ reason: "unknown", ip: "198.51.100.4" });
    const rows = sql()
      .prepare(
        "SELECT id, at, actor_id AS actorId, actor_label AS actorLabel, action, target_type AS targetType, target_id AS targetId, article_id AS articleId, summary, prev_hash AS prevHash, hash FROM audit_events ORDER BY id",
      )
      .all();
    // The guests' labels ("guest: Dr Panel") are part of the hashed chain.
    expect(verifyAuditChain(rows as never)).toMatchObject({ ok: true });
  });
});
