import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { eq, sql } from "drizzle-orm";
import type { CurrentUser } from "@/lib/dal/session";
import { useTempDatabase } from "../helpers/temp-db";

const temp = useTempDatabase("references-dal");
const { getDb } = await import("@/db");
const { articles, auditEvents, references, revisions, users } = await import("@/db/schema");
const { seedDemo } = await import("@/db/seed");
const dal = { ...(await import("@/lib/dal/references-read")), ...(await import("@/lib/dal/references-write")) };
const { previewImport } = await import("@/lib/dal/references-import");
const { referenceSchema } = await import("@/lib/validations/reference");
const { hashRevisionContent } = await import("@/lib/dal/revision-content");

let editor: CurrentUser;
const idOf = (citekey: string) => getDb().select({ id: references.id }).from(references).where(eq(references.citekey, citekey)).get()!.id;
const lastAudit = () =>
  getDb()
    .select()
    .from(auditEvents)
    .orderBy(sql`id DESC`)
    .limit(1)
    .get()!;
const values = (input: unknown) => referenceSchema.parse(input);

beforeAll(async () => {
  await seedDemo();
  const row = getDb().select().from(users).where(eq(users.email, "editor@vetted.test")).get()!;
  editor = { id: row.id, role: row.role, active: row.active, email: row.email, name: row.name, mustChangePassword: false };
}, 60_000);

afterAll(() => {
  getDb().$client.close();
  temp.cleanup();
});

describe("listing the library", () => {
  test("filters by text in the authors, by type, year, DOI and PMID, formatting each row in AMA style", () => {
    const byAuthor = dal.listReferences({ q: "mottola" });
    expect(byAuthor.rows.map((r) => r.citekey)).toEqual(["mottola2018"]);
    expect(byAuthor.rows[0].ama.text).toContain("Mottola MF, Davenport MH, Ruchat SM, et al.");
    expect(byAuthor.rows[0].citingArticles).toBeGreaterThan(0);

    expect(dal.listReferences({ doi: "https://doi.org/10.1136/BJSPORTS-2018-100056" }).rows.map((r) => r.citekey)).toEqual(["mottola2018"]);
    expect(dal.listReferences({ pmid: "PMID: 30337460" }).rows.map((r) => r.citekey)).toEqual(["mottola2018"]);
    const guidelines2020 = dal.listReferences({ type: "guideline", year: 2020 }).rows;
    expect(guidelines2020.length).toBeGreaterThan(0);
    expect(guidelines2020.every((r) => r.type === "guideline" && r.year === 2020)).toBe(true);
  });

  test("treats % and _ in a search as plain characters", () => {
    expect(dal.listReferences({ q: "%" }).total).toBe(0);
    expect(dal.listReferences({ q: "_" }).total).toBe(0);
  });

  test("names the articles citing a reference", () => {
    const citing = dal.citingArticles(idOf("american2020"));
    expect(citing.length).toBeGreaterThan(0);
    expect(citing[0].question).not.toBe("");
  });
});

describe("creating and editing", () => {
  test("gives a readable citekey with a letter on collision, and audits the creation", () => {
    const outcome = dal.createReference(
      editor,
      values({ type: "research", title: "A second paper", authors: "Mottola MF", source: "J Test", year: 2018 }),
    );
    expect(outcome).toMatchObject({ ok: true, citekey: "mottola2018a" });
    expect(lastAudit()).toMatchObject({ action: "reference.create", targetType: "reference" });
  });

  test("refuses a duplicate DOI written differently, pointing to the existing entry", () => {
    const outcome = dal.createReference(
      editor,
      values({ type: "research", title: "Copy", source: "X", doi: "https://doi.org/10.1136/BJSPORTS-2018-100056" }),
    );
    expect(outcome).toMatchObject({ ok: false, reason: "duplicate", field: "doi", existing: { citekey: "mottola2018" } });
  });

  test("keeps a DOI in its registered case, and finds duplicates whatever the case", () => {
    const outcome = dal.createReference(
      editor,
      values({ type: "research", title: "Medical marijuana laws", source: "N Engl J Med", year: 2009, doi: "doi:10.1056/NEJMsa0810119" }),
    );
    expect(outcome).toMatchObject({ ok: true });
    const id = outcome.ok ? outcome.id : 0;
    expect(dal.getReference(id)?.doi).toBe("10.1056/NEJMsa0810119");
    expect(dal.getReference(id)?.ama.text).toContain("doi:10.1056/NEJMsa0810119");
    expect(dal.listReferences({ doi: "10.1056/nejmsa0810119" }).rows.map((r) => r.id)).toEqual([id]);
    expect(
      dal.createReference(editor, values({ type: "research", title: "Copy", source: "X", doi: "https://doi.org/10.1056/nejmsa0810119" })),
    ).toMatchObject({ ok: false, reason: "duplicate", field: "doi" });
    const preview = previewImport(`@article{x, title={Copy}, journal={N Engl J Med}, year={2009}, doi={10.1056/NEJMSA0810119}}`);
    expect(preview.ok && preview.entries[0]).toMatchObject({ verdict: "duplicate", existing: { id } });
  });

  test("refuses to change a citekey, and a duplicate PMID on edit", () => {
    const id = idOf("mottola2018a");
    expect(dal.updateReference(editor, id, values({ citekey: "other2018", type: "research", title: "x", source: "y" }))).toMatchObject({
      ok: false,
      reason: "citekey_changed",
    });
    expect(dal.updateReference(editor, id, values({ type: "research", title: "x", source: "y", pmid: "30337460" }))).toMatchObject({
      ok: false,
      reason: "duplicate",
      field: "pmid",
    });
  });

  test("editing a cited reference updates the hash of open revisions citing it, not of approved ones", () => {
    const id = idOf("bull2020");
    const before = getDb().select().from(revisions).all();
    const ref = dal.getReference(id)!;
    const {
      id: _id,
      citekey: _key,
      retracted: _r,
      retractionNote: _n,
      retractedAt: _a,
      retractionSource: _rs,
      noticeKind: _nk,
      noticeNote: _nn,
      noticeSource: _ns,
      noticeAt: _na,
      updatedAt: _u,
      ama: _ama,
      ...fields
    } = ref;
    const outcome = dal.updateReference(editor, id, values({ ...fields, pages: "1451-1463" }));
    expect(outcome).toMatchObject({ ok: true, cited: true });
    const after = new Map(
      getDb()
        .select()
        .from(revisions)
        .all()
        .map((r) => [r.id, r]),
    );
    const citing = getDb()
      .all<{ revision_id: number }>(sql`SELECT DISTINCT revision_id FROM revision_citations WHERE reference_id = ${id}`)
      .map((r) => r.revision_id);
    expect(citing.length).toBeGreaterThan(0);
    for (const old of before.filter((r) => citing.includes(r.id))) {
      const now = after.get(old.id)!;
      if (old.state === "approved") expect(now.contentHash).toBe(old.contentHash);
      else {
        expect(now.contentHash).not.toBe(old.contentHash);
        expect(now.contentHash).toBe(getDb().transaction((tx) => hashRevisionContent(tx, now)));
      }
    }
    expect(lastAudit()).toMatchObject({ action: "reference.update" });
    expect((JSON.parse(lastAudit().summary) as { changes: Record<string, unknown> }).changes.pages).toEqual({
      before: "1451-1462",
      after: "1451-1463",
    });
  });
});

describe("deleting", () => {
  test("is refused while an article cites the reference, naming the articles", () => {
    const outcome = dal.deleteReference(editor, idOf("american2020"));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok && outcome.reason === "cited") expect(outcome.articles.length).toBeGreaterThan(0);
    else throw new Error("expected a refusal naming the citing articles");
  });

  test("removes an uncited reference and audits it", () => {
    const id = idOf("mottola2018a");
    expect(dal.deleteReference(editor, id)).toMatchObject({ ok: true });
    expect(dal.getReference(id)).toBeNull();
    expect(lastAudit()).toMatchObject({ action: "reference.delete", targetId: String(id) });
  });
});

describe("retraction", () => {
  test("flags approved articles whose live revision cites it, and unmarking keeps the flags", () => {
    const id = idOf("stuge2004");
    const outcome = dal.setReferenceRetracted(editor, id, true, "Retraction notice, 2026");
    expect(outcome).toMatchObject({ ok: true });
    if (!outcome.ok) return;
    expect(outcome.flaggedArticles).toBeGreaterThan(0);
    const flagged = getDb()
      .select()
      .from(articles)
      .where(sql`re_review_flagged_at IS NOT NULL`)
      .all();
    expect(flagged.length).toBe(outcome.flaggedArticles);
    expect(flagged[0].reReviewReason).toContain("stuge2004");
    expect(dal.retractedReferences().map((r) => r.citekey)).toEqual(["stuge2004"]);
    expect(dal.retractedReferences()[0].articles.length).toBeGreaterThan(0);

    expect(dal.setReferenceRetracted(editor, id, false, "")).toMatchObject({ ok: true, flaggedArticles: 0 });
    expect(dal.getReference(id)).toMatchObject({ retracted: false, retractionNote: null });
    expect(
      getDb()
        .select()
        .from(articles)
        .where(sql`re_review_flagged_at IS NOT NULL`)
        .all().length,
    ).toBe(flagged.length);
    expect(lastAudit()).toMatchObject({ action: "reference.unretract" });
  });
});

describe("import", () => {
  const bib = `@article{a, title={Already here}, journal={BJSM}, year={2018}, doi={10.1136/BJSPORTS-2018-100056}}
@article{b, title={Brand new trial of walking}, author={Nguyen, Anh}, journal={J Walk}, year={2021}, doi={10.5555/walk.1}}
@article{c, title={Same DOI again}, journal={J Walk}, year={2021}, doi={10.5555/walk.1}}
@article{d, title={Broken, journal={J}, year={2021}
`;
  test("previews each entry as new, duplicate (pointing to the library entry) or invalid", () => {
    const preview = previewImport(bib);
    if (!preview.ok) throw new Error(preview.error);
    expect(preview.entries.map((e) => e.verdict)).toEqual(["duplicate", "new", "duplicate", "invalid"]);
    const [first, , third] = preview.entries;
    expect(first).toMatchObject({ existing: { citekey: "mottola2018" } });
    expect(third).toMatchObject({ existing: null, duplicateOfEntry: 2 });
    expect(preview.counts).toEqual({ new: 1, duplicate: 2, invalid: 1 });
  });

  test("warns about a likely duplicate that shares only the title with a library entry", () => {
    const preview = previewImport(
      `@article{t, title={Efficacy of deep core stability exercise program in postpartum women with diastasis recti abdominis: A randomised controlled trial.}, journal={J}, year={2019}, pmid={30839304}}`,
    );
    if (!preview.ok) throw new Error(preview.error);
    expect(preview.entries[0]).toMatchObject({ verdict: "new", sameTitleAs: { citekey: "thabet2019" } });
  });

  test("refuses binary input with a clear error", () => {
    const junk = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    const preview = previewImport(junk);
    expect(preview).toMatchObject({ ok: false });
  });

  test("saves a picked batch, skipping what became a duplicate and renaming a citekey taken meanwhile", () => {
    const preview = previewImport(bib);
    if (!preview.ok) throw new Error(preview.error);
    const fresh = preview.entries.find((e) => e.verdict === "new")!;
    if (fresh.verdict !== "new") throw new Error("expected a new entry");
    const outcome = dal.importReferenceBatch(editor, [
      { ...values(fresh.reference), citekey: fresh.reference.citekey },
      { ...values({ type: "research", title: "Dup", source: "x", pmid: "30337460" }), citekey: "dup2020" },
      { ...values({ type: "research", title: "Clash", source: "x" }), citekey: "mottola2018" },
    ]);
    expect(outcome.created.map((c) => c.citekey)).toEqual(["nguyen2021", "clashnd"]);
    expect(outcome.skipped).toHaveLength(1);
    expect(lastAudit()).toMatchObject({ action: "reference.import" });
  });
});

describe("export of an article's references", () => {
  test("lists what the working revision cites, clinician wording first, each once", () => {
    const article = getDb().select().from(articles).limit(1).get()!;
    const result = dal.articleReferences(article.id)!;
    expect(result.references.length).toBeGreaterThan(0);
    expect(new Set(result.references.map((r) => r.id)).size).toBe(result.references.length);
  });
});

describe("importing records that carry their own retraction or notice", () => {
  test("the preview shows the signal; the batch saves the retraction and the notice with the record's words", () => {
    const bib = `@article{wakefield, title={Ileal-lymphoid-nodular hyperplasia, non-specific colitis, and pervasive developmental disorder in children}, author={Wakefield, A. J.}, journaltitle={The Lancet}, shortjournal={Lancet}, year={1998}, doi={10.1016/S0140-6736(97)11096-0}, note={Retracted in: Lancet. 2010;375(9713):445}}
@article{sprint, title={A Randomized Trial of Intensive versus Standard Blood-Pressure Control}, author={Wright, Jackson T.}, journaltitle={New England Journal of Medicine}, year={2015}, doi={10.1056/NEJMoa1511939}, note={Erratum in: N Engl J Med. 2017;377(25):2506}}`;
    const preview = previewImport(bib);
    if (!preview.ok) throw new Error(preview.error);
    const [wakefield, sprint] = preview.entries;
    if (wakefield.verdict !== "new" || sprint.verdict !== "new") throw new Error("expected two new entries");
    expect(wakefield.signals).toEqual([
      { kind: "retraction", text: "Retracted, per the record's own metadata (BibTeX note): “Retracted in: Lancet. 2010;375(9713):445”" },
    ]);
    expect(sprint.integrity).toMatchObject({ status: "notice", kind: "correction" });

    const batch = [wakefield.reference, sprint.reference].map((r) => ({ ...values(r), citekey: r.citekey }));
    const notes = {
      wakefield: wakefield.integrity.status === "retracted" ? wakefield.integrity.note : "",
      sprint: sprint.integrity.status === "notice" ? sprint.integrity.note : "",
    };
    const outcome = dal.importReferenceBatch(editor, batch, [
      { citekey: wakefield.reference.citekey, status: "retracted", note: notes.wakefield },
      { citekey: sprint.reference.citekey, status: "notice", kind: "correction", note: notes.sprint },
    ]);
    expect(outcome.created).toHaveLength(2);
    const saved = outcome.created.map((c) => dal.getReference(c.id)!);
    expect(saved[0]).toMatchObject({ retracted: true, retractionSource: "import", retractionNote: notes.wakefield, noticeKind: null });
    expect(saved[0].retractedAt).toBeTruthy();
    expect(saved[0].doi).toBe("10.1016/S0140-6736(97)11096-0");
    expect(saved[1]).toMatchObject({ retracted: false, noticeKind: "correction", noticeSource: "import", noticeNote: notes.sprint });
    expect(JSON.parse(lastAudit().summary)).toMatchObject({
      retractedPerRecord: [wakefield.reference.citekey],
      noticePerRecord: [sprint.reference.citekey],
    });
  });
});
