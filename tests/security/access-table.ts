import type { Actor } from "@/lib/permissions";
import { canManageUsers, canUseEditorArea } from "@/lib/permissions";
import { createArticle, dbValue, type ArticleFixture, type Caller } from "./fixtures";
import { createUser } from "../helpers/e2e-db";

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
};

export type RouteProbe = {
  method: "GET" | "POST";
  path: string;
  form?: Record<string, string>;
  /** Who may get a success from this request. */
  allowed: (actor: Actor | null) => boolean;
  succeeded: (status: number, body: string) => boolean;
};

export type RouteRow = { route: string; probes: RouteProbe[] };

export type PageRow = {
  /** The app path as in .next/server/app-paths-manifest.json, e.g. "/(editor)/dashboard/page". */
  page: string;
  /** A concrete URL (build fixtures for dynamic segments). */
  url: (fixtures: { draft: ArticleFixture }) => string;
  allowed: (actor: Actor | null) => boolean;
  /** Text only a permitted viewer's response holds (HTML or RSC payload). */
  marker: string | ((fixtures: { draft: ArticleFixture }) => string);
};

const define = <S>(row: ActionRow<S>) => row as unknown as ActionRow<unknown>;
const everyone = () => true;

export const ACTION_ROWS: ActionRow[] = [
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
];

export const ROUTE_ROWS: RouteRow[] = [
  {
    // next-auth: public by design; CSRF-protected POSTs are probed in the cross-origin test.
    route: "/api/auth/[...nextauth]/route",
    probes: [
      { method: "GET", path: "/api/auth/session", allowed: everyone, succeeded: (status) => status === 200 },
      { method: "GET", path: "/api/auth/csrf", allowed: everyone, succeeded: (status) => status === 200 },
      { method: "GET", path: "/api/auth/providers", allowed: everyone, succeeded: (status) => status === 200 },
    ],
  },
];

export const PAGE_ROWS: PageRow[] = [
  { page: "/(site)/page", url: () => "/", allowed: everyone, marker: "Medical answers you can check" },
    // Public, but a signed-in visitor is sent on to the dashboard, so only anonymous sees the form.
  { page: "/(auth)/login/page", url: () => "/login", allowed: (actor) => !actor, marker: "For editors, board reviewers and administrators" },
  { page: "/(editor)/dashboard/page", url: () => "/dashboard", allowed: canUseEditorArea, marker: "Sign out" },
  { page: "/(editor)/admin/users/page", url: () => "/admin/users", allowed: canManageUsers, marker: "admin@vetted.test" },
  // Next's own error pages: nothing to protect, listed so the "every page has a row" check holds.
  { page: "/_not-found/page", url: () => "/no-such-page", allowed: everyone, marker: "" },
  { page: "/_global-error/page", url: () => "/no-such-page", allowed: everyone, marker: "" },
];

/**
 * URLs where draft content could leak to an anonymous reader (add the reader article, search,
 * API and feed URLs as they land). The draft's unique question must never appear.
 */
export const DRAFT_LEAK_URLS: ((draft: ArticleFixture) => string)[] = [
  () => "/",
  (d) => `/articles/${d.slug}`,
  (d) => `/a/${d.slug}`,
  (d) => `/search?q=${encodeURIComponent(d.slug)}`,
  (d) => `/api/articles/${d.slug}`,
  () => "/feed.xml",
  () => "/sitemap.xml",
];

export { createArticle };
