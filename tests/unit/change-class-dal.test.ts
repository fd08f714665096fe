import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTempDatabase } from "../helpers/temp-db";
import { seededPeople, type SeededUser } from "../helpers/seeded-people";

/**
 * Change classes against a real seeded database: a minor claim is verified against the live text
 * at submission (refused with the reason, nothing changed), can be escalated, and a minor change
 * publishes with minorApprovals and keeps "last reviewed".
 */
const temp = useTempDatabase("change-class-dal");
const { getDb } = await import("@/db");
const { seedDemo, DEMO_PASSWORD } = await import("@/db/seed");
const { assignReviewers, escalateChangeClass, submitRevision } = await import("@/lib/dal/workflow");
const { approveRevision } = await import("@/lib/dal/sign-offs");
const { saveWorkingRevisionContent } = await import("@/lib/dal/workflow-edit");
const { WorkflowError } = await import("@/lib/dal/workflow-context");

type User = SeededUser;
const people: Record<string, User> = {};
const one = <T>(query: string, ...params: unknown[]) =>
  getDb()
    .$client.prepare(query)
    .get(...params) as T;
const articleOf = (slug: string) =>
  one<{ id: number; live: number; working: number; lastReviewedAt: string; reviewDueAt: string }>(
    "SELECT id, live_revision_id AS live, working_revision_id AS working, last_reviewed_at AS lastReviewedAt, review_due_at AS reviewDueAt FROM articles WHERE slug = ?",
    slug,
  );
const revision = (id: number) =>
  one<{ state: string; changeClass: string; patientBody: string; contentHash: string }>(
    "SELECT state, change_class AS changeClass, patient_body AS patientBody, content_hash AS contentHash FROM revisions WHERE id = ?",
    id,
  );
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof WorkflowError) return error.message;
    throw error;
  }
  return "allowed";
};

beforeAll(async () => {
  await seedDemo();
  Object.assign(people, seededPeople(getDb().$client));
}, 60_000);

afterAll(() => {
  getDb().$client.close();
  temp.cleanup();
});

describe("change classes", () => {
  const slug = "first-line-treatment-acute-low-back-pain";
  const dueDate = "2030-01-31";

  it("refuses a minor claim without a reason, or one that changes a number, and changes nothing", () => {
    const article = articleOf(slug);
    const livePatient = revision(article.live).patientBody;
    const withNumber = `${livePatient}\n\nRest for 2 days.`;
    const { revisionId } = saveWorkingRevisionContent(people.editor, article.id, { patientBody: withNumber });
    expect(refusal(() => submitRevision(people.editor, revisionId, { changeClass: "minor" }))).toBe("Say why this change is minor.");
    expect(refusal(() => submitRevision(people.editor, revisionId, { changeClass: "minor", minorReason: "typo" }))).toMatch(
      /^This isn't a minor change: it adds a number: 2 \(in the patient wording\)/,
    );
    expect(revision(revisionId).state).toBe("draft");
  });

  it("classes a one-word fix minor, lets a reviewer escalate it, and a minor approval keeps last reviewed", async () => {
    const article = articleOf(slug);
    const livePatient = revision(article.live).patientBody;
    const fixed = livePatient.replace(/\b([A-Za-z]{4,})\b/, "$1s");
    const { revisionId } = saveWorkingRevisionContent(people.editor, article.id, { patientBody: fixed });
    submitRevision(people.editor, revisionId, { changeClass: "minor", minorReason: "typo" });
    expect(revision(revisionId)).toMatchObject({ state: "submitted", changeClass: "minor" });
    assignReviewers(people.editor, { revisionId, reviewerIds: [people.reviewer3.id, people.reviewer2.id], dueDate });

    escalateChangeClass(people.reviewer3, { revisionId, reason: "Pluralising this changes the advice." });
    expect(revision(revisionId).changeClass).toBe("major");
    expect(refusal(() => escalateChangeClass(people.reviewer3, { revisionId, reason: "Again." }))).toMatch(/isn't classed minor/);

    // Major now: one physiotherapist's approval is not enough.
    const hash = revision(revisionId).contentHash;
    const first = await approveRevision(people.reviewer3, { revisionId, contentHash: hash, password: DEMO_PASSWORD });
    expect(first).toMatchObject({ ok: true, published: false });

    // Claimed minor again on resubmission of the same text: one approval publishes and the review dates stay.
    getDb().$client.prepare("UPDATE revisions SET change_class = 'minor', change_escalated_by_id = NULL WHERE id = ?").run(revisionId);
    const before = articleOf(slug);
    const second = await approveRevision(people.reviewer2, { revisionId, contentHash: hash, password: DEMO_PASSWORD });
    expect(second).toMatchObject({ ok: true, published: true });
    const after = articleOf(slug);
    expect(after.live).toBe(revisionId);
    expect([after.lastReviewedAt, after.reviewDueAt]).toEqual([before.lastReviewedAt, before.reviewDueAt]);
  });
});
