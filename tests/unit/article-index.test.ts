import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTempDatabase } from "../helpers/temp-db";

/** The staff article index's queries on the demo seed plus generated rows: search, filters, keyset pages, scope. */
const temp = useTempDatabase("article-index");
const { getDb } = await import("@/db");
const { seedDemo } = await import("@/db/seed");
const index = await import("@/lib/dal/article-index");
const { parseArticleIndexFilter } = await import("@/lib/validations/article-index");

type User = Parameters<typeof index.articleIndexPage>[0];
let editor: User;
let reviewer: User;
const view = (qs: string) => parseArticleIndexFilter(Object.fromEntries(new URLSearchParams(qs))).filter;

beforeAll(async () => {
  await seedDemo();
  const client = getDb().$client;
  const pick = (role: string) => client.prepare("SELECT id, email, name, role, active FROM users WHERE role = ? LIMIT 1").get(role) as User;
  editor = { ...pick("editor"), active: true, mustChangePassword: false };
  reviewer = { ...pick("reviewer"), active: true, mustChangePassword: false };
  const insertArticle = client.prepare("INSERT INTO articles (slug, topic) VALUES (?, 'Paging') RETURNING id");
  const insertRevision = client.prepare(
    "INSERT INTO revisions (article_id, number, question, patient_body, state, content_hash, author_id, updated_at) VALUES (?, 1, ?, ?, 'draft', 'h', ?, ?) RETURNING id",
  );
  client.transaction(() => {
    for (let n = 0; n < 120; n++) {
      const id = (insertArticle.get(`paging-${n}`) as { id: number }).id;
      const rev = (
        insertRevision.get(
          id,
          `Paging question ${String(n).padStart(3, "0")}?`,
          n === 7 ? "Try a zebrafinch diet." : "Plain.",
          editor.id,
          `2026-01-01T00:00:${String(n % 60).padStart(2, "0")}.000Z`,
        ) as {
          id: number;
        }
      ).id;
      client.prepare("UPDATE articles SET working_revision_id = ? WHERE id = ?").run(rev, id);
    }
  })();
}, 120_000);

afterAll(() => {
  getDb().$client.close();
  temp.cleanup();
});

const all = (user: User, qs: string) => {
  const seen: string[] = [];
  let filter = view(qs);
  for (;;) {
    const page = index.articleIndexPage(user, filter, 25);
    seen.push(...page.rows.map((r) => r.slug));
    if (!page.next) return seen;
    filter = { ...filter, cursor: page.next };
  }
};

describe("staff article index", () => {
  it("pages every sort by cursor with no row twice or missed", () => {
    for (const sort of ["updated", "due", "question"]) {
      const slugs = all(editor, `topic=Paging&sort=${sort}`);
      expect(slugs.length, sort).toBe(120);
      expect(new Set(slugs).size, sort).toBe(120);
    }
    expect(index.articleIndexCounts(editor, view("topic=Paging")).byState.draft).toBe(120);
  });

  it("finds a word of the patient wording, and follows a later save through the triggers", () => {
    expect(index.articleIndexPage(editor, view("q=zebrafinch")).rows.map((r) => r.slug)).toEqual(["paging-7"]);
    getDb().$client.prepare("UPDATE revisions SET patient_body = 'Now about a kookaburra.' WHERE question = 'Paging question 008?'").run();
    expect(index.articleIndexPage(editor, view("q=kookaburra")).rows.map((r) => r.slug)).toEqual(["paging-8"]);
    expect(index.articleIndexPage(editor, view("q=paging-9")).rows.map((r) => r.slug)).toContain("paging-9");
  });

  it("finds the articles citing a reference by its citekey, DOI or PMID", () => {
    const ref = getDb()
      .$client.prepare(
        "SELECT l.id, l.citekey, l.doi, l.pmid FROM library_references l JOIN revision_citations rc ON rc.reference_id = l.id WHERE l.doi IS NOT NULL AND l.pmid IS NOT NULL LIMIT 1",
      )
      .get() as { id: number; citekey: string; doi: string; pmid: string };
    const byRef = index.articleIndexPage(editor, view(`ref=${ref.id}`)).rows.map((r) => r.id);
    expect(byRef.length).toBeGreaterThan(0);
    for (const q of [ref.citekey, `https://doi.org/${ref.doi.toUpperCase()}`, `PMID: ${ref.pmid}`]) {
      const page = index.articleIndexPage(editor, view(`q=${encodeURIComponent(q)}`));
      expect(page.search?.kind, q).toBe("reference");
      expect(page.rows.map((r) => r.id).sort(), q).toEqual([...byRef].sort());
    }
  });

  it("shows a reviewer only their assigned articles, whatever the link says", () => {
    const assigned = getDb()
      .$client.prepare(
        "SELECT count(*) AS n FROM articles a JOIN review_assignments ra ON ra.revision_id = a.working_revision_id WHERE ra.reviewer_id = ? AND ra.removed_at IS NULL",
      )
      .get(reviewer.id) as { n: number };
    expect(index.articleIndexCounts(reviewer, view("")).total).toBe(assigned.n);
    expect(index.articleIndexCounts(reviewer, view(`reviewer=${editor.id}`)).total).toBe(assigned.n);
    expect(all(reviewer, "topic=Paging")).toEqual([]);
  });

  it("reads a forged cursor as the first page and drops unreadable filters", () => {
    expect(index.articleIndexPage(editor, { ...view("topic=Paging"), cursor: "bm9wZQ" }).badCursor).toBe(true);
    expect(parseArticleIndexFilter({ state: "nope", due: "x", sort: "sideways", topic: "Paging" })).toEqual({
      filter: { sort: "updated", topic: "Paging" },
      ignored: ["sort", "state", "due"],
    });
  });
});
