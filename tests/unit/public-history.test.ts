import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTempDatabase } from "../helpers/temp-db";

/** The public version history's query on a real SQLite file: approved versions up to the live one, nothing else. */
const temp = useTempDatabase("public-history");
const { getDb } = await import("@/db");
const { getPublicHistory } = await import("@/lib/dal/public-history");

const db = () => getDb().$client;
let editorId = 0;

function article(slug: string): number {
  return (db().prepare("INSERT INTO articles (slug, topic) VALUES (?, 'Unit') RETURNING id").get(slug) as { id: number }).id;
}

function revision(
  articleId: number,
  number: number,
  state: string,
  patientBody: string,
  hash: string,
  extra: { approvedAt?: string; summary?: string } = {},
) {
  return (
    db()
      .prepare(
        `INSERT INTO revisions (article_id, number, question, clinician_body, patient_body, disclosure, state, content_hash, author_id, approved_at, change_summary)
         VALUES (?, ?, 'Is it safe?', 'Clinician text.', ?, 'None.', ?, ?, ?, ?, ?) RETURNING id`,
      )
      .get(articleId, number, patientBody, state, hash, editorId, extra.approvedAt ?? null, extra.summary ?? "") as { id: number }
  ).id;
}

function sign(revisionId: number, reviewerId: number, name: string, credentials: string, hash: string, decision = "approve") {
  db()
    .prepare(
      "INSERT INTO sign_offs (revision_id, reviewer_id, decision, meaning, signer_name, signer_credentials, content_hash) VALUES (?, ?, ?, 'm', ?, ?, ?)",
    )
    .run(revisionId, reviewerId, decision, name, credentials, hash);
}

const point = (articleId: number, live: number | null, working: number) =>
  db().prepare("UPDATE articles SET live_revision_id = ?, working_revision_id = ? WHERE id = ?").run(live, working, articleId);

beforeAll(() => {
  const user = db().prepare("INSERT INTO users (email, name, role, password_hash) VALUES (?, ?, ?, 'x') RETURNING id");
  editorId = (user.get("e@unit.test", "Ed", "editor") as { id: number }).id;
  const a = (user.get("a@unit.test", "Dr. A", "reviewer") as { id: number }).id;
  const b = (user.get("b@unit.test", "Dr. B", "reviewer") as { id: number }).id;

  const id = article("three-versions");
  const v1 = revision(id, 1, "approved", "Walk every day.", "h1", { approvedAt: "2026-01-01T00:00:00.000Z" });
  sign(v1, a, "Dr. A", "MD", "h1");
  sign(v1, a, "Dr. A", "MD", "h1"); // a second signature by the same reviewer counts once
  sign(v1, b, "Dr. B", "PT", "h0"); // on text that was changed afterwards: does not count
  const v2 = revision(id, 2, "approved", "Walk or swim every day.", "h2", {
    approvedAt: "2026-02-01T00:00:00.000Z",
    summary: "Adds swimming.",
  });
  sign(v2, b, "Dr. B", "PT", "h2");
  sign(v2, a, "Dr. A", "MD", "h2", "request_changes");
  const draft = revision(id, 3, "draft", "Walk, swim or cycle every day. SECRET DRAFT WORDS.", "h3");
  // Approved but not live (waiting for publication): not shown either.
  revision(id, 4, "approved", "SCHEDULED WORDS", "h4", { approvedAt: "2026-03-01T00:00:00.000Z" });
  point(id, v2, draft);

  const pending = article("pending-only");
  point(pending, null, revision(pending, 1, "under_review", "In review.", "p1"));
  const hidden = article("draft-only");
  point(hidden, null, revision(hidden, 1, "draft", "Draft.", "d1"));
});

afterAll(() => {
  getDb().$client.close();
  temp.cleanup();
});

describe("public version history", () => {
  it("lists the approved versions up to the live one, newest first, with their counting reviewers and a word diff", () => {
    const history = getPublicHistory("three-versions", "patient")!;
    expect(history.versions.map((v) => [v.version, v.number, v.isLive])).toEqual([
      [2, 2, true],
      [1, 1, false],
    ]);
    const [second, first] = history.versions;
    expect(first.reviewers).toEqual([{ name: "Dr. A", credentials: "MD" }]);
    expect(second.reviewers).toEqual([{ name: "Dr. B", credentials: "PT" }]);
    expect(second.changeSummary).toBe("Adds swimming.");
    expect(first.diff).toBeNull();
    expect(second.diff?.filter((s) => s.type === "insert").map((s) => s.text.trim())).toEqual(["or swim"]);
    const everything = JSON.stringify(history);
    expect(everything).not.toContain("SECRET DRAFT");
    expect(everything).not.toContain("SCHEDULED");
  });

  it("diffs the chosen audience's wording", () => {
    const history = getPublicHistory("three-versions", "clinician")!;
    expect(history.versions[0].diff?.every((s) => s.type === "equal")).toBe(true);
  });

  it("has no versions for an article only pending review, and nothing at all for one readers can't see", () => {
    expect(getPublicHistory("pending-only", "patient")).toMatchObject({ versions: [] });
    expect(getPublicHistory("draft-only", "patient")).toBeNull();
    expect(getPublicHistory("no-such-article", "patient")).toBeNull();
  });
});
