import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTempDatabase } from "../helpers/temp-db";

// The dashboard queries were reshaped to use the indexes of migration 0003 (issue 9); these
// check they still return exactly the rows the dashboard promises.
const temp = useTempDatabase("dashboard");
const { getDb } = await import("@/db");
const { myAssignments, overdueForReReview, stateCounts, articlesInState } = await import("@/lib/dal/dashboard");

const ids: Record<string, number> = {};
const NOW = "2026-06-01T00:00:00.000Z";

beforeAll(() => {
  const c = getDb().$client;
  const user = (email: string, role: string) =>
    (c.prepare("INSERT INTO users (email, name, role, password_hash) VALUES (?,?,?,'x') RETURNING id").get(email, email, role) as { id: number }).id;
  ids.editor = user("e@x.test", "editor");
  ids.rev = user("r@x.test", "reviewer");
  ids.other = user("o@x.test", "reviewer");
  let n = 0;
  const article = (name: string, states: string[], extra: { due?: string; flagged?: string; live?: boolean } = {}) => {
    const a = (c.prepare("INSERT INTO articles (slug, topic) VALUES (?, 'T') RETURNING id").get(`${name}-${n++}`) as { id: number }).id;
    let last = 0;
    let live: number | null = null;
    states.forEach((state, i) => {
      last = (c.prepare("INSERT INTO revisions (article_id, number, question, state, content_hash, author_id, updated_at) VALUES (?,?,?,?,?,?,?) RETURNING id")
        .get(a, i + 1, name, state, `h-${name}-${i}`, ids.editor, `2026-0${i + 1}-0${(n % 9) + 1}T00:00:00.000Z`) as { id: number }).id;
      if (state === "approved") live = last;
    });
    c.prepare("UPDATE articles SET working_revision_id = ?, live_revision_id = ?, review_due_at = ?, re_review_flagged_at = ? WHERE id = ?")
      .run(last, extra.live === false ? null : live, extra.due ?? null, extra.flagged ?? null, a);
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
    c.prepare("INSERT INTO review_assignments (revision_id, reviewer_id, removed_at, due_at) VALUES (?,?,?,?)").run(rev, reviewer, removed, "2026-07-01T00:00:00.000Z");
  assign(ids.inReview, ids.rev);
  assign(ids.submitted, ids.rev);
  assign(ids.approvedThenReview, ids.rev, "2026-05-01T00:00:00.000Z"); // removed: not listed
  assign(ids.approvedClosed, ids.rev); // approved: no longer open
  assign(ids.inReview, ids.other);
  c.prepare("INSERT INTO sign_offs (revision_id, reviewer_id, decision, meaning, signer_name, content_hash) VALUES (?,?, 'approve', 'm', 'R', ?)").run(ids.inReview, ids.rev, "h-inReview-0");
});

afterAll(() => {
  getDb().$client.close();
  temp.cleanup();
});

describe("dashboard queries", () => {
  it("lists a reviewer's open assignments only, with whether the current version is signed", () => {
    const rows = myAssignments({ id: ids.rev } as never, NOW);
    expect(rows.map((r) => r.revisionId).sort()).toEqual([ids.inReview, ids.submitted].sort());
    expect(rows.find((r) => r.revisionId === ids.inReview)?.signedCurrentVersion).toBe(true);
    expect(rows.find((r) => r.revisionId === ids.submitted)?.signedCurrentVersion).toBe(false);
    expect(myAssignments({ id: ids.other } as never, NOW).map((r) => r.revisionId)).toEqual([ids.inReview]);
  });

  it("lists live articles past their review date or flagged, and nothing else", () => {
    const rows = overdueForReReview(NOW);
    expect(rows.map((r) => r.question).sort()).toEqual(["flagged", "overdue"]);
  });

  it("counts articles by the state of their working revision", () => {
    expect(stateCounts()).toEqual({ draft: 1, submitted: 1, under_review: 2, changes_requested: 0, approved: 3 });
    expect(articlesInState("under_review").map((r) => r.question).sort()).toEqual(["approvedThenReview", "inReview"]);
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
