import { randomUUID } from "node:crypto";
import { contentHash } from "@/lib/content-hash";
import type { Actor } from "@/lib/permissions";
import {
  canAssignReviewers,
  canChangeOwnNotifications,
  canChangeOwnPassword,
  canCommentOnReview,
  canEscalateChangeClass,
  canCreateArticle,
  canEditBoardProfile,
  canEditRevision,
  canEditSettings,
  canManageReferences,
  canManageUsers,
  canSignOff,
  canStartReReview,
  canSubmitRevision,
  canTriageQuestions,
  canResolveErrorReports,
  canUseEditorArea,
  canViewAuditLog,
  canManageJobs,
  canManagePreviewLinks,
  canViewRevision,
  canWithdrawRevision,
  canSchedulePublication,
  canTakeDownArticle,
} from "@/lib/permissions";
import { DEFAULT_SETTINGS } from "@/lib/validations/settings";
import { assignReviewer, createArticle, dbRun, dbValue, type ArticleFixture, type Caller } from "./fixtures";
import { createUser } from "../helpers/e2e-db";
import { loggedLookups } from "../helpers/lookup-stub";
import { E2E_LOOKUP_LOG } from "../../playwright.config";
import { issueResetToken } from "../helpers/password-reset";
import { issuePreviewLink } from "../helpers/preview-links";
import { enrolTwoFactor, insertSession, totpCode } from "../helpers/two-factor";

/**
 * The access matrix: one row per server action, route handler and page of the build.
 * tests/e2e/security-access-matrix.spec.ts lists them from the build manifests and fails for
 * any without a row here, then calls each as anonymous, editor, reviewer and admin against
 * the subjects the row names. A row says who may (by calling lib/permissions.ts, never by a
 * hand-written role list), how to build the arguments, and what state the call would change.
 *
 * Adding an action: copy the setUserActiveAction row, name its file#export, pick the
 * permission function, give a subject builder per case that applies and a `state` snapshot.
 */

/** own: made by the caller; other: made by someone else; draft / published: content in that state. */
export type SubjectKind = "other" | "draft" | "published" | "own";
export const SUBJECT_ORDER: SubjectKind[] = ["other", "draft", "published", "own"];

export type ActionRow<S = unknown> = {
  /** "file#exportedName" as in .next/server/server-reference-manifest.json. */
  action: string;
  /** The page that mounts the action (Next accepts any path; this mirrors the browser). */
  page: string;
  /** Fresh subject per call: an allowed call may change or consume it. Omit kinds that don't apply. */
  subjects: Partial<Record<SubjectKind, (caller: Caller) => Promise<S> | S>>;
  args: (subject: S, caller: Caller) => unknown[];
  /** Who may, asked of lib/permissions.ts. actor is null for anonymous. */
  allowed: (actor: Actor | null, subject: S) => boolean;
  /** What the action would change; must be identical after a refused call, and differ after an allowed one. */
  state: (subject: S) => unknown;
  /** Set false if the action's first argument is not a plain object (e.g. FormData) and can't take an unknown field. */
  strictProbe?: boolean;
  /** For (prevState, FormData) actions: the form's fields, sent as React sends them (multipart, FormData reference). */
  form?: (subject: S, caller: Caller) => Record<string, string>;
  /** What counts as success when not {"ok":true} (e.g. an action that redirects on success). */
  succeeded?: (result: { status: number; body: string; headers: Record<string, string> }) => boolean;
  /** Undo an allowed call's effect that other specs would notice (shared settings). */
  cleanup?: (subject: S) => void;
  /** Also call the "own" builder for anonymous (it then picks someone's object; nothing may change). */
  anonymousOwn?: boolean;
};

export type RouteProbe = {
  method: "GET" | "POST";
  path: string;
  form?: Record<string, string>;
  /** A raw body (JSON or pasted text) instead of a form. */
  data?: string;
  headers?: Record<string, string>;
  /** Who may get a success from this request. */
  allowed: (actor: Actor | null) => boolean;
  succeeded: (status: number, body: string) => boolean;
};

export type RouteRow = { route: string; probes: RouteProbe[] };

/** Objects the page rows point at: a draft and a published article by one editor, who has a user page. */
export type PageFixtures = { draft: ArticleFixture; published: ArticleFixture; authorEmail: string; draftPreviewToken: string };

export type PageRow = {
  /** The app path as in .next/server/app-paths-manifest.json, e.g. "/(editor)/dashboard/page". */
  page: string;
  /** A concrete URL (build fixtures for dynamic segments). */
  url: (fixtures: PageFixtures) => string;
  allowed: (actor: Actor | null, fixtures: PageFixtures) => boolean;
  /** Text only a permitted viewer's response holds (HTML or RSC payload). */
  marker: string | ((fixtures: PageFixtures) => string);
};

const define = <S>(row: ActionRow<S>) => row as unknown as ActionRow<unknown>;
/** A user's stored choice for review comments, as dbValue returns it (JSON of the row, or null). */
const notificationChoice = (userId: number) =>
  dbValue("SELECT delivery FROM notification_preferences WHERE user_id = ? AND kind = 'review_comment'", userId);
const everyone = () => true;
const uid = () => randomUUID().slice(0, 8);

/** The password every fixture user is created with (tests/helpers/e2e-db.ts). */
const FIXTURE_PASSWORD = "fixture-password-123";
const strongPassword = () => `Quiet-harbour-${uid()}-lantern`;

/** One editor who writes every fixture article, and two board reviewers to assign (per worker). */
let sharedUsers: Promise<{ author: number; reviewerA: number; reviewerB: number }> | null = null;
const shared = () =>
  (sharedUsers ??= (async () => ({
    author: (await createUser("editor")).id,
    reviewerA: (await createUser("reviewer")).id,
    reviewerB: (await createUser("reviewer")).id,
  }))());

const article = async (state: "draft" | "submitted" | "under_review" | "changes_requested" | "approved", published = false) =>
  createArticle({ authorId: (await shared()).author, state, published });

/** An article under review; the caller is assigned when they are a reviewer (their "own" review). */
const underReview = async (caller: Caller | null) => {
  const a = await article("under_review");
  const { reviewerA } = await shared();
  assignReviewer(a.revisionId, reviewerA);
  const assignments = [{ reviewerId: reviewerA }];
  if (caller?.role === "reviewer" && caller.id) {
    assignReviewer(a.revisionId, caller.id);
    assignments.push({ reviewerId: caller.id });
  }
  return { ...a, assignments };
};

const insertReference = (title = `Fixture reference ${uid()}`) =>
  dbRun(
    "INSERT INTO library_references (citekey, type, title, source) VALUES (?, 'research', ?, 'Fixture Journal')",
    `fixture${uid()}`,
    title,
  );

const insertQuestion = async () => {
  const a = await article("approved", true);
  return dbRun(
    "INSERT INTO follow_up_questions (article_id, question) VALUES (?, ?)",
    a.articleId,
    `Fixture question ${uid()} about dosing?`,
  );
};

/** A site setting's stored JSON, or null while it is the default. */
const storedSetting = (key: string): string | null => {
  const row = dbValue("SELECT value FROM site_settings WHERE key = ?", key) as string | null;
  return row ? (JSON.parse(row) as { value: string }).value : null;
};

const futureDate = () => new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);

/** A React action redirect (303 + x-action-redirect): how create/duplicate report success. */
const redirected = (r: { status: number; headers: Record<string, string> }) => r.status === 303 || !!r.headers["x-action-redirect"];

const editorFields = (a: ArticleFixture, marker: string) => ({
  articleId: a.articleId,
  revisionId: a.revisionId,
  version: 1,
  question: `Is ${marker} safe during pregnancy?`,
  slug: a.slug,
  topic: "Security fixtures",
  clinicianBody: `Clinician wording for ${a.slug}.`,
  patientBody: `Patient wording for ${a.slug}.`,
  disclosure: "None.",
});

export const ACTION_ROWS: ActionRow[] = [
  // ── users (admin only) ────────────────────────────────────────────────────────
  define<{ userId: number }>({
    action: "lib/actions/users.ts#setUserActiveAction",
    page: "/admin/users",
    subjects: {
      other: async () => ({ userId: (await createUser("editor")).id }),
      // Deactivating yourself: the admin's own session ends, so it runs last (SUBJECT_ORDER).
      own: (caller) => ({ userId: caller.id! }),
    },
    args: (s) => [{ userId: s.userId, active: false }],
    allowed: (actor) => canManageUsers(actor),
    state: (s) => dbValue("SELECT active, session_version FROM users WHERE id = ?", s.userId),
  }),
  define<{ email: string }>({
    action: "lib/actions/users.ts#createUserAction",
    page: "/admin/users/new",
    subjects: { other: () => ({ email: `made-${uid()}@fixture.test` }) },
    args: (s) => [{ name: "Made By Matrix", email: s.email, role: "editor", temporaryPassword: strongPassword() }],
    allowed: (actor) => canManageUsers(actor),
    state: (s) => dbValue("SELECT count(*) AS n FROM users WHERE email = ?", s.email),
  }),
  define<{ userId: number }>({
    action: "lib/actions/users.ts#changeUserRoleAction",
    page: "/admin/users",
    subjects: { other: async () => ({ userId: (await createUser("editor")).id }) },
    args: (s) => [{ userId: s.userId, role: "reviewer" }],
    allowed: (actor) => canManageUsers(actor),
    state: (s) => dbValue("SELECT role FROM users WHERE id = ?", s.userId),
  }),
  define<{ userId: number }>({
    action: "lib/actions/users.ts#resetUserPasswordAction",
    page: "/admin/users",
    subjects: { other: async () => ({ userId: (await createUser("editor")).id }) },
    args: (s) => [{ userId: s.userId, temporaryPassword: strongPassword() }],
    allowed: (actor) => canManageUsers(actor),
    state: (s) => dbValue("SELECT password_hash, session_version FROM users WHERE id = ?", s.userId),
  }),
  define<{ userId: number }>({
    action: "lib/actions/users.ts#signOutEverywhereAction",
    page: "/admin/users",
    subjects: { other: async () => ({ userId: (await createUser("editor")).id }) },
    args: (s) => [{ userId: s.userId }],
    allowed: (actor) => canManageUsers(actor),
    state: (s) => dbValue("SELECT session_version FROM users WHERE id = ?", s.userId),
  }),
  // ── background jobs ───────────────────────────────────────────────────────────
  define<{ jobId: number }>({
    action: "lib/actions/jobs.ts#retryJobAction",
    page: "/admin/jobs",
    subjects: {
      other: () => ({
        jobId: dbRun(
          "INSERT INTO jobs (kind, idempotency_key, status, run_at, attempts, last_error, done_at) VALUES ('matrix.noop', ?, 'failed', ?, 8, 'gave up', ?)",
          `matrix-retry-${uid()}`,
          "2099-01-01T00:00:00.000Z",
          new Date().toISOString(),
        ),
      }),
    },
    args: (s) => [{ jobId: s.jobId }],
    allowed: (actor) => canManageJobs(actor),
    // A retried job is queued now; the server's runner may take it at once, so status alone isn't enough.
    state: (s) => dbValue("SELECT status = 'failed' AS stillFailed, attempts = 8 AS attemptsKept FROM jobs WHERE id = ?", s.jobId),
  }),
  define<{ jobId: number }>({
    action: "lib/actions/jobs.ts#cancelJobAction",
    page: "/admin/jobs",
    subjects: {
      // Due far in the future, so the server's runner leaves it alone.
      other: () => ({
        jobId: dbRun(
          "INSERT INTO jobs (kind, idempotency_key, status, run_at) VALUES ('matrix.noop', ?, 'queued', '2099-01-01T00:00:00.000Z')",
          `matrix-cancel-${uid()}`,
        ),
      }),
    },
    args: (s) => [{ jobId: s.jobId }],
    allowed: (actor) => canManageJobs(actor),
    state: (s) => dbValue("SELECT status FROM jobs WHERE id = ?", s.jobId),
  }),
  // ── own account ───────────────────────────────────────────────────────────────
  define<{ userId: number }>({
    action: "lib/actions/account.ts#changePasswordAction",
    page: "/account/password",
    anonymousOwn: true,
    // The action changes the session user's password only; anonymous aims at a fixture user.
    subjects: { own: async (caller) => ({ userId: caller.id ?? (await createUser("editor")).id }) },
    args: () => {
      const next = strongPassword();
      return [{ currentPassword: FIXTURE_PASSWORD, newPassword: next, confirmPassword: next }];
    },
    allowed: (actor, s) => canChangeOwnPassword(actor) && actor!.id === s.userId,
    state: (s) => dbValue("SELECT password_hash FROM users WHERE id = ?", s.userId),
  }),
  // ── sign-in security: two-factor enrolment and sessions (own), reset and sessions (admin) ──
  define<{ userId: number }>({
    action: "lib/actions/security.ts#startTwoFactorAction",
    page: "/account/security",
    anonymousOwn: true,
    subjects: { own: async (caller) => ({ userId: caller.id ?? (await createUser("editor")).id }) },
    args: () => [],
    allowed: (actor, s) => canUseEditorArea(actor) && actor!.id === s.userId,
    state: (s) => dbValue("SELECT secret_enc FROM two_factor WHERE user_id = ?", s.userId),
    strictProbe: false,
  }),
  define<{ userId: number; secret: string }>({
    action: "lib/actions/security.ts#confirmTwoFactorAction",
    page: "/account/security",
    anonymousOwn: true,
    subjects: {
      own: async (caller) => {
        const userId = caller.id ?? (await createUser("editor")).id;
        return { userId, secret: enrolTwoFactor(userId, { enabled: false }) };
      },
    },
    args: (s) => [{ code: totpCode(s.secret) }],
    allowed: (actor, s) => canUseEditorArea(actor) && actor!.id === s.userId,
    state: (s) => dbValue("SELECT enabled_at IS NOT NULL AS enabled FROM two_factor WHERE user_id = ?", s.userId),
    cleanup: (s) => void dbRun("DELETE FROM two_factor WHERE user_id = ?", s.userId),
  }),
  define<{ userId: number; sessionId: string }>({
    action: "lib/actions/security.ts#endSessionAction",
    page: "/account/security",
    anonymousOwn: true,
    subjects: {
      other: async () => {
        const userId = (await createUser("editor")).id;
        return { userId, sessionId: insertSession(userId) };
      },
      own: async (caller) => {
        const userId = caller.id ?? (await createUser("editor")).id;
        return { userId, sessionId: insertSession(userId) };
      },
    },
    args: (s) => [{ sessionId: s.sessionId }],
    allowed: (actor, s) => canUseEditorArea(actor) && actor!.id === s.userId,
    state: (s) => dbValue("SELECT ended_at FROM user_sessions WHERE id = ?", s.sessionId),
  }),
  define<{ userId: number; sessionId: string }>({
    action: "lib/actions/security.ts#endOtherSessionsAction",
    page: "/account/security",
    anonymousOwn: true,
    subjects: {
      own: async (caller) => {
        const userId = caller.id ?? (await createUser("editor")).id;
        return { userId, sessionId: insertSession(userId) };
      },
    },
    args: () => [],
    allowed: (actor, s) => canUseEditorArea(actor) && actor!.id === s.userId,
    state: (s) => dbValue("SELECT ended_at FROM user_sessions WHERE id = ?", s.sessionId),
    strictProbe: false,
  }),
  define<{ userId: number; sessionId: string }>({
    action: "lib/actions/security.ts#adminEndSessionAction",
    page: "/admin/users",
    subjects: {
      other: async () => {
        const userId = (await createUser("editor")).id;
        return { userId, sessionId: insertSession(userId) };
      },
    },
    args: (s) => [{ userId: s.userId, sessionId: s.sessionId }],
    allowed: (actor) => canManageUsers(actor),
    state: (s) => dbValue("SELECT ended_at FROM user_sessions WHERE id = ?", s.sessionId),
  }),
  define<{ userId: number }>({
    action: "lib/actions/security.ts#adminResetTwoFactorAction",
    page: "/admin/users",
    subjects: {
      other: async () => {
        const userId = (await createUser("reviewer")).id;
        enrolTwoFactor(userId);
        return { userId };
      },
    },
    args: (s) => [{ userId: s.userId }],
    allowed: (actor) => canManageUsers(actor),
    state: (s) => dbValue("SELECT count(*) AS n FROM two_factor WHERE user_id = ?", s.userId),
  }),
  define<{ userId: number }>({
    action: "lib/actions/notifications.ts#saveNotificationPreferencesAction",
    page: "/account/notifications",
    anonymousOwn: true,
    // The session names whose settings change (no id is taken); anonymous aims at a fixture user.
    subjects: { own: async (caller) => ({ userId: caller.id ?? (await createUser("editor")).id }) },
    // Always a change from what is stored now, so an allowed call visibly takes effect.
    args: (s) => [{ review_comment: notificationChoice(s.userId) === JSON.stringify({ delivery: "off" }) ? "digest" : "off" }],
    allowed: (actor, s) => canChangeOwnNotifications(actor) && actor!.id === s.userId,
    state: (s) => notificationChoice(s.userId),
  }),
  define<{ userId: number; name: string }>({
    action: "lib/actions/board-profiles.ts#saveBoardProfileAction",
    page: "/account/profile",
    subjects: {
      other: async () => ({ userId: (await createUser("reviewer")).id, name: `Dr Matrix ${uid()}` }),
      own: (caller) => ({ userId: caller.id!, name: `Dr Matrix ${uid()}` }),
    },
    args: (s) => [{ userId: s.userId, name: s.name, credentials: "MD", specialty: "Obstetrics", bio: "", isPublic: false }],
    allowed: (actor, s) => canEditBoardProfile(actor, s.userId),
    state: (s) =>
      dbValue(
        "SELECT (SELECT name FROM users WHERE id = ?) AS name, (SELECT count(*) FROM board_profiles WHERE user_id = ? AND credentials = 'MD') AS profile",
        s.userId,
        s.userId,
      ),
  }),
  // ── settings (admin only; restored after each allowed call, other specs read them) ──
  define<{ policy: string | null }>({
    action: "lib/actions/settings.ts#saveSiteSettingsAction",
    page: "/admin/settings",
    subjects: { other: () => ({ policy: storedSetting("editorialPolicy") }) },
    args: () => {
      const current = Object.fromEntries(
        Object.entries(DEFAULT_SETTINGS).map(([key, fallback]) => {
          const stored = storedSetting(key);
          return [key, stored === null ? fallback : JSON.parse(stored)];
        }),
      );
      return [{ ...current, editorialPolicy: `${current.editorialPolicy}\n\nMatrix ${uid()}.` }];
    },
    allowed: (actor) => canEditSettings(actor),
    state: () => storedSetting("editorialPolicy"),
    cleanup: (s) =>
      void (s.policy === null
        ? dbRun("DELETE FROM site_settings WHERE key = 'editorialPolicy'")
        : dbRun("UPDATE site_settings SET value = ? WHERE key = 'editorialPolicy'", s.policy)),
  }),
  // ── references (editor, admin) ────────────────────────────────────────────────
  define<{ title: string }>({
    action: "lib/actions/references.ts#createReferenceAction",
    page: "/editor/references/new",
    subjects: { other: () => ({ title: `Matrix reference ${uid()}` }) },
    args: (s) => [{ type: "research", title: s.title, authors: [], source: "Fixture Journal" }],
    allowed: (actor) => canManageReferences(actor),
    state: (s) => dbValue("SELECT count(*) AS n FROM library_references WHERE title = ?", s.title),
  }),
  define<{ id: number }>({
    action: "lib/actions/references.ts#updateReferenceAction",
    page: "/editor/references",
    subjects: { other: () => ({ id: insertReference() }) },
    args: (s) => [
      { id: s.id, reference: { type: "research", title: `Edited by matrix ${uid()}`, authors: [], source: "Fixture Journal" } },
    ],
    allowed: (actor) => canManageReferences(actor),
    state: (s) => dbValue("SELECT title FROM library_references WHERE id = ?", s.id),
  }),
  define<{ id: number }>({
    action: "lib/actions/references.ts#deleteReferenceAction",
    page: "/editor/references",
    subjects: { other: () => ({ id: insertReference() }) },
    args: (s) => [{ id: s.id }],
    allowed: (actor) => canManageReferences(actor),
    state: (s) => dbValue("SELECT count(*) AS n FROM library_references WHERE id = ?", s.id),
  }),
  define<{ id: number }>({
    action: "lib/actions/references.ts#setReferenceRetractedAction",
    page: "/editor/references",
    subjects: { other: () => ({ id: insertReference() }) },
    args: (s) => [{ id: s.id, retracted: true, note: "Retraction notice, 2026." }],
    allowed: (actor) => canManageReferences(actor),
    state: (s) => dbValue("SELECT retracted FROM library_references WHERE id = ?", s.id),
  }),
  define<{ title: string }>({
    action: "lib/actions/references.ts#importReferencesAction",
    page: "/editor/references/import",
    subjects: { other: () => ({ title: `Imported by matrix ${uid()}` }) },
    args: (s) => [
      { references: [{ type: "research", title: s.title, authors: [], source: "Fixture Journal", citekey: `matrix${uid()}` }] },
    ],
    allowed: (actor) => canManageReferences(actor),
    state: (s) => dbValue("SELECT count(*) AS n FROM library_references WHERE title = ?", s.title),
  }),
  define<{ pmid: string }>({
    action: "lib/actions/references.ts#lookupReferenceAction",
    page: "/editor/references/new",
    // A fresh probe PMID per call (the stub answers 77xxxxxx with a record): the look-up writes
    // nothing, so what an allowed call changes is what the doi.org / PubMed stand-in was asked.
    subjects: { other: () => ({ pmid: `77${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}` }) },
    args: (s) => [{ query: `PMID: ${s.pmid}` }],
    allowed: (actor) => canManageReferences(actor),
    state: (s) => loggedLookups(E2E_LOOKUP_LOG).filter((r) => r.query.id === s.pmid).length,
  }),
  // ── articles and revisions (editor, admin) ────────────────────────────────────
  define<{ question: string }>({
    action: "lib/actions/articles.ts#createArticleAction",
    page: "/editor/articles/new",
    subjects: { other: () => ({ question: `Is matrix-${uid()} safe during pregnancy?` }) },
    args: (s) => [{ question: s.question, topic: "Security fixtures" }],
    allowed: (actor) => canCreateArticle(actor),
    state: (s) => dbValue("SELECT count(*) AS n FROM revisions WHERE question = ?", s.question),
    succeeded: redirected,
  }),
  define<ArticleFixture>({
    action: "lib/actions/articles.ts#duplicateArticleAction",
    page: "/dashboard",
    subjects: { draft: () => article("draft"), published: () => article("approved", true) },
    args: (s) => [{ articleId: s.articleId }],
    allowed: (actor) => canCreateArticle(actor),
    // The copy carries the article's text; count the articles created from it.
    state: (s) => dbValue("SELECT count(*) AS n FROM revisions WHERE clinician_body = ?", `Clinician wording for ${s.slug}.`),
    succeeded: redirected,
  }),
  define<ArticleFixture>({
    action: "lib/actions/revisions.ts#saveRevisionAction",
    page: "/dashboard",
    subjects: { draft: () => article("draft"), other: () => article("changes_requested") },
    args: (s) => [editorFields(s, `edited-${uid()}`)],
    allowed: (actor, s) => canEditRevision(actor, { authorId: s.authorId }),
    state: (s) => dbValue("SELECT question, version FROM revisions WHERE id = ?", s.revisionId),
  }),
  // ── workflow ──────────────────────────────────────────────────────────────────
  define<ArticleFixture>({
    action: "lib/actions/workflow.ts#submitRevisionAction",
    page: "/dashboard",
    subjects: { draft: () => article("draft") },
    args: (s) => [{ revisionId: s.revisionId }],
    allowed: (actor, s) => canSubmitRevision(actor, { authorId: s.authorId }),
    state: (s) => dbValue("SELECT state FROM revisions WHERE id = ?", s.revisionId),
  }),
  define<ArticleFixture>({
    action: "lib/actions/workflow.ts#withdrawRevisionAction",
    page: "/dashboard",
    subjects: {
      other: () => article("submitted"),
      // Their own submitted revision: an author may withdraw it whatever their role.
      own: (caller) => createArticle({ authorId: caller.id!, state: "submitted" }),
    },
    args: (s) => [{ revisionId: s.revisionId }],
    allowed: (actor, s) => canWithdrawRevision(actor, { authorId: s.authorId }),
    state: (s) => dbValue("SELECT state FROM revisions WHERE id = ?", s.revisionId),
  }),
  define<ArticleFixture & { reviewerId: number }>({
    action: "lib/actions/workflow.ts#assignReviewersAction",
    page: "/dashboard",
    subjects: { other: async () => ({ ...(await article("submitted")), reviewerId: (await shared()).reviewerA }) },
    args: (s) => [{ revisionId: s.revisionId, reviewerIds: [s.reviewerId], dueDate: futureDate() }],
    allowed: (actor) => canAssignReviewers(actor),
    state: (s) => dbValue("SELECT count(*) AS n FROM review_assignments WHERE revision_id = ? AND removed_at IS NULL", s.revisionId),
  }),
  define<ArticleFixture & { reviewerId: number }>({
    action: "lib/actions/workflow.ts#addReviewerAction",
    page: "/dashboard",
    subjects: { other: async () => ({ ...(await underReview(null)), reviewerId: (await shared()).reviewerB }) },
    args: (s) => [{ revisionId: s.revisionId, reviewerId: s.reviewerId, dueDate: futureDate() }],
    allowed: (actor) => canAssignReviewers(actor),
    state: (s) => dbValue("SELECT count(*) AS n FROM review_assignments WHERE revision_id = ? AND removed_at IS NULL", s.revisionId),
  }),
  define<ArticleFixture & { reviewerId: number }>({
    action: "lib/actions/workflow.ts#removeReviewerAction",
    page: "/dashboard",
    subjects: {
      other: async () => {
        const a = await underReview(null);
        const { reviewerB } = await shared();
        assignReviewer(a.revisionId, reviewerB);
        return { ...a, reviewerId: reviewerB };
      },
    },
    args: (s) => [{ revisionId: s.revisionId, reviewerId: s.reviewerId }],
    allowed: (actor) => canAssignReviewers(actor),
    state: (s) => dbValue("SELECT count(*) AS n FROM review_assignments WHERE revision_id = ? AND removed_at IS NULL", s.revisionId),
  }),
  define<Awaited<ReturnType<typeof underReview>>>({
    action: "lib/actions/workflow.ts#escalateChangeClassAction",
    page: "/dashboard",
    subjects: {
      other: async () => minorUnderReview(null),
      own: async (caller) => minorUnderReview(caller),
    },
    args: (s) => [{ revisionId: s.revisionId, reason: "Matrix: the dose wording needs the full panel." }],
    allowed: (actor, s) => canEscalateChangeClass(actor, { authorId: s.authorId }, s.assignments),
    state: (s) => dbValue("SELECT change_class FROM revisions WHERE id = ?", s.revisionId),
  }),
  define<ArticleFixture>({
    action: "lib/actions/workflow.ts#startReReviewAction",
    page: "/dashboard",
    subjects: { published: () => article("approved", true) },
    args: (s) => [{ articleId: s.articleId }],
    allowed: (actor) => canStartReReview(actor),
    state: (s) => dbValue("SELECT working_revision_id FROM articles WHERE id = ?", s.articleId),
  }),
  // ── publishing lifecycle (issue 16): scheduling for editors; take-downs for admins (editors only if `withdrawBy` allows, off by default) ──
  define<ArticleFixture>({
    action: "lib/actions/lifecycle.ts#scheduleRevisionAction",
    page: "/dashboard",
    subjects: { other: () => article("submitted"), draft: () => article("draft") },
    args: (s) => [
      {
        revisionId: s.revisionId,
        publishAt: new Date(Date.now() + 86_400_000).toISOString().slice(0, 16),
        unpublishAt: "",
        timeZone: JSON.parse(storedSetting("timeZone") ?? '"UTC"') as string,
      },
    ],
    allowed: (actor) => canSchedulePublication(actor),
    state: (s) => dbValue("SELECT publish_at FROM revisions WHERE id = ?", s.revisionId),
  }),
  define<ArticleFixture>({
    action: "lib/actions/lifecycle.ts#withdrawArticleAction",
    page: "/dashboard",
    subjects: { published: () => article("approved", true) },
    args: (s) => [{ articleId: s.articleId, reason: "Withdrawn by the access matrix." }],
    allowed: (actor) => canTakeDownArticle(actor, false),
    state: (s) => dbValue("SELECT lifecycle FROM articles WHERE id = ?", s.articleId),
  }),
  define<ArticleFixture>({
    action: "lib/actions/lifecycle.ts#republishArticleAction",
    page: "/dashboard",
    subjects: {
      published: async () => {
        const a = await article("approved", true);
        // Republishing restores only the text the board approved: the fixture's placeholder hash gets the real one.
        const hash = contentHash({
          question: a.question,
          clinicianBody: `Clinician wording for ${a.slug}.`,
          patientBody: `Patient wording for ${a.slug}.`,
          disclosure: "None.",
          references: [],
        });
        dbRun("UPDATE revisions SET content_hash = ? WHERE id = ?", hash, a.revisionId);
        dbRun(
          "UPDATE articles SET lifecycle = 'withdrawn', withdrawn_at = ?, withdrawn_reason = 'Matrix' WHERE id = ?",
          new Date().toISOString(),
          a.articleId,
        );
        return a;
      },
    },
    args: (s) => [{ articleId: s.articleId }],
    allowed: (actor) => canTakeDownArticle(actor, false),
    state: (s) => dbValue("SELECT lifecycle FROM articles WHERE id = ?", s.articleId),
  }),
  define<ArticleFixture>({
    action: "lib/actions/lifecycle.ts#archiveArticleAction",
    page: "/dashboard",
    subjects: { published: () => article("approved", true) },
    args: (s) => [{ articleId: s.articleId, successorSlug: "", reason: "" }],
    allowed: (actor) => canTakeDownArticle(actor, false),
    state: (s) => dbValue("SELECT lifecycle FROM articles WHERE id = ?", s.articleId),
  }),
  define<ArticleFixture>({
    action: "lib/actions/bulk-articles.ts#bulkStartReReviewAction",
    page: "/editor/articles",
    subjects: { published: () => article("approved", true) },
    args: (s) => [{ ids: [s.articleId], expected: 1 }],
    allowed: (actor) => canStartReReview(actor),
    state: (s) => dbValue("SELECT working_revision_id FROM articles WHERE id = ?", s.articleId),
  }),
  define<ArticleFixture & { reviewerId: number }>({
    action: "lib/actions/bulk-articles.ts#bulkAssignReviewersAction",
    page: "/editor/articles",
    subjects: { other: async () => ({ ...(await article("submitted")), reviewerId: (await shared()).reviewerA }) },
    args: (s) => [{ ids: [s.articleId], expected: 1, reviewerIds: [s.reviewerId], dueDate: futureDate() }],
    allowed: (actor) => canAssignReviewers(actor),
    state: (s) => dbValue("SELECT count(*) AS n FROM review_assignments WHERE revision_id = ? AND removed_at IS NULL", s.revisionId),
  }),
  define<{ userId: number; notificationId: number }>({
    action: "lib/actions/workflow.ts#markNotificationsReadAction",
    page: "/dashboard",
    anonymousOwn: true,
    subjects: {
      own: async (caller) => {
        const userId = caller.id ?? (await shared()).reviewerA;
        return {
          userId,
          notificationId: dbRun("INSERT INTO notifications (user_id, kind, message) VALUES (?, 'question', ?)", userId, `Matrix ${uid()}`),
        };
      },
    },
    args: () => [],
    allowed: (actor, s) => canUseEditorArea(actor) && actor!.id === s.userId,
    state: (s) => dbValue("SELECT read_at FROM notifications WHERE id = ?", s.notificationId),
    strictProbe: false,
  }),
  // ── review (assigned board reviewers; editors may comment) ────────────────────
  define<Awaited<ReturnType<typeof underReview>>>({
    action: "lib/actions/review.ts#addReviewCommentAction",
    page: "/dashboard",
    subjects: { other: () => underReview(null), own: (caller) => underReview(caller) },
    args: (s) => [{ revisionId: s.revisionId, body: `Matrix comment ${uid()}` }],
    allowed: (actor, s) => canCommentOnReview(actor, { authorId: s.authorId }, s.assignments),
    state: (s) => dbValue("SELECT count(*) AS n FROM review_comments WHERE revision_id = ?", s.revisionId),
  }),
  define<Awaited<ReturnType<typeof underReview>>>({
    action: "lib/actions/review.ts#requestChangesAction",
    page: "/dashboard",
    subjects: { other: () => underReview(null), own: (caller) => underReview(caller) },
    args: (s) => [
      { revisionId: s.revisionId, contentHash: "0".repeat(64), comment: "Please cite the 2019 guideline.", password: FIXTURE_PASSWORD },
    ],
    allowed: (actor, s) => canSignOff(actor, { authorId: s.authorId }, s.assignments),
    state: (s) => dbValue("SELECT state FROM revisions WHERE id = ?", s.revisionId),
  }),
  define<Awaited<ReturnType<typeof underReview>>>({
    action: "lib/actions/review.ts#approveRevisionAction",
    page: "/dashboard",
    subjects: { other: () => underReview(null), own: (caller) => underReview(caller) },
    args: (s) => [{ revisionId: s.revisionId, contentHash: "0".repeat(64), password: FIXTURE_PASSWORD }],
    allowed: (actor, s) => canSignOff(actor, { authorId: s.authorId }, s.assignments),
    state: (s) => dbValue("SELECT count(*) AS n FROM sign_offs WHERE revision_id = ?", s.revisionId),
  }),
  // ── preview links: editors make and revoke them; the token alone lets its holder comment ──
  define<ArticleFixture>({
    action: "lib/actions/preview-links.ts#createPreviewLinkAction",
    page: "/dashboard",
    subjects: { draft: () => article("draft"), published: () => article("approved", true) },
    args: (s) => [{ articleId: s.articleId, target: "this_version", expiresInDays: 7, recipient: "Matrix guest" }],
    allowed: (actor) => canManagePreviewLinks(actor),
    state: (s) => dbValue("SELECT count(*) AS n FROM preview_links WHERE article_id = ?", s.articleId),
  }),
  define<ArticleFixture & { linkId: number }>({
    action: "lib/actions/preview-links.ts#revokePreviewLinkAction",
    page: "/dashboard",
    subjects: {
      draft: async () => {
        const a = await article("draft");
        return { ...a, linkId: issuePreviewLink({ articleId: a.articleId, revisionId: null, createdById: a.authorId }).linkId };
      },
    },
    args: (s) => [{ linkId: s.linkId }],
    allowed: (actor) => canManagePreviewLinks(actor),
    state: (s) => dbValue("SELECT revoked_at FROM preview_links WHERE id = ?", s.linkId),
  }),
  define<ArticleFixture & { token: string; live: boolean; comment: string }>({
    action: "lib/actions/preview-links.ts#leaveGuestCommentAction",
    page: "/",
    subjects: {
      // A working link: anyone holding it may comment.
      draft: async () => {
        const a = await article("draft");
        const { token } = issuePreviewLink({ articleId: a.articleId, revisionId: null, createdById: a.authorId });
        return { ...a, token, live: true, comment: `Matrix guest comment ${uid()}` };
      },
      // An expired link takes no comment from anyone, signed in or not.
      other: async () => {
        const a = await article("draft");
        const { token } = issuePreviewLink({ articleId: a.articleId, revisionId: null, createdById: a.authorId, validForMs: -60_000 });
        return { ...a, token, live: false, comment: `Matrix guest comment ${uid()}` };
      },
    },
    args: () => [],
    form: (s) => ({ token: s.token, comment: s.comment, name: "Matrix guest", audience: "patient" }),
    allowed: (_actor, s) => s.live,
    state: (s) => dbValue("SELECT count(*) AS n FROM review_comments WHERE body = ?", s.comment),
  }),
  // ── reader questions: anyone may ask; editors triage ──────────────────────────
  define<ArticleFixture & { question: string }>({
    action: "lib/actions/follow-up-questions.ts#askFollowUpQuestionAction",
    page: "/",
    subjects: {
      published: async () => ({ ...(await article("approved", true)), question: `Matrix question ${uid()}: can I take it twice a day?` }),
      // A draft takes no questions from anyone.
      draft: async () => ({ ...(await article("draft")), question: `Matrix question ${uid()}: can I take it twice a day?` }),
    },
    args: () => [],
    form: (s) => ({ slug: s.slug, question: s.question, email: "", audience: "patient" }),
    allowed: (_actor, s) => s.state === "approved",
    state: (s) => dbValue("SELECT count(*) AS n FROM follow_up_questions WHERE question = ?", s.question),
  }),
  // ── error reports: anyone may report on a visible article; editors resolve or start a revision ──
  define<ArticleFixture & { description: string }>({
    action: "lib/actions/error-reports.ts#reportErrorAction",
    page: "/",
    subjects: {
      published: async () => ({ ...(await article("approved", true)), description: `Matrix report ${uid()}: the dose is wrong.` }),
      // A draft takes no reports from anyone.
      draft: async () => ({ ...(await article("draft")), description: `Matrix report ${uid()}: the dose is wrong.` }),
    },
    args: () => [],
    form: (s) => ({ slug: s.slug, description: s.description, quote: "", email: "", audience: "patient" }),
    allowed: (_actor, s) => s.state === "approved",
    state: (s) => dbValue("SELECT count(*) AS n FROM error_reports WHERE description = ?", s.description),
  }),
  // ── password reset: public; every address gets the same answer, a link resets once ──
  define<{ id: number; email: string }>({
    action: "lib/actions/password-reset.ts#requestPasswordResetAction",
    page: "/forgot-password",
    subjects: { other: () => createUser("editor") },
    args: () => [],
    form: (s) => ({ email: s.email }),
    allowed: everyone,
    state: (s) => dbValue("SELECT count(*) AS n FROM password_reset_tokens WHERE user_id = ?", s.id),
  }),
  define<{ id: number; token: string }>({
    action: "lib/actions/password-reset.ts#resetPasswordAction",
    page: "/reset-password",
    subjects: {
      other: async () => {
        const { id } = await createUser("editor");
        return { id, token: issueResetToken(id) };
      },
    },
    args: () => [],
    form: (s) => {
      const password = strongPassword();
      return { token: s.token, newPassword: password, confirmPassword: password };
    },
    allowed: everyone,
    state: (s) => dbValue("SELECT password_hash FROM users WHERE id = ?", s.id),
  }),
  define<{ id: number }>({
    action: "lib/actions/follow-up-questions.ts#dismissQuestionAction",
    page: "/editor/questions",
    subjects: { other: async () => ({ id: await insertQuestion() }) },
    args: (s) => [{ id: s.id }],
    allowed: (actor) => canTriageQuestions(actor),
    state: (s) => dbValue("SELECT status FROM follow_up_questions WHERE id = ?", s.id),
  }),
  define<{ id: number }>({
    action: "lib/actions/follow-up-questions.ts#convertQuestionAction",
    page: "/editor/questions",
    subjects: { other: async () => ({ id: await insertQuestion() }) },
    args: (s) => [{ id: s.id }],
    allowed: (actor) => canTriageQuestions(actor),
    state: (s) => dbValue("SELECT status FROM follow_up_questions WHERE id = ?", s.id),
  }),
];

const insertErrorReport = async () => {
  const a = await article("approved", true);
  return dbRun(
    "INSERT INTO error_reports (article_id, revision_id, description, email, due_at) VALUES (?, ?, ?, 'matrix-reader@example.org', ?)",
    a.articleId,
    a.revisionId,
    `Fixture error report ${uid()}: the dose is wrong.`,
    new Date(Date.now() + 7 * 86_400_000).toISOString(),
  );
};

ACTION_ROWS.push(
  define<{ id: number }>({
    action: "lib/actions/error-reports.ts#resolveErrorReportAction",
    page: "/editor/error-reports",
    subjects: { other: async () => ({ id: await insertErrorReport() }) },
    args: (s) => [{ id: s.id, resolution: "Checked against the guideline; corrected." }],
    allowed: (actor) => canResolveErrorReports(actor),
    state: (s) => dbValue("SELECT status FROM error_reports WHERE id = ?", s.id),
  }),
  define<{ id: number }>({
    action: "lib/actions/error-reports.ts#startRevisionFromReportAction",
    page: "/editor/error-reports",
    subjects: { other: async () => ({ id: await insertErrorReport() }) },
    args: (s) => [{ id: s.id }],
    allowed: (actor) => canResolveErrorReports(actor) && canEditRevision(actor),
    state: (s) => dbValue("SELECT new_revision_id FROM error_reports WHERE id = ?", s.id),
    // Success redirects to the editor.
    succeeded: redirected,
  }),
);

const ok200 = (status: number) => status === 200;
/** An approved seeded article (db/seed-data/articles.ts), for the public API. */
const PUBLISHED_SLUG = "first-line-treatment-acute-low-back-pain";
const PUBLISHED_QUESTION = "What is the first-line treatment for acute low back pain?";

export const ROUTE_ROWS: RouteRow[] = [
  {
    // next-auth: public by design; CSRF-protected POSTs are probed in the cross-origin test.
    route: "/api/auth/[...nextauth]/route",
    probes: [
      { method: "GET", path: "/api/auth/session", allowed: everyone, succeeded: ok200 },
      { method: "GET", path: "/api/auth/csrf", allowed: everyone, succeeded: ok200 },
      { method: "GET", path: "/api/auth/providers", allowed: everyone, succeeded: ok200 },
    ],
  },
  {
    route: "/api/editor/citations/route",
    probes: [
      {
        method: "GET",
        path: "/api/editor/citations?q=exercise",
        allowed: (a) => canEditRevision(a),
        succeeded: (st, body) => st === 200 && body.includes("citekey"),
      },
    ],
  },
  {
    route: "/api/editor/preview/route",
    probes: [
      {
        method: "POST",
        path: "/api/editor/preview",
        data: JSON.stringify({ clinicianBody: "Preview **probe** text.", patientBody: "Patient probe." }),
        headers: { "Content-Type": "application/json" },
        allowed: (a) => canEditRevision(a),
        succeeded: (st, body) => st === 200 && body.includes("probe"),
      },
    ],
  },
  {
    route: "/api/references/export/route",
    probes: [
      {
        method: "GET",
        path: "/api/references/export?format=bibtex&ids=1",
        allowed: (a) => canManageReferences(a),
        succeeded: (st, body) => st === 200 && body.includes("@"),
      },
    ],
  },
  {
    route: "/api/references/import/route",
    probes: [
      {
        method: "POST",
        path: "/api/references/import?format=bibtex",
        data: "@article{matrixprobe2026, title={Matrix probe}, journal={Fixture Journal}, year={2026}}",
        headers: { "Content-Type": "text/plain" },
        allowed: (a) => canManageReferences(a),
        succeeded: (st, body) => st === 200 && body.includes("Matrix probe"),
      },
    ],
  },
  {
    route: "/(editor)/editor/articles/export/route",
    probes: [
      {
        method: "GET",
        path: "/editor/articles/export",
        allowed: canUseEditorArea,
        succeeded: (st, body) => st === 200 && body.startsWith("id,slug,question"),
      },
    ],
  },
  {
    route: "/(editor)/admin/signatures/export/route",
    probes: [
      {
        method: "GET",
        path: "/admin/signatures/export",
        allowed: canViewAuditLog,
        succeeded: (st, body) => st === 200 && body.startsWith("sign_off_id,article,revision"),
      },
      {
        method: "GET",
        path: "/admin/signatures/export?format=json",
        allowed: canViewAuditLog,
        succeeded: (st, body) => st === 200 && body.startsWith("["),
      },
    ],
  },
  {
    route: "/api/v1/articles/route",
    probes: [
      { method: "GET", path: "/api/v1/articles", allowed: everyone, succeeded: (st, body) => st === 200 && body.includes(PUBLISHED_SLUG) },
    ],
  },
  {
    route: "/api/v1/articles/[slug]/route",
    probes: [
      {
        method: "GET",
        path: `/api/v1/articles/${PUBLISHED_SLUG}`,
        allowed: everyone,
        succeeded: (st, body) => st === 200 && body.includes(PUBLISHED_SLUG),
      },
    ],
  },
  {
    route: "/api/v1/articles/[slug]/references/route",
    probes: [
      {
        method: "GET",
        path: `/api/v1/articles/${PUBLISHED_SLUG}/references?format=ris&audience=clinician`,
        allowed: everyone,
        succeeded: (st, body) => st === 200 && body.includes("TY  - "),
      },
    ],
  },
  {
    // The job runner's signed request to refresh reader pages (lib/reader-refresh-request.ts): without the server's HMAC it is
    // a 404 for everyone, signed in or not.
    route: "/api/internal/reader-refresh/route",
    probes: [
      {
        method: "POST",
        path: "/api/internal/reader-refresh",
        data: JSON.stringify({ slugs: [PUBLISHED_SLUG], articleIds: [] }),
        headers: { "content-type": "application/json", "x-vetted-signature": "forged" },
        allowed: () => false,
        succeeded: (st) => st === 204,
      },
    ],
  },
  {
    route: "/feed.xml/route",
    // The feed carries the latest 50 only, which other specs' fixtures can push the seeded article out of.
    probes: [{ method: "GET", path: "/feed.xml", allowed: everyone, succeeded: (st, body) => st === 200 && body.includes("<item>") }],
  },
  {
    route: "/sitemap.xml/route",
    probes: [
      { method: "GET", path: "/sitemap.xml", allowed: everyone, succeeded: (st, body) => st === 200 && body.includes(PUBLISHED_SLUG) },
    ],
  },
  {
    // One-click unsubscribe: the signed token is the only authorisation (tests/e2e/notifications-mail.spec.ts uses real
    // ones). A forged one gets the 400 page, for anyone, signed in or not, and changes nothing.
    route: "/unsubscribe/route",
    probes: [
      {
        method: "GET",
        path: `/unsubscribe?token=1.assigned.${"A".repeat(43)}`,
        allowed: everyone,
        succeeded: (st, body) => st === 400 && body.includes("This unsubscribe link is not valid"),
      },
      {
        method: "POST",
        path: `/unsubscribe?token=1.assigned.${"A".repeat(43)}`,
        form: { "List-Unsubscribe": "One-Click" },
        allowed: () => false,
        succeeded: (st) => st === 200,
      },
    ],
  },
  {
    route: "/sitemaps/[file]/route",
    probes: [
      {
        method: "GET",
        path: "/sitemaps/pages.xml",
        allowed: everyone,
        succeeded: (st, body) => st === 200 && body.includes("/policy</loc>"),
      },
    ],
  },
  { route: "/robots.txt/route", probes: [{ method: "GET", path: "/robots.txt", allowed: everyone, succeeded: ok200 }] },
  { route: "/icon.svg/route", probes: [{ method: "GET", path: "/icon.svg", allowed: everyone, succeeded: ok200 }] },
];

/** Staff who may open an article's editor pages without an assignment (the fixture draft has none). */
/** A claimed-minor change under review (escalation turns it major). */
async function minorUnderReview(caller: Caller | null) {
  const subject = await underReview(caller);
  dbRun("UPDATE revisions SET change_class = 'minor', change_reason = 'typo' WHERE id = ?", subject.revisionId);
  return subject;
}

const viewsDraft = (actor: Actor | null, f: PageFixtures) => canViewRevision(actor, { authorId: f.draft.authorId }, []);

export const PAGE_ROWS: PageRow[] = [
  // Reader site (home, board, policy are one static route rewritten by next.config.js).
  // Topic pages are cached (ISR) and the search index is kept by the DAL, and fixtures are inserted
  // without either: a seeded article marks those pages.
  { page: "/(site)/static/[section]/page", url: () => "/", allowed: everyone, marker: "Medical answers written from cited sources" },
  {
    page: "/(site)/reader/[audience]/[slug]/page",
    url: (f) => `/articles/${f.published.slug}`,
    allowed: everyone,
    marker: (f) => f.published.question,
  },
  {
    page: "/(site)/reader/[audience]/[slug]/history/page",
    url: (f) => `/articles/${f.published.slug}/history`,
    allowed: everyone,
    marker: (f) => f.published.question,
  },
  // A preview link's token is the only authorisation: whoever holds it sees that draft, signed in or not.
  {
    page: "/preview/[token]/page",
    url: (f) => `/preview/${f.draftPreviewToken}`,
    allowed: everyone,
    marker: (f) => f.draft.question,
  },
  { page: "/(site)/search/page", url: () => "/search?q=acute%20low%20back%20pain", allowed: everyone, marker: PUBLISHED_QUESTION },
  { page: "/(site)/topics/[topic]/page", url: () => "/topics/musculoskeletal", allowed: everyone, marker: PUBLISHED_QUESTION },
  {
    page: "/(site)/topics/[topic]/page/[page]/page",
    url: () => "/topics/musculoskeletal?page=2",
    allowed: everyone,
    marker: PUBLISHED_QUESTION,
  },
  // Public, but a signed-in visitor is sent on to the dashboard, so only anonymous sees the form.
  {
    page: "/(auth)/login/page",
    url: () => "/login",
    allowed: (actor) => !actor,
    marker: "For editors, board reviewers and administrators",
  },
  { page: "/(auth)/forgot-password/page", url: () => "/forgot-password", allowed: everyone, marker: "Send me a reset link" },
  // An unknown token: the page that offers a new link (a valid one is covered by the reset action's row).
  {
    page: "/(auth)/reset-password/page",
    url: () => `/reset-password?token=${"A".repeat(43)}`,
    allowed: everyone,
    marker: "Ask for a new link",
  },
  // Staff area. Markers come from page bodies, not titles: a refused page (404) still carries the
  // page's static <title>, which is harmless but would hide a real leak.
  { page: "/(editor)/dashboard/page", url: () => "/dashboard", allowed: canUseEditorArea, marker: "Sign out" },
  {
    page: "/(editor)/account/page",
    url: () => "/account",
    allowed: canUseEditorArea,
    marker: "Changing it signs you out of every other browser.",
  },
  {
    page: "/(editor)/account/security/page",
    url: () => "/account/security",
    allowed: canUseEditorArea,
    marker: "With two-factor sign-in, signing in and signing reviews need a code",
  },
  {
    page: "/(editor)/account/notifications/page",
    url: () => "/account/notifications",
    allowed: canChangeOwnNotifications,
    marker: "every notification still appears in your inbox on the dashboard",
  },
  {
    page: "/(editor)/account/password/page",
    url: () => "/account/password",
    allowed: canUseEditorArea,
    marker: "A passphrase of several unrelated words works well.",
  },
  {
    page: "/(editor)/account/profile/page",
    url: () => "/account/profile",
    allowed: (a) => !!a && canEditBoardProfile(a, a.id),
    marker: "Printed on the board page and with every sign-off.",
  },
  { page: "/(editor)/admin/users/page", url: () => "/admin/users", allowed: canManageUsers, marker: "admin@vetted.test" },
  {
    page: "/(editor)/admin/users/[id]/page",
    url: (f) => `/admin/users/${f.draft.authorId}`,
    allowed: canManageUsers,
    marker: (f) => f.authorEmail,
  },
  {
    page: "/(editor)/admin/users/new/page",
    url: () => "/admin/users/new",
    allowed: canManageUsers,
    marker: "must choose their own before doing anything else",
  },
  {
    page: "/(editor)/admin/settings/page",
    url: () => "/admin/settings",
    allowed: canEditSettings,
    marker: "Changes apply at once, to reader pages too",
  },
  { page: "/(editor)/admin/audit/page", url: () => "/admin/audit", allowed: canViewAuditLog, marker: "Audit events, newest first" },
  { page: "/(editor)/admin/jobs/page", url: () => "/admin/jobs", allowed: canManageJobs, marker: "A failed job keeps its last error" },
  { page: "/(editor)/admin/mail/page", url: () => "/admin/mail", allowed: canManageJobs, marker: "Every email Vetted has written" },
  {
    page: "/(editor)/editor/articles/new/page",
    url: () => "/editor/articles/new",
    allowed: canCreateArticle,
    marker: "Start with the question.",
  },
  {
    page: "/(editor)/editor/articles/[id]/page",
    url: (f) => `/editor/articles/${f.draft.articleId}`,
    allowed: viewsDraft,
    marker: (f) => f.draft.question,
  },
  {
    page: "/(editor)/editor/articles/[id]/edit/page",
    url: (f) => `/editor/articles/${f.draft.articleId}/edit`,
    allowed: (a) => canEditRevision(a),
    marker: (f) => f.draft.question,
  },
  {
    page: "/(editor)/editor/articles/[id]/history/page",
    url: (f) => `/editor/articles/${f.draft.articleId}/history`,
    allowed: (a) => canEditRevision(a),
    marker: (f) => f.draft.slug,
  },
  {
    page: "/(editor)/editor/articles/[id]/signatures/page",
    url: (f) => `/editor/articles/${f.draft.articleId}/signatures`,
    allowed: viewsDraft,
    // Not the heading: the page's title is in the 404 page's <head> too.
    marker: (f) => f.draft.question,
  },
  {
    page: "/(editor)/editor/articles/[id]/review/page",
    url: (f) => `/editor/articles/${f.draft.articleId}/review`,
    allowed: viewsDraft,
    marker: (f) => f.draft.question,
  },
  {
    page: "/(editor)/editor/questions/page",
    url: () => "/editor/questions",
    allowed: canTriageQuestions,
    marker: "Follow-up questions readers sent from articles.",
  },
  {
    page: "/(editor)/editor/error-reports/page",
    url: () => "/editor/error-reports",
    allowed: canResolveErrorReports,
    marker: "Errors readers reported from articles.",
  },
  { page: "/(editor)/editor/references/page", url: () => "/editor/references", allowed: canManageReferences, marker: "All on this page" },
  {
    page: "/(editor)/editor/references/[id]/page",
    url: () => "/editor/references/1",
    allowed: canManageReferences,
    marker: "american2020",
  },
  {
    page: "/(editor)/editor/references/new/page",
    url: () => "/editor/references/new",
    allowed: canManageReferences,
    marker: "One per line: “Mottola, Michelle F.”",
  },
  {
    page: "/(editor)/editor/references/import/page",
    url: () => "/editor/references/import",
    allowed: canManageReferences,
    marker: "Or paste the references",
  },
  {
    page: "/(editor)/editor/articles/page",
    url: () => "/editor/articles",
    allowed: canUseEditorArea,
    marker: "Cites a retracted reference",
  },
  {
    page: "/(editor)/editor/references/retracted/page",
    url: () => "/editor/references/retracted",
    allowed: canManageReferences,
    marker: "← Reference library",
  },
  // Next's own error pages and the benchmark baseline (404 unless VETTED_BENCH=1): nothing to protect.
  { page: "/_not-found/page", url: () => "/no-such-page", allowed: everyone, marker: "" },
  { page: "/_global-error/page", url: () => "/no-such-page", allowed: everyone, marker: "" },
  { page: "/bench-baseline/[units]/page", url: () => "/bench-baseline/1", allowed: everyone, marker: "" },
];

/**
 * URLs where draft content could leak to an anonymous reader. The draft's unique marker (its
 * slug, also in its question) must never appear. The spec adds RSC, prefetch, .rsc and
 * x-middleware-subrequest variants of each.
 */
const draftWord = (d: ArticleFixture) => d.slug.split("-").at(-1)!;
export const DRAFT_LEAK_URLS: ((draft: ArticleFixture) => string)[] = [
  () => "/",
  (d) => `/articles/${d.slug}`,
  (d) => `/articles/${d.slug}?audience=clinician`,
  (d) => `/articles/${d.slug}?audience=patient`,
  (d) => `/reader/clinician/${d.slug}`,
  (d) => `/reader/patient/${d.slug}`,
  (d) => `/reader/default/${d.slug}`,
  (d) => `/articles/${d.slug}/history`,
  (d) => `/articles/${d.slug}/history?audience=clinician`,
  (d) => `/reader/patient/${d.slug}/history`,
  (d) => `/search?q=${encodeURIComponent(draftWord(d))}`,
  (d) => `/search?q=${encodeURIComponent(d.slug)}`,
  () => "/topics/security-fixtures",
  () => "/api/v1/articles",
  (d) => `/api/v1/articles/${d.slug}`,
  (d) => `/api/v1/articles/${d.slug}?audience=clinician`,
  (d) => `/api/v1/articles/${d.slug}/references?format=csl-json`,
  () => "/feed.xml",
  () => "/sitemap.xml",
];

/**
 * The same, for a preview link: a token made for another article must not open this draft by any
 * extra path segment, query or cookie-free trick, nor its own truncated or altered forms.
 */
export const PREVIEW_LEAK_URLS: ((draft: ArticleFixture, otherToken: string) => string)[] = [
  (_d, t) => `/preview/${t}`,
  (d, t) => `/preview/${t}/${d.slug}`,
  (d, t) => `/preview/${t}?slug=${d.slug}&article=${d.articleId}&revision=${d.revisionId}`,
  (d, t) => `/preview/${t}?audience=clinician&revisionId=${d.revisionId}`,
  (d, t) => `/articles/${d.slug}?token=${t}&preview=${t}`,
  (d, t) => `/reader/default/${d.slug}?token=${t}`,
  (d, t) => `/api/v1/articles/${d.slug}?token=${t}`,
  (_d, t) => `/preview/${t.slice(0, -1)}`,
  (_d, t) => `/preview/${encodeURIComponent(`${t}/..`)}`,
];

export { createArticle };
