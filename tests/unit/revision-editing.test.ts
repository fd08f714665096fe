import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { useTempDatabase } from "../helpers/temp-db";

const temp = useTempDatabase("revision-editing");
const { getDb, writeTransaction } = await import("@/db");
const { articles, auditEvents, references, revisionCitations, revisions, users } = await import("@/db/schema");
const { createArticle, duplicateArticle, getEditableArticle } = await import("@/lib/dal/article-authoring");
const { saveRevision } = await import("@/lib/dal/revision-editing");
const { articleHistory } = await import("@/lib/dal/revision-history");
const { searchReferencesForPicker } = await import("@/lib/dal/citation-picker");
const { previewWording } = await import("@/lib/dal/revision-preview");
const { hashRevisionContent } = await import("@/lib/dal/revision-content");
const { shortHash } = await import("@/lib/content-hash");

type Actor = {
  id: number;
  role: "admin" | "editor" | "reviewer";
  active: boolean;
  email: string;
  name: string;
  mustChangePassword: boolean;
};
let editor: Actor;
let reviewer: Actor;

beforeAll(() => {
  writeTransaction((tx) => {
    const make = (role: Actor["role"]) => {
      const row = tx
        .insert(users)
        .values({ email: `${role}@unit.test`, name: `Unit ${role}`, role, passwordHash: "x" })
        .returning()
        .get();
      return { id: row.id, role, active: true, email: row.email, name: row.name, mustChangePassword: false };
    };
    editor = make("editor");
    reviewer = make("reviewer");
    tx.insert(references)
      .values({
        citekey: "bull2020",
        type: "guideline",
        title: "WHO 2020 guidelines on physical activity and sedentary behaviour",
        authors: [{ family: "Bull", given: "Fiona C" }],
        source: "Br J Sports Med",
        year: 2020,
        doi: "10.1136/bjsports-2020-102955",
        pmid: "33239350",
      })
      .run();
  });
});

afterAll(() => {
  getDb().$client.close();
  temp.cleanup();
});

const fieldsFor = (articleId: number) => {
  const a = getEditableArticle(articleId)!;
  return {
    articleId,
    revisionId: a.revision.id,
    version: a.revision.version,
    question: a.revision.question,
    slug: a.slug,
    topic: a.topic,
    clinicianBody: a.revision.clinicianBody,
    patientBody: a.revision.patientBody,
    disclosure: a.revision.disclosure,
  };
};

describe("creating articles", () => {
  it("creates a draft with a slug from the question, audited, and numbers slugs that are taken", () => {
    const first = createArticle(editor, { question: "Is walking safe after a caesarean?", topic: "Obstetrics" });
    const second = createArticle(editor, { question: "Is walking safe after a caesarean?", topic: "Obstetrics" });
    expect(getEditableArticle(first)!.slug).toBe("walking-safe-after-caesarean");
    expect(getEditableArticle(second)!.slug).toBe("walking-safe-after-caesarean-2");
    const article = getEditableArticle(first)!;
    expect(article.revision).toMatchObject({ number: 1, state: "draft", version: 1, question: "Is walking safe after a caesarean?" });
    const audit = getDb().select().from(auditEvents).where(eq(auditEvents.articleId, first)).all();
    expect(audit.map((e) => e.action)).toEqual(["article.create"]);
  });
});

describe("saving a revision", () => {
  it("stores the same content hash the workflow computes (hashRevisionContent)", () => {
    const id = createArticle(editor, { question: "Same hash?", topic: "" });
    const content = { question: "Same hash?", clinicianBody: "A [@bull2020; @nobody]", patientBody: "B [@bull2020]", disclosure: "None." };
    saveRevision(editor, { ...fieldsFor(id), ...content });
    const saved = getEditableArticle(id)!.revision;
    expect(saved.contentHash).toBe(writeTransaction((tx) => hashRevisionContent(tx, content)));
  });

  it("saves a draft in place: new version, new hash, citations linked, audited", () => {
    const id = createArticle(editor, { question: "Does exercise help?", topic: "" });
    const before = getEditableArticle(id)!;
    const outcome = saveRevision(editor, {
      ...fieldsFor(id),
      clinicianBody: "Yes [@bull2020].",
      patientBody: "Yes, it helps [@bull2020].",
    });
    expect(outcome.kind).toBe("saved");
    const after = getEditableArticle(id)!;
    expect(after.revision.id).toBe(before.revision.id);
    expect(after.revision.version).toBe(2);
    expect(after.revision.contentHash).not.toBe(before.revision.contentHash);
    const cited = getDb().select().from(revisionCitations).where(eq(revisionCitations.revisionId, after.revision.id)).all();
    expect(cited.map((c) => c.audience).sort()).toEqual(["clinician", "patient"]);
    const actions = getDb()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.articleId, id))
      .all()
      .map((e) => e.action);
    expect(actions).toContain("revision.edit");
  });

  it("refuses a save made from a stale version and returns the newer copy", () => {
    const id = createArticle(editor, { question: "Two tabs?", topic: "" });
    const stale = fieldsFor(id);
    expect(saveRevision(editor, { ...stale, patientBody: "First tab" }).kind).toBe("saved");
    const second = saveRevision(editor, { ...stale, patientBody: "Second tab" });
    expect(second.kind).toBe("conflict");
    if (second.kind === "conflict") {
      expect(second.server.revision.patientBody).toBe("First tab");
      expect(second.server.revision.version).toBe(2);
    }
    expect(getEditableArticle(id)!.revision.patientBody).toBe("First tab");
  });

  it("confirms a save with nothing changed without a new version", () => {
    const id = createArticle(editor, { question: "Nothing changed?", topic: "" });
    const outcome = saveRevision(editor, fieldsFor(id));
    expect(outcome.kind).toBe("saved");
    expect(getEditableArticle(id)!.revision.version).toBe(1);
  });

  it("edits an approved article into a new draft revision while the approved one stays live", () => {
    const id = createArticle(editor, { question: "Live article?", topic: "" });
    saveRevision(editor, { ...fieldsFor(id), patientBody: "Approved text." });
    const approved = getEditableArticle(id)!.revision;
    writeTransaction((tx) => {
      tx.update(revisions).set({ state: "approved", approvedAt: new Date().toISOString() }).where(eq(revisions.id, approved.id)).run();
      tx.update(articles).set({ liveRevisionId: approved.id, firstPublishedAt: new Date().toISOString() }).where(eq(articles.id, id)).run();
    });
    const outcome = saveRevision(editor, { ...fieldsFor(id), patientBody: "Approved text, revised." });
    expect(outcome.kind).toBe("saved");
    if (outcome.kind === "saved")
      expect(outcome.saved).toMatchObject({ startedNewRevision: true, revisionNumber: 2, state: "draft", version: 1 });
    const row = getDb().select().from(articles).where(eq(articles.id, id)).get()!;
    expect(row.liveRevisionId).toBe(approved.id);
    expect(row.workingRevisionId).not.toBe(approved.id);
    const live = getDb().select().from(revisions).where(eq(revisions.id, approved.id)).get()!;
    expect(live.patientBody).toBe("Approved text.");
    expect(live.state).toBe("approved");
    const working = getDb().select().from(revisions).where(eq(revisions.id, row.workingRevisionId!)).get()!;
    expect(working.basedOnRevisionId).toBe(approved.id);
    expect(working.contentHash).toBe(writeTransaction((tx) => hashRevisionContent(tx, working)));
    const created = getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetType, "revision"), eq(auditEvents.targetId, String(working.id))))
      .all();
    expect(created.map((e): unknown[] => [e.action, JSON.parse(e.summary)])).toEqual([
      [
        "revision.create",
        {
          basedOn: { revisionId: approved.id, number: 1 },
          after: { number: 2, state: "draft", contentHash: shortHash(working.contentHash) },
        },
      ],
    ]);

    // The slug of a published article is fixed.
    const slugChange = saveRevision(editor, { ...fieldsFor(id), slug: "another-address" });
    expect(slugChange.kind).toBe("invalid");

    const history = articleHistory(id)!;
    expect(history.entries.map((e) => [e.number, e.state, e.isLive, e.isWorking])).toEqual([
      [2, "draft", false, true],
      [1, "approved", true, false],
    ]);
  });

  it("edits a revision under review in place and says approvals no longer count", () => {
    const id = createArticle(editor, { question: "Under review?", topic: "" });
    const rev = getEditableArticle(id)!.revision;
    writeTransaction((tx) => tx.update(revisions).set({ state: "under_review" }).where(eq(revisions.id, rev.id)).run());
    const outcome = saveRevision(editor, { ...fieldsFor(id), clinicianBody: "Changed in review" });
    expect(outcome.kind).toBe("saved");
    if (outcome.kind === "saved")
      expect(outcome.saved).toMatchObject({ reviewersMustSignAgain: true, startedNewRevision: false, state: "under_review" });
  });

  it("refuses a reviewer, and a slug another article uses", () => {
    const id = createArticle(editor, { question: "Reviewer edit?", topic: "" });
    expect(saveRevision(reviewer, { ...fieldsFor(id), patientBody: "x" }).kind).toBe("forbidden");
    const other = getEditableArticle(createArticle(editor, { question: "Taken slug here", topic: "" }))!.slug;
    const outcome = saveRevision(editor, { ...fieldsFor(id), slug: other });
    expect(outcome).toMatchObject({ kind: "invalid", fieldErrors: { slug: [expect.stringMatching(/already/)] } });
  });

  it("duplicates an article's text into a new draft", () => {
    const id = createArticle(editor, { question: "Original?", topic: "Musculoskeletal" });
    saveRevision(editor, { ...fieldsFor(id), patientBody: "Copied text [@bull2020]" });
    const copy = getEditableArticle(duplicateArticle(editor, id)!)!;
    expect(copy.revision).toMatchObject({ question: "Copy of Original?", patientBody: "Copied text [@bull2020]", state: "draft" });
    expect(copy.topic).toBe("Musculoskeletal");
  });
});

describe("citation picker and preview", () => {
  it("finds a reference by title words, author, DOI in any form, or PMID", () => {
    for (const q of ["physical activity guidelines", "bull 2020", "https://doi.org/10.1136/BJSPORTS-2020-102955", "PMID: 33239350"]) {
      expect(
        searchReferencesForPicker(q).map((r) => r.citekey),
        q,
      ).toContain("bull2020");
    }
    expect(searchReferencesForPicker("no such reference anywhere")).toEqual([]);
  });

  it("renders a wording with numbered citations, its reference list and readability", () => {
    const preview = previewWording("Walk daily [@bull2020]. Unknown [@nobody1999].");
    expect(preview.html).toContain('<sup class="citation"><a href="#ref-1"');
    expect(preview.references).toHaveLength(1);
    expect(preview.references[0]).toMatchObject({ number: 1, citekey: "bull2020", typeLabel: "Guideline" });
    expect(preview.references[0].html).toContain("Br J Sports Med");
    expect(preview.unknownCitekeys.map((u) => u.key)).toEqual(["nobody1999"]);
    expect(preview.readability.words).toBeGreaterThan(0);
  });
});
