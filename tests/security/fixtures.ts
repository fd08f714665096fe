import { randomUUID } from "node:crypto";
import { expect, request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { createUser, e2eDb } from "../helpers/e2e-db";
import { testEnv } from "@/lib/env";

/**
 * Objects the security suites act on, inserted straight into the e2e database so every call
 * gets a fresh one (an allowed call may change or consume it), plus callers signed in by raw
 * HTTP through next-auth's own credentials endpoint, the one the sign-in form posts to.
 */

export type Role = "admin" | "editor" | "reviewer";
export type Caller = { role: Role | "anonymous"; id: number | null; email: string | null; api: APIRequestContext };

export const baseURL = () => `http://127.0.0.1:${testEnv().E2E_PORT}`;

/** Signs in over raw HTTP (CSRF token, then the credentials callback); the context keeps the cookie. */
export async function signInOverHttp(email: string, password: string): Promise<APIRequestContext> {
  const api = await playwrightRequest.newContext({ baseURL: baseURL() });
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await api.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, callbackUrl: `${baseURL()}/dashboard`, json: "true" },
    maxRedirects: 0,
  });
  expect(res.status(), `sign-in of ${email}`).toBeLessThan(400);
  const cookies = (await api.storageState()).cookies.map((c) => c.name);
  expect(cookies, `session cookie for ${email}`).toContain("next-auth.session-token");
  return api;
}

export async function anonymousCaller(): Promise<Caller> {
  return { role: "anonymous", id: null, email: null, api: await playwrightRequest.newContext({ baseURL: baseURL() }) };
}

/** A fresh user of the role, signed in: its own session, so one test's changes never touch another's. */
export async function signedInCaller(role: Role): Promise<Caller> {
  const user = await createUser(role);
  return { role, id: user.id, email: user.email, api: await signInOverHttp(user.email, user.password) };
}

export type ArticleFixture = { articleId: number; revisionId: number; slug: string; question: string; authorId: number; state: string };

/**
 * An article with one revision in `state`, written by `authorId`. `published` makes the
 * revision the live one (as an approval would). The question carries a unique marker so a
 * leak of it anywhere is easy to spot.
 */
export function createArticle(opts: {
  authorId: number;
  state?: "draft" | "submitted" | "under_review" | "changes_requested" | "approved";
  published?: boolean;
}): ArticleFixture {
  const state = opts.state ?? (opts.published ? "approved" : "draft");
  const marker = `fixture-${randomUUID().slice(0, 8)}`;
  const question = `Is ${marker} safe during pregnancy?`;
  const db = e2eDb();
  try {
    return db
      .transaction(() => {
        const slug = marker;
        const now = new Date().toISOString();
        const article = db
          .prepare("INSERT INTO articles (slug, topic, created_by_id) VALUES (?, 'Security fixtures', ?) RETURNING id")
          .get(slug, opts.authorId) as { id: number };
        const revision = db
          .prepare(
            `INSERT INTO revisions (article_id, number, question, clinician_body, patient_body, disclosure, state, content_hash, author_id, submitted_at, approved_at)
           VALUES (?, 1, ?, ?, ?, 'None.', ?, ?, ?, ?, ?) RETURNING id`,
          )
          .get(
            article.id,
            question,
            `Clinician wording for ${marker}.`,
            `Patient wording for ${marker}.`,
            state,
            "0".repeat(64),
            opts.authorId,
            state === "draft" ? null : now,
            state === "approved" ? now : null,
          ) as { id: number };
        db.prepare("UPDATE articles SET working_revision_id = ?, live_revision_id = ?, first_published_at = ? WHERE id = ?").run(
          revision.id,
          opts.published ? revision.id : null,
          opts.published ? now : null,
          article.id,
        );
        return { articleId: article.id, revisionId: revision.id, slug, question, authorId: opts.authorId, state };
      })
      .immediate();
  } finally {
    db.close();
  }
}

/** Assigns a reviewer to a revision (for actions only assigned reviewers may take). */
export function assignReviewer(revisionId: number, reviewerId: number, assignedById: number | null = null): void {
  const db = e2eDb();
  try {
    db.prepare("INSERT INTO review_assignments (revision_id, reviewer_id, assigned_by_id) VALUES (?, ?, ?)").run(
      revisionId,
      reviewerId,
      assignedById,
    );
  } finally {
    db.close();
  }
}

/** One SQL value from the e2e database, for "did anything change" snapshots. */
export function dbValue(sql: string, ...params: unknown[]): unknown {
  const db = e2eDb();
  try {
    const row = db.prepare(sql).get(...params) as Record<string, unknown> | undefined;
    return row ? JSON.stringify(row) : null;
  } finally {
    db.close();
  }
}

/** Runs one SQL statement on the e2e database; returns the new row's id for an INSERT. */
export function dbRun(sql: string, ...params: unknown[]): number {
  const db = e2eDb();
  try {
    return Number(db.prepare(sql).run(...params).lastInsertRowid);
  } finally {
    db.close();
  }
}
