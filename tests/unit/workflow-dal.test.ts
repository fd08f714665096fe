import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTempDatabase } from "../helpers/temp-db";
import { seededPeople, type SeededUser } from "../helpers/seeded-people";

/**
 * The workflow's writes against a real seeded SQLite database: the full review cycle of the
 * issue, with the refusals that must leave the database untouched.
 */
const temp = useTempDatabase("workflow-dal");
const { getDb } = await import("@/db");
const { seedDemo, DEMO_PASSWORD } = await import("@/db/seed");
const { addReviewer, assignReviewers, submitRevision, startReReview, withdrawRevision } = await import("@/lib/dal/workflow");
const { approveRevision, requestChanges } = await import("@/lib/dal/sign-offs");
const { saveWorkingRevisionContent } = await import("@/lib/dal/workflow-edit");
const { addReviewComment } = await import("@/lib/dal/review");
const { WorkflowError } = await import("@/lib/dal/workflow-context");
const { verifyAuditChain } = await import("@/lib/audit");

type User = SeededUser;
const people: Record<string, User> = {};
const sql = () => getDb().$client;
const one = <T>(query: string, ...params: unknown[]) =>
  sql()
    .prepare(query)
    .get(...params) as T;
const count = (table: string) => one<{ n: number }>(`SELECT count(*) AS n FROM ${table}`).n;
const revisionOf = (slug: string) =>
  one<{ id: number; state: string; content_hash: string; article_id: number }>(
    "SELECT r.id, r.state, r.content_hash, r.article_id FROM revisions r JOIN articles a ON a.working_revision_id = r.id WHERE a.slug = ?",
    slug,
  );
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof WorkflowError) return error.code;
    throw error;
  }
  return "allowed";
};

beforeAll(async () => {
  await seedDemo();
  Object.assign(people, seededPeople(getDb().$client));
}, 60_000);

afterAll(() => {
  sql().close();
  temp.cleanup();
});

describe("the review cycle", () => {
  const slug = "when-to-screen-adults-for-type-2-diabetes";
  const dueDate = "2030-01-31";

  it("refuses a reviewer assigning themselves, and an assignment that includes the author", () => {
    const rev = revisionOf(slug);
    expect(refusal(() => assignReviewers(people.reviewer1, { revisionId: rev.id, reviewerIds: [people.reviewer1.id], dueDate }))).toBe(
      "forbidden",
    );
    expect(refusal(() => assignReviewers(people.admin, { revisionId: rev.id, reviewerIds: [people.editor.id], dueDate }))).toBe("invalid");
    expect(revisionOf(slug).state).toBe("submitted");
  });

  it("assigns reviewers, who are notified, and requests changes with a comment", () => {
    const rev = revisionOf(slug);
    assignReviewers(people.editor, { revisionId: rev.id, reviewerIds: [people.reviewer1.id, people.reviewer2.id], dueDate });
    expect(revisionOf(slug).state).toBe("under_review");
    expect(one<{ n: number }>("SELECT count(*) AS n FROM notifications WHERE kind = 'assigned' AND revision_id = ?", rev.id).n).toBe(2);
    expect(refusal(() => requestChanges(people.reviewer3, { revisionId: rev.id, contentHash: rev.content_hash, comment: "No." }))).toBe(
      "forbidden",
    );
    requestChanges(people.reviewer1, { revisionId: rev.id, contentHash: rev.content_hash, comment: "Cite the 2021 USPSTF statement." });
    expect(revisionOf(slug).state).toBe("changes_requested");
    expect(
      one<{ n: number }>("SELECT count(*) AS n FROM notifications WHERE kind = 'changes_requested' AND user_id = ?", people.editor.id).n,
    ).toBe(1);
  });

  it("resubmits after an edit and restarts the review with the same panel", () => {
    const rev = revisionOf(slug);
    saveWorkingRevisionContent(people.editor, rev.article_id, {
      clinicianBody: "Screen adults aged 35 to 70 with overweight or obesity [@us2021].",
    });
    expect(revisionOf(slug).content_hash).not.toBe(rev.content_hash);
    submitRevision(people.editor, rev.id);
    assignReviewers(people.editor, { revisionId: rev.id, reviewerIds: [] });
    expect(revisionOf(slug).state).toBe("under_review");
  });

  it("records nothing but an audit event and a lockout count for a wrong signing password", async () => {
    const rev = revisionOf(slug);
    const signOffsBefore = count("sign_offs");
    const result = await approveRevision(people.reviewer1, {
      revisionId: rev.id,
      contentHash: rev.content_hash,
      password: "not-my-password",
    });
    expect(result).toMatchObject({ ok: false, reason: "wrong_password" });
    expect(count("sign_offs")).toBe(signOffsBefore);
    expect(revisionOf(slug).state).toBe("under_review");
    expect(one<{ action: string }>("SELECT action FROM audit_events ORDER BY id DESC LIMIT 1").action).toBe("review.sign_refused");
    expect(one<{ count: number }>("SELECT count FROM rate_limits WHERE key = ?", `signoff:user:${people.reviewer1.id}`).count).toBe(1);
  });

  it("stops counting an approval once the text is edited, and tells the reviewer", async () => {
    const rev = revisionOf(slug);
    const first = await approveRevision(people.reviewer1, { revisionId: rev.id, contentHash: rev.content_hash, password: DEMO_PASSWORD });
    expect(first).toMatchObject({ ok: true, published: false, approvalsCounted: 1 });
    saveWorkingRevisionContent(people.editor, rev.article_id, {
      patientBody: "Ask your doctor about a blood sugar test if you are 35 to 70 and carry extra weight.",
    });
    expect(
      one<{ n: number }>("SELECT count(*) AS n FROM notifications WHERE kind = 'sign_off_again' AND user_id = ?", people.reviewer1.id).n,
    ).toBe(1);
    // Signing the text they saw before the edit is refused: it is no longer what is under review.
    await expect(
      approveRevision(people.reviewer2, { revisionId: rev.id, contentHash: rev.content_hash, password: DEMO_PASSWORD }),
    ).rejects.toMatchObject({ code: "conflict" });
    const current = revisionOf(slug);
    const second = await approveRevision(people.reviewer2, {
      revisionId: rev.id,
      contentHash: current.content_hash,
      password: DEMO_PASSWORD,
    });
    expect(second).toMatchObject({ ok: true, published: false, approvalsCounted: 1 });
  });

  it("refuses approval by an unassigned reviewer and by the editor", async () => {
    const rev = revisionOf(slug);
    await expect(
      approveRevision(people.reviewer3, { revisionId: rev.id, contentHash: rev.content_hash, password: DEMO_PASSWORD }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      approveRevision(people.editor, { revisionId: rev.id, contentHash: rev.content_hash, password: DEMO_PASSWORD }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });

  it("approves on quorum: the signed revision goes live with last-reviewed and due dates set", async () => {
    const rev = revisionOf(slug);
    const result = await approveRevision(people.reviewer1, { revisionId: rev.id, contentHash: rev.content_hash, password: DEMO_PASSWORD });
    expect(result).toMatchObject({ ok: true, published: true, approvalsCounted: 2 });
    const article = one<{ live_revision_id: number; last_reviewed_at: string; review_due_at: string }>(
      "SELECT * FROM articles WHERE id = ?",
      rev.article_id,
    );
    expect(article.live_revision_id).toBe(rev.id);
    const reviewed = new Date(article.last_reviewed_at);
    const due = new Date(article.review_due_at);
    expect(due.getUTCFullYear() - reviewed.getUTCFullYear()).toBe(1);
    expect(due.getUTCMonth()).toBe(reviewed.getUTCMonth());
    const signed = sql()
      .prepare(
        "SELECT DISTINCT content_hash FROM sign_offs WHERE revision_id = ? AND decision = 'approve' AND reviewer_id IN (?, ?) ORDER BY id DESC",
      )
      .all(rev.id, people.reviewer1.id, people.reviewer2.id) as { content_hash: string }[];
    expect(signed[0].content_hash).toBe(revisionOf(slug).content_hash);
    expect(revisionOf(slug).state).toBe("approved");
  });

  it("re-reviews an approved article in a new revision while the approved one stays live", () => {
    const before = revisionOf(slug);
    startReReview(people.editor, before.article_id);
    const next = revisionOf(slug);
    expect(next.id).not.toBe(before.id);
    expect(next.state).toBe("submitted");
    expect(next.content_hash).toBe(before.content_hash);
    expect(
      one<{ live_revision_id: number }>("SELECT live_revision_id FROM articles WHERE id = ?", before.article_id).live_revision_id,
    ).toBe(before.id);
    // The new revision is numbered after the last, submitted at once, and cites what the live one cites.
    const rows = (id: number) =>
      one<{ number: number; submitted_at: string | null; based_on_revision_id: number }>(
        "SELECT number, submitted_at, based_on_revision_id FROM revisions WHERE id = ?",
        id,
      );
    expect(rows(next.id)).toMatchObject({ number: rows(before.id).number + 1, based_on_revision_id: before.id });
    expect(rows(next.id).submitted_at).not.toBeNull();
    const citations = (id: number) =>
      sql()
        .prepare("SELECT reference_id, audience, position FROM revision_citations WHERE revision_id = ? ORDER BY audience, position")
        .all(id);
    expect(citations(next.id)).toEqual(citations(before.id));
    expect(citations(next.id).length).toBeGreaterThan(0);
    const event = one<{ action: string; target_id: string; summary: string }>(
      "SELECT action, target_id, summary FROM audit_events ORDER BY id DESC LIMIT 1",
    );
    expect(event).toMatchObject({ action: "revision.start_re_review", target_id: String(next.id) });
    expect(JSON.parse(event.summary)).toEqual({
      basedOnRevisionId: before.id,
      after: { state: "submitted", number: rows(before.id).number + 1 },
      reason: "requested",
    });
    expect(refusal(() => startReReview(people.editor, before.article_id))).toBe("conflict");
    withdrawRevision(people.editor, next.id);
    expect(revisionOf(slug).state).toBe("draft");
  });

  it("keeps comments to staff who may comment, and the audit chain intact throughout", () => {
    const rev = revisionOf("how-much-physical-activity-do-adults-need");
    expect(refusal(() => addReviewComment(people.reviewer3, { revisionId: rev.id, body: "Drive-by." }))).toBe("forbidden");
    addReviewComment(people.reviewer1, { revisionId: rev.id, body: "Check the figure.", quote: "150 minutes", quoteAudience: "patient" });
    const rows = sql()
      .prepare(
        "SELECT id, at, actor_id AS actorId, actor_label AS actorLabel, action, target_type AS targetType, target_id AS targetId, article_id AS articleId, summary, prev_hash AS prevHash, hash FROM audit_events ORDER BY id",
      )
      .all();
    expect(verifyAuditChain(rows as never)).toMatchObject({ ok: true });
  });

  it("locks signing after five wrong passwords, even for the right one, and records no sign-off", async () => {
    const rev = revisionOf("how-much-physical-activity-do-adults-need");
    addReviewer(people.admin, { revisionId: rev.id, reviewerId: people.reviewer3.id, dueDate: "2030-01-01" });
    const before = count("sign_offs");
    const attempt = (password: string) =>
      approveRevision(people.reviewer3, { revisionId: rev.id, contentHash: rev.content_hash, password });
    for (let i = 0; i < 4; i++) expect(await attempt(`wrong-${i}`)).toMatchObject({ ok: false, reason: "wrong_password" });
    expect(await attempt("wrong-4")).toMatchObject({ ok: false, reason: "locked" });
    expect(await attempt(DEMO_PASSWORD)).toMatchObject({ ok: false, reason: "locked" });
    expect(count("sign_offs")).toBe(before);
    expect(one<{ action: string }>("SELECT action FROM audit_events ORDER BY id DESC LIMIT 1").action).toBe("review.sign_throttled");
  });
});
