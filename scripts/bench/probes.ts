/**
 * Hooks to server actions that other branches add (workflow: approve; authoring: autosave).
 * The bench finds each action in the build's server-reference manifest by file and export name
 * and calls it as a raw POST, the way the browser does. Until those branches are merged the
 * probes report "not available". After merging, check the names and the argument shape here
 * against lib/actions/review.ts and lib/actions/revisions.ts — this is the only place to adjust.
 */
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./server";

export type ActionRef = { id: string; exportedName: string; file: string; pages: string[] };

type Manifest = { node: Record<string, { exportedName?: string; filename?: string; workers: Record<string, unknown> }> };

export function findAction(file: string, names: readonly string[]): ActionRef | null {
  const manifestFile = path.join(ROOT, ".next", "server", "server-reference-manifest.json");
  if (!fs.existsSync(manifestFile)) return null;
  const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as Manifest;
  for (const name of names) {
    for (const [id, entry] of Object.entries(manifest.node)) {
      if (entry.exportedName === name && entry.filename?.replace(/\\/g, "/").endsWith(file)) {
        return { id, exportedName: name, file, pages: Object.keys(entry.workers) };
      }
    }
  }
  return null;
}

/** A URL path of a page that can receive the action: the worker key with its dynamic segments filled in. */
export function actionPagePath(ref: ActionRef, params: Record<string, string | number>, prefer?: RegExp): string {
  const pages = ref.pages.filter((p) => p.startsWith("app/") && p.endsWith("/page"));
  const page = (prefer ? pages.find((p) => prefer.test(p)) : undefined) ?? pages[0];
  if (!page) return "/";
  return (
    page
      .replace(/^app/, "")
      .replace(/\/page$/, "")
      .replace(/\/\([^)]+\)/g, "")
      .replace(/\[(\w+)\]/g, (_, k: string) => String(params[k] ?? params.id ?? "1")) || "/"
  );
}

export type ActionOutcome = { status: number; ok: boolean | null; message: string | null; body: string };

/** Calls a server action as a raw POST; reads `ok`/`message` from the RSC response. */
export async function callAction(
  baseUrl: string,
  ref: ActionRef,
  pagePath: string,
  cookie: string,
  args: unknown[],
): Promise<ActionOutcome> {
  const res = await fetch(baseUrl + pagePath, {
    method: "POST",
    redirect: "manual",
    headers: { "next-action": ref.id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", cookie },
    body: JSON.stringify(args),
  });
  const body = await res.text();
  const ok = /"ok":true/.test(body) ? true : /"ok":false/.test(body) ? false : null;
  const message = /"message":"((?:[^"\\]|\\.)*)"/.exec(body)?.[1] ?? null;
  return { status: res.status, ok, message, body };
}

/** Approve with password re-entry: lib/actions/review.ts approveRevisionAction(approveSchema). */
export const APPROVAL = {
  file: "lib/actions/review.ts",
  names: ["approveRevisionAction"],
  pagePattern: /review|editor\/articles/,
  // approveSchema is strict: revisionId, contentHash (the text signed), password, optional comment.
  args: (p: { revisionId: number; contentHash: string; password: string }) => [
    { revisionId: p.revisionId, contentHash: p.contentHash, password: p.password },
  ],
} as const;

/** Version-checked save of the article editor: lib/actions/revisions.ts saveRevisionAction(saveRevisionSchema). */
export const AUTOSAVE = {
  file: "lib/actions/revisions.ts",
  names: ["saveRevisionAction"],
  pagePattern: /edit/,
  // saveRevisionSchema is strict: the editor's fields (question, slug, topic, both wordings,
  // disclosure) plus articleId, revisionId and the version they were edited from.
  args: (p: {
    articleId: number;
    revisionId: number;
    version: number;
    question: string;
    slug: string;
    topic: string;
    clinicianBody: string;
    patientBody: string;
    disclosure: string;
  }) => [
    {
      question: p.question,
      slug: p.slug,
      topic: p.topic,
      clinicianBody: p.clinicianBody,
      patientBody: p.patientBody,
      disclosure: p.disclosure,
      articleId: p.articleId,
      revisionId: p.revisionId,
      version: p.version,
    },
  ],
  /** Where the new version is in the action's result (SavedRevision.version), to chain the next save. */
  nextVersion: (body: string, sent: number) => Number(/"version":(\d+)/.exec(body)?.[1] ?? sent + 1),
} as const;

/** "New article" (lib/actions/articles.ts): the bench creates drafts when a database has too few for 10 editors. */
export const CREATE_ARTICLE = {
  file: "lib/actions/articles.ts",
  names: ["createArticleAction"],
  pagePattern: /new|editor/,
  args: (p: { question: string; topic: string }) => [{ question: p.question, topic: p.topic }],
} as const;
