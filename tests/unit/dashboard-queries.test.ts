import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTempDatabase } from "../helpers/temp-db";

// The dashboard queries were reshaped to use the indexes of migrations 0002 and 0003 (issue 9, and
// the paged "Assigned to you" list); these check they still return exactly the rows the dashboard promises.
const temp = useTempDatabase("dashboard");
const { getDb } = await import("@/db");
const { myAssignments, overdueForReReview, overdueForReReviewCount, reReviewQueue, stateCounts, articlesInState } =
  await import("@/lib/dal/dashboard");

const ids: Record<string, number> = {};
const NOW = "2026-06-01T00:00:00.000Z";
let article: (name: string, states: string[], extra?: { due?: string; flagged?: string; live?: boolean }) => number;
const reviewer = (id: number) => ({ id }) as never;

beforeAll(() => {
  const c = getDb().$client;
  const user = (email: string, role: string) =>
    (
      c.prepare("INSERT INTO users (email, name, role, password_hash) VALUES (?,?,?,'x') RETURNING id").get(email, email, role) as {
        id: number;
      }
    ).id;
  ids.editor = user("e@x.test", "editor");
  ids.rev = user("r@x.test", "reviewer");
  ids.other = user("o@x.test", "reviewer");
  let n = 0;
  article = (name: string, states: string[], extra: { due?: string; flagged?: string; live?: boolean } = {}) => {
    const a = (c.prepare("INSERT INTO articles (slug, topic) VALUES (?, 'T') RETURNING id").get(`${name}-${n++}`) as { id: number }).id;
    let last = 0;
    let live: number | null = null;
    states.forEach((state, i) => {
      last = (
        c
          .prepare(
            "INSERT INTO revisions (article_id, number, question, state, content_hash, author_id, updated_at) VALUES (?,?,?,?,?,?,?) RETURNING id",
          )
          .get(a, i + 1, name, state, `h-${name}-${i}`, ids.editor, `2026-0${i + 1}-0${(n % 9) + 1}T00:00:00.000Z`) as { id: number }
      ).id;
      if (state === "approved") live = last;
    });
    c.prepare(
      "UPDATE articles SET working_revision_id = ?, live_revision_id = ?, review_due_at = ?, re_review_flagged_at = ? WHERE id = ?",
    ).run(last, extra.live === false ? null : live, extra.due ?? null, extra.flagged ?? null, a);
    ids[name] = last;
    return a;
  };
  article("draft", ["draft"]);
  article("inReview", ["under_review"]);
  article("submitted", ["submitted"]);
  article("approvedThenReview", ["approved", "under_review"]);
  article("approvedClosed", ["approved"], { due: "2027-01-01T00:00:00.000Z" });
  article("overdue", ["approved"], { due: "2026-01-01T00:00:00.000Z" });
  article("flagged", ["approved"], { due: "2027-01-01T00:00:00.000Z", flagged: "2026-05-01T00:00:00.000Z" });
  const assign = (rev: number, reviewer: number, removed: string | null = null) =>
    c
      .prepare("INSERT INTO review_assignments (revision_id, reviewer_id, removed_at, due_at) VALUES (?,?,?,?)")
      .run(rev, reviewer, removed, "2026-07-01T00:00:00.000Z");
  assign(ids.inReview, ids.rev);
  assign(ids.submitted, ids.rev);
  assign(ids.approvedThenReview, ids.rev, "2026-05-01T00:00:00.000Z"); // removed: not listed
  assign(ids.approvedClosed, ids.rev); // approved: no longer open
  assign(ids.inReview, ids.other);
  c.prepare(
    "INSERT INTO sign_offs (revision_id, reviewer_id, decision, meaning, signer_name, content_hash) VALUES (?,?, 'approve', 'm', 'R', ?)",
  ).run(ids.inReview, ids.rev, "h-inReview-0");
});

afterAll(() => {
  getDb().$client.close();
  temp.cleanup();
});

describe("dashboard queries", () => {
  it("lists a reviewer's open assignments only, with whether the current version is signed", () => {
    const { rows, total, page, pageCount } = myAssignments(reviewer(ids.rev), { page: 1 }, NOW);
    expect({ total, page, pageCount }).toEqual({ total: 2, page: 1, pageCount: 1 });
    expect(rows.map((r) => r.revisionId).sort()).toEqual([ids.inReview, ids.submitted].sort());
    expect(rows.find((r) => r.revisionId === ids.inReview)?.signedCurrentVersion).toBe(true);
    expect(rows.find((r) => r.revisionId === ids.submitted)?.signedCurrentVersion).toBe(false);
    expect(myAssignments(reviewer(ids.other), { page: 1 }, NOW).rows.map((r) => r.revisionId)).toEqual([ids.inReview]);
  });

  it("gives a reviewer with no open assignments an empty page 1", () => {
    expect(myAssignments(reviewer(ids.editor), { page: 3 }, NOW)).toEqual({ rows: [], total: 0, page: 1, pageCount: 1 });
  });

  it("lists live articles past their review date or flagged, and nothing else", () => {
    const rows = overdueForReReview(NOW);
    expect(rows.map((r) => r.question).sort()).toEqual(["flagged", "overdue"]);
    expect(overdueForReReviewCount(NOW)).toBe(rows.length);
    expect(reReviewQueue(NOW)).toEqual({ rows, total: 2 });
  });

  it("counts articles by the state of their working revision", () => {
    expect(stateCounts()).toEqual({ draft: 1, submitted: 1, under_review: 2, changes_requested: 0, approved: 3 });
    expect(
      articlesInState("under_review")
        .map((r) => r.question)
        .sort(),
    ).toEqual(["approvedThenReview", "inReview"]);
  });

  it("reuses the counts until something is written, then counts again", () => {
    const before = stateCounts();
    expect(stateCounts()).toEqual(before);
    const c = getDb().$client;
    c.prepare("UPDATE revisions SET state = 'changes_requested' WHERE id = ?").run(ids.submitted);
    expect(stateCounts()).toEqual({ ...before, submitted: before.submitted - 1, changes_requested: before.changes_requested + 1 });
    c.prepare("UPDATE revisions SET state = 'submitted' WHERE id = ?").run(ids.submitted);
    expect(stateCounts()).toEqual(before);
  });
});

describe("a busy reviewer's assignments, a page at a time", () => {
  type Fixture = { assignmentId: number; revisionId: number; due: string | null; open: boolean };
  const fixtures: Fixture[] = [];
  // Due dates repeat so the assignment id has to break ties; some have none.
  const DUES = [
    "2026-06-20T00:00:00.000Z",
    null,
    "2026-05-10T00:00:00.000Z",
    "2026-06-20T00:00:00.000Z",
    "2026-07-01T00:00:00.000Z",
    null,
    "2026-05-10T00:00:00.000Z",
  ];

  beforeAll(() => {
    const c = getDb().$client;
    ids.busy = (
      c
        .prepare("INSERT INTO users (email, name, role, password_hash) VALUES ('busy@x.test', 'Busy', 'reviewer', 'x') RETURNING id")
        .get() as { id: number }
    ).id;
    const assign = c.prepare("INSERT INTO review_assignments (revision_id, reviewer_id, removed_at, due_at) VALUES (?,?,?,?) RETURNING id");
    for (let i = 0; i < 80; i++) {
      // Every fifth is approved (no longer open) and every seventh removed: neither is listed.
      const state = i % 5 === 4 ? "approved" : i % 2 ? "submitted" : "under_review";
      article(`busy${i}`, [state]);
      const removed = i % 7 === 6 ? "2026-05-01T00:00:00.000Z" : null;
      const due = DUES[i % DUES.length];
      const assignmentId = (assign.get(ids[`busy${i}`], ids.busy, removed, due) as { id: number }).id;
      fixtures.push({ assignmentId, revisionId: ids[`busy${i}`], due, open: state !== "approved" && !removed });
    }
  });

  const expected = () =>
    fixtures
      .filter((f) => f.open)
      .sort(
        (a, b) =>
          Number(a.due === null) - Number(b.due === null) || (a.due ?? "").localeCompare(b.due ?? "") || a.assignmentId - b.assignmentId,
      )
      .map((f) => f.assignmentId);

  it("pages through every open assignment once, soonest due first, undated last, ties by assignment id", () => {
    const want = expected();
    expect(want.length).toBeGreaterThan(50);
    const first = myAssignments(reviewer(ids.busy), { page: 1 }, NOW);
    expect(first.total).toBe(want.length);
    const seen: number[] = [];
    for (let page = 1; page <= Math.ceil(want.length / 25); page++) {
      const got = myAssignments(reviewer(ids.busy), { page }, NOW);
      expect(got.page).toBe(page);
      expect(got.rows.length).toBe(Math.min(25, want.length - (page - 1) * 25));
      seen.push(...got.rows.map((r) => r.assignmentId));
    }
    expect(seen).toEqual(want);
    const dues = seen.map((id) => fixtures.find((f) => f.assignmentId === id)!.due);
    expect(dues.slice(dues.indexOf(null)).every((d) => d === null)).toBe(true);
  });

  it("never lists removed assignments or approved revisions", () => {
    const all = myAssignments(reviewer(ids.busy), { page: 1, pageSize: 500 }, NOW).rows;
    const closed = new Set(fixtures.filter((f) => !f.open).map((f) => f.assignmentId));
    expect(closed.size).toBeGreaterThan(10);
    expect(all.filter((r) => closed.has(r.assignmentId))).toEqual([]);
    expect(all.every((r) => r.state === "submitted" || r.state === "under_review")).toBe(true);
  });

  it("clamps a page past the end to the last page and anything below 1 to the first", () => {
    const want = expected();
    const last = Math.ceil(want.length / 25);
    const clamped = myAssignments(reviewer(ids.busy), { page: 999 }, NOW);
    expect(clamped.page).toBe(last);
    expect(clamped.rows.map((r) => r.assignmentId)).toEqual(want.slice((last - 1) * 25));
    for (const page of [0, -3, 1.5])
      expect(myAssignments(reviewer(ids.busy), { page }, NOW).rows.map((r) => r.assignmentId)).toEqual(want.slice(0, 25));
  });

  it("pages by the size asked for", () => {
    const want = expected();
    const page2 = myAssignments(reviewer(ids.busy), { page: 2, pageSize: 10 }, NOW);
    expect(page2).toMatchObject({ page: 2, pageCount: Math.ceil(want.length / 10), total: want.length });
    expect(page2.rows.map((r) => r.assignmentId)).toEqual(want.slice(10, 20));
  });

  it("marks overdue assignments and ones approved on an earlier text", () => {
    const c = getDb().$client;
    const target = fixtures.find((f) => f.open && f.due === "2026-05-10T00:00:00.000Z")!;
    c.prepare(
      "INSERT INTO sign_offs (revision_id, reviewer_id, decision, meaning, signer_name, content_hash) VALUES (?,?, 'approve', 'm', 'B', 'an-older-hash')",
    ).run(target.revisionId, ids.busy);
    const row = myAssignments(reviewer(ids.busy), { page: 1, pageSize: 500 }, NOW).rows.find(
      (r) => r.assignmentId === target.assignmentId,
    )!;
    expect(row.overdue).toBe(true);
    expect(row.signedCurrentVersion).toBe(false);
    expect(row.needsSignAgain).toBe(row.state === "under_review");
    const later = myAssignments(reviewer(ids.busy), { page: 1, pageSize: 500 }, NOW).rows.find(
      (r) => r.dueAt === "2026-07-01T00:00:00.000Z",
    )!;
    expect(later.overdue).toBe(false);
  });
});

describe("re-review count", () => {
  it("counts every article the re-review list's rule takes in, beyond the 25 it shows", () => {
    for (let i = 0; i < 30; i++) article(`due${i}`, ["approved"], { due: `2026-0${1 + (i % 5)}-15T00:00:00.000Z` });
    // Not live (never published) or not yet due: not counted, as not listed.
    article("dueNotLive", ["approved"], { due: "2026-01-01T00:00:00.000Z", live: false });
    article("flaggedNotLive", ["approved"], { due: "2027-01-01T00:00:00.000Z", flagged: "2026-05-01T00:00:00.000Z", live: false });
    article("notYetDue", ["approved"], { due: "2026-06-02T00:00:00.000Z" });
    expect(overdueForReReviewCount(NOW)).toBe(32);
    expect(overdueForReReview(NOW)).toHaveLength(25);
    expect(reReviewQueue(NOW)).toEqual({ rows: overdueForReReview(NOW), total: 32 });
    // The list's own rule, applied to every article without a limit.
    const rule = getDb()
      .$client.prepare(
        `SELECT count(*) AS n FROM articles
      WHERE live_revision_id IS NOT NULL AND (review_due_at < ? OR re_review_flagged_at IS NOT NULL)`,
      )
      .get(NOW) as { n: number };
    expect(rule.n).toBe(32);
    // A moment later the not-yet-due one is due too.
    expect(overdueForReReviewCount("2026-06-03T00:00:00.000Z")).toBe(33);
  });
});
