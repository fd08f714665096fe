import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTempDatabase } from "../helpers/temp-db";

/** The reader DAL on the demo seed: what anonymous readers can and cannot reach. */
const temp = useTempDatabase("reader-dal");
const { getDb, writeTransaction } = await import("@/db");
const { siteSettings, followUpQuestions, articles, revisions } = await import("@/db/schema");
const { seedDemo } = await import("@/db/seed");
const reader = await import("@/lib/dal/reader");
const lists = await import("@/lib/dal/reader-lists");
const questions = await import("@/lib/dal/follow-up-questions");
const { toSearchQuery } = await import("@/lib/reader/search-query");
const { eq } = await import("drizzle-orm");

beforeAll(async () => {
  await seedDemo();
}, 120_000);

afterAll(() => {
  getDb().$client.close();
  temp.cleanup();
});

const setPolicy = (policy: "on-submit" | "approved-only") =>
  writeTransaction((tx) =>
    tx
      .insert(siteSettings)
      .values({ key: "publishPolicy", value: JSON.stringify(policy) })
      .onConflictDoUpdate({ target: siteSettings.key, set: { value: JSON.stringify(policy) } })
      .run(),
  );

describe("reader visibility", () => {
  it("never lists drafts or changes-requested articles", () => {
    const slugs = lists.latestVisibleArticles(500).map((a) => a.slug);
    expect(slugs).toContain("when-to-screen-adults-for-type-2-diabetes");
    expect(slugs).toContain("postpartum-back-pain-exercise-3-months");
    expect(slugs).not.toContain("ibuprofen-while-breastfeeding");
    expect(slugs).not.toContain("daily-aspirin-to-prevent-first-heart-attack");
    expect(reader.getReaderArticle("ibuprofen-while-breastfeeding", "patient")).toBeNull();
    expect(reader.getReaderArticle("daily-aspirin-to-prevent-first-heart-attack", "clinician")).toBeNull();
  });

  it("shows the live revision while a newer one is in review", () => {
    const article = reader.getReaderArticle("postpartum-back-pain-exercise-3-months", "clinician");
    expect(article?.status).toBe("approved");
    expect(article?.html).not.toContain("diastasis recti");
    expect(article?.reviewedBy.length).toBeGreaterThanOrEqual(2);
  });

  it("hides submitted and in-review articles under approved-only", () => {
    setPolicy("approved-only");
    try {
      const slugs = lists.latestVisibleArticles(500).map((a) => a.slug);
      expect(slugs).not.toContain("when-to-screen-adults-for-type-2-diabetes");
      expect(slugs).not.toContain("how-much-physical-activity-do-adults-need");
      expect(slugs).toContain("postpartum-back-pain-exercise-3-months");
      expect(reader.getReaderArticle("when-to-screen-adults-for-type-2-diabetes", "patient")).toBeNull();
      expect(reader.searchArticles(toSearchQuery("diabetes")!, 1, 10).hits.map((h) => h.slug)).not.toContain(
        "when-to-screen-adults-for-type-2-diabetes",
      );
    } finally {
      setPolicy("on-submit");
    }
  });

  it("numbers citations by first appearance, each wording with its own list", () => {
    for (const audience of ["clinician", "patient"] as const) {
      const article = reader.getReaderArticle("postpartum-back-pain-exercise-3-months", audience)!;
      const firstSeen: number[] = [];
      for (const m of article.html.matchAll(/href="#ref-(\d+)"/g)) if (!firstSeen.includes(Number(m[1]))) firstSeen.push(Number(m[1]));
      expect(firstSeen).toEqual(article.references.map((r) => r.number));
      expect(article.references.every((r) => r.backlinks.length > 0)).toBe(true);
    }
  });
});

describe("reader search", () => {
  it("finds a word only the patient wording uses, and says so", () => {
    const hit = reader
      .searchArticles(toSearchQuery("stroller")!, 1, 10)
      .hits.find((h) => h.slug === "postpartum-back-pain-exercise-3-months");
    expect(hit?.matchedPatientOnly).toBe(true);
  });
  it("matches whole words first and a half-typed last word as a prefix when that finds too little", () => {
    const slugs = (q: string) => reader.searchArticles(toSearchQuery(q)!, 1, 10).hits.map((h) => h.slug);
    expect(slugs("stroller")).toContain("postpartum-back-pain-exercise-3-months");
    expect(slugs("strol")).toContain("postpartum-back-pain-exercise-3-months");
    expect(slugs("postpartum strol")).toContain("postpartum-back-pain-exercise-3-months");
    expect(slugs("strollerx")).toEqual([]);
  });
  it("never returns drafts", () => {
    expect(reader.searchArticles(toSearchQuery("ibuprofen")!, 1, 10).hits.map((h) => h.slug)).not.toContain(
      "ibuprofen-while-breastfeeding",
    );
  });
});

describe("follow-up questions", () => {
  const editor = {
    id: 2,
    role: "editor" as const,
    active: true,
    email: "editor@vetted.test",
    name: "Sam Whitaker",
    mustChangePassword: false,
  };
  const ask = (ip: string, limit = 2) =>
    questions.askFollowUpQuestion({
      slug: "postpartum-back-pain-exercise-3-months",
      question: "Is swimming fine at 3 months?",
      email: null,
      audience: "patient",
      ip,
      limit,
    });

  it("stores questions per IP up to the limit", () => {
    expect(ask("10.0.0.1")).toBe("stored");
    expect(ask("10.0.0.1")).toBe("stored");
    expect(ask("10.0.0.1")).toBe("rate_limited");
    expect(ask("10.0.0.2")).toBe("stored");
  });

  it("refuses questions about invisible articles", () => {
    expect(
      questions.askFollowUpQuestion({
        slug: "ibuprofen-while-breastfeeding",
        question: "Is it safe to take?",
        email: null,
        audience: null,
        ip: "10.0.0.3",
        limit: 5,
      }),
    ).toBe("not_found");
  });

  it("turns a question into a draft article titled with the question", () => {
    const [first] = questions.listNewQuestions();
    const outcome = questions.convertQuestionToDraft(editor, first.id);
    expect(outcome.ok).toBe(true);
    const articleId = (outcome as { articleId: number }).articleId;
    const article = getDb().select().from(articles).where(eq(articles.id, articleId)).get()!;
    const revision = getDb().select().from(revisions).where(eq(revisions.id, article.workingRevisionId!)).get()!;
    expect(revision.state).toBe("draft");
    expect(revision.question).toBe("Is swimming fine at 3 months?");
    expect(article.liveRevisionId).toBeNull();
    expect(questions.convertQuestionToDraft(editor, first.id)).toEqual({ ok: false, reason: "already_triaged" });
    expect(getDb().select().from(followUpQuestions).where(eq(followUpQuestions.id, first.id)).get()?.status).toBe("converted");
  });

  it("dismisses a question once", () => {
    const [q] = questions.listNewQuestions();
    expect(questions.dismissQuestion(editor, q.id)).toEqual({ ok: true });
    expect(questions.dismissQuestion(editor, q.id)).toEqual({ ok: false, reason: "already_triaged" });
  });
});
