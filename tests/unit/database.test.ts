import { afterAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import { useTempDatabase } from "../helpers/temp-db";

const temp = useTempDatabase("database");
const { getDb, writeTransaction } = await import("@/db");
const { articles, revisions, users, signOffs, auditEvents } = await import("@/db/schema");

/** drizzle wraps SQLite errors; the reason is in the cause. */
function sqliteError(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    const e = error as Error & { cause?: Error };
    return `${e.message} ${e.cause?.message ?? ""}`;
  }
  return "no error";
}

afterAll(() => {
  getDb().$client.close();
  temp.cleanup();
});

describe("the database connection", () => {
  it("uses WAL, synchronous=NORMAL, a busy timeout and enforced foreign keys", () => {
    const client = getDb().$client;
    expect(client.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(client.pragma("synchronous", { simple: true })).toBe(1); // NORMAL
    expect(client.pragma("busy_timeout", { simple: true })).toBeGreaterThanOrEqual(5000);
    expect(client.pragma("foreign_keys", { simple: true })).toBe(1);
  });

  it("has applied every migration, including the full-text index", () => {
    const tables = getDb()
      .all<{ name: string }>(sql`SELECT name FROM sqlite_master WHERE type = 'table'`)
      .map((t) => t.name);
    for (const t of [
      "users",
      "articles",
      "revisions",
      "library_references",
      "sign_offs",
      "audit_events",
      "article_search",
      "site_settings",
    ])
      expect(tables).toContain(t);
  });

  it("refuses a row that points at a missing parent", () => {
    expect(
      sqliteError(() =>
        writeTransaction((tx) => tx.insert(revisions).values({ articleId: 9999, number: 1, contentHash: "x", authorId: 9999 }).run()),
      ),
    ).toMatch(/FOREIGN KEY/);
  });

  it("keeps sign-offs and audit events immutable", () => {
    const ids = writeTransaction((tx) => {
      const user = tx.insert(users).values({ email: "r@example.test", name: "R", role: "reviewer", passwordHash: "x" }).returning().get();
      const article = tx.insert(articles).values({ slug: "immutability" }).returning().get();
      const revision = tx
        .insert(revisions)
        .values({ articleId: article.id, number: 1, contentHash: "h", authorId: user.id })
        .returning()
        .get();
      const signOff = tx
        .insert(signOffs)
        .values({ revisionId: revision.id, reviewerId: user.id, decision: "approve", meaning: "m", signerName: "R", contentHash: "h" })
        .returning()
        .get();
      tx.insert(auditEvents).values({ at: "2026-01-01T00:00:00.000Z", action: "a", targetType: "t", prevHash: "0", hash: "1" }).run();
      return { signOff: signOff.id };
    });
    expect(
      sqliteError(() => writeTransaction((tx) => tx.run(sql`UPDATE sign_offs SET content_hash = 'forged' WHERE id = ${ids.signOff}`))),
    ).toMatch(/immutable/);
    expect(sqliteError(() => writeTransaction((tx) => tx.run(sql`DELETE FROM sign_offs`)))).toMatch(/immutable/);
    expect(sqliteError(() => writeTransaction((tx) => tx.run(sql`UPDATE audit_events SET action = 'x'`)))).toMatch(/append-only/);
    expect(sqliteError(() => writeTransaction((tx) => tx.run(sql`DELETE FROM audit_events`)))).toMatch(/append-only/);
  });

  it("rolls back the whole transaction when a write inside it fails", () => {
    const before = getDb().select().from(articles).all().length;
    expect(() =>
      writeTransaction((tx) => {
        tx.insert(articles).values({ slug: "rolled-back" }).run();
        tx.insert(articles).values({ slug: "rolled-back" }).run();
      }),
    ).toThrow();
    expect(getDb().select().from(articles).all().length).toBe(before);
  });

  it("joins an open write transaction: one commit, and a refusal anywhere rolls back every nested write", () => {
    const count = () => getDb().select().from(articles).all().length;
    const before = count();
    const client = getDb().$client;
    const other = new Database(temp.file, { readonly: true });
    const seenElsewhere = () => (other.prepare("SELECT count(*) AS n FROM articles").get() as { n: number }).n;
    // Nested writeTransaction calls (DAL functions inside an action's transaction) commit with it, not on their own.
    const ids = writeTransaction(() => {
      const a = writeTransaction((tx) => tx.insert(articles).values({ slug: "joined-a" }).returning().get().id);
      const b = writeTransaction((tx) => tx.insert(articles).values({ slug: "joined-b" }).returning().get().id);
      expect(seenElsewhere(), "a nested write was committed before the outer transaction").toBe(before);
      return [a, b];
    });
    expect(seenElsewhere()).toBe(before + 2);
    other.close();
    expect(ids).toHaveLength(2);
    expect(count()).toBe(before + 2);

    // The outer callback throws after an inner write released its savepoint: nothing stays.
    expect(() =>
      writeTransaction(() => {
        writeTransaction((tx) => tx.insert(articles).values({ slug: "joined-rolled-back" }).run());
        throw new Error("refused after the inner write");
      }),
    ).toThrow("refused after the inner write");
    expect(count()).toBe(before + 2);
    expect(client.inTransaction).toBe(false);

    // An inner failure that the caller catches rolls back only the inner savepoint.
    writeTransaction(() => {
      writeTransaction((tx) => tx.insert(articles).values({ slug: "joined-kept" }).run());
      expect(() =>
        writeTransaction((tx) => {
          tx.insert(articles).values({ slug: "joined-inner-failed" }).run();
          throw new Error("inner refusal");
        }),
      ).toThrow("inner refusal");
    });
    const slugs = getDb()
      .select({ slug: articles.slug })
      .from(articles)
      .all()
      .map((r) => r.slug);
    expect(slugs).toContain("joined-kept");
    expect(slugs).not.toContain("joined-inner-failed");

    // After all that, a new call opens its own transaction again.
    writeTransaction(() => expect(client.inTransaction).toBe(true));
    expect(client.inTransaction).toBe(false);
  });
});
