/**
 * npm run bench [-- options]
 *
 *   --db <file>          measure an existing database (copied first, so the run cannot change it)
 *                        (generated databases below are measured in place)
 *   --large              the 100k-article database bench/tmp/large.db (generated if missing, ~3 min)
 *   --articles <n>       a generated database of n articles (bench/tmp/seed-<n>.db, generated if missing)
 *   (default)            a fresh demo database (migrations + demo seed)
 *   --duration <s>       seconds per load case (10)     --warmup <s>   warm-up per case (3)
 *   --connections <n>    concurrent connections (32)    --port <n>     server port (3170; bare http on port+1)
 *   --samples <n>        sequential requests per staff page timing (40)
 *   --out <file>         results JSON (bench/results.json)
 *   --no-markdown        do not rewrite BENCHMARKS.md      --skip-build   trust the existing .next build
 *   --mail-messages <n>  messages queued and delivered in the mail probe (1000)
 *
 * One run: build if needed; start `next start` on 127.0.0.1 against the database; load the reader
 * article page for each audience with and without the audience cookie, baseline A (a static Next
 * page of the same size, same server) and baseline B (bare node:http, the same bytes from memory);
 * then approval → visible latency, staff dashboards and search over HTTP, autosave with 10 editors,
 * the server's memory; mail delivery through the job runner to a local SMTP server; the article
 * page again with the runner on, then on a second server with JOB_RUNNER=off; stop the servers and
 * time the dashboard/search queries in-process, and the reminder tick's due/overdue scan
 * (scripts/bench/reminder-scan.ts, rolled back after).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import Database from "better-sqlite3";
import { AUTOSAVE_DELAY_MS } from "@/lib/editor/autosave";
import { signInCookie } from "./auth";
import { measure, type LoadResult } from "./load";
import { APPROVAL, AUTOSAVE, CREATE_ARTICLE, actionPagePath, callAction, findAction } from "./probes";
import { mailDelivery, startBenchSmtp } from "./mail";
import { writeBenchmarksMarkdown } from "./report";
import type { BenchResults, DalResults, ReminderScanResults, RunnerImpactResult } from "./results";
import { ROOT, rssMiB, startBareHttp, startNext, type Server } from "./server";
import { audienceCookieName, paddingUnits, ratio, round, summarize, type TimingSummary } from "./stats";

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
function opt(name: string, fallback: string): string {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
}

const DURATION = Number(opt("duration", "10"));
const WARMUP = Number(opt("warmup", "3"));
const CONNECTIONS = Number(opt("connections", "32"));
const PORT = Number(opt("port", "3170"));
const SAMPLES = Number(opt("samples", "40"));
const MAIL_MESSAGES = Number(opt("mail-messages", "1000"));
const OUT = path.resolve(opt("out", "bench/results.json"));
const TMP = path.join(ROOT, "bench", "tmp");

const log = (...a: unknown[]) => console.log("[bench]", ...a);

function node(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`node ${args.join(" ")} failed with ${r.status}`);
}

function removeDb(file: string) {
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
}

/** The database the server will use, and what it is. A copy, so repeated runs start from the same data. */
/**
 * The article case the targets are judged on: the slowest one with the audience cookie set (or the
 * slowest article case when none has a cookie). Baselines are sized to this page.
 */
function ratioBasis(cases: CaseResult[]): CaseResult | null {
  const article = cases.filter((c) => c.group === "article" && c.result);
  const cookieCases = article.filter((c) => c.name.includes(", cookie "));
  return (cookieCases.length ? cookieCases : article).reduce<CaseResult | null>(
    (w, c) => (!w || c.result!.rps < w.result!.rps ? c : w),
    null,
  );
}

/** Results are committed: a file inside the repository is named relative to it, anything else by its name only. */
function portablePath(file: string): string {
  if (!path.isAbsolute(file)) return file;
  const relative = path.relative(ROOT, file);
  return relative.startsWith("..") ? path.basename(file) : relative;
}

function prepareDatabase(): { file: string; label: string; source: string; generated?: boolean } {
  fs.mkdirSync(TMP, { recursive: true });
  const run = path.join(TMP, `run-${PORT}.db`);
  removeDb(run);
  let source: string;
  let label: string;
  if (flag("large") || argv.includes("--db") || argv.includes("--articles")) {
    if (argv.includes("--db")) {
      source = path.resolve(opt("db", ""));
      label = path.basename(source);
    } else {
      const n = flag("large") ? 100_000 : Number(opt("articles", "1000"));
      source = flag("large") ? path.join(TMP, "large.db") : path.join(TMP, `seed-${n}.db`);
      label = `${n.toLocaleString("en")} generated articles`;
      if (!fs.existsSync(source)) {
        log(`generating ${source} (${n} articles)…`);
        node(["--conditions=react-server", "--import", "tsx", "scripts/seed-large.ts", "--articles", String(n), "--out", source]);
      }
    }
    if (!argv.includes("--db")) {
      // Generated datasets are measured in place (copying 2 GB costs minutes); approval and autosave
      // change a handful of their rows, which does not matter to later runs.
      return { file: source, label, source, generated: true };
    }
    // A consistent copy of the user's file (it may be in WAL mode with uncheckpointed pages).
    const src = new Database(source, { readonly: true });
    src.exec(`VACUUM INTO '${run.replace(/'/g, "''")}'`);
    src.close();
  } else {
    source = "demo seed";
    label = "demo seed (8 articles)";
    node(["scripts/prepare-db.mjs"], { DATABASE_PATH: run });
  }
  return { file: run, label, source };
}

type Target = {
  articleId: number;
  slug: string;
  liveRevisionId: number;
};

function approvedArticle(db: Database.Database): Target | null {
  const row = db
    .prepare(
      `SELECT a.id AS articleId, a.slug, a.live_revision_id AS liveRevisionId FROM articles a
       WHERE a.live_revision_id IS NOT NULL AND a.working_revision_id = a.live_revision_id ORDER BY a.id LIMIT 1`,
    )
    .get() as Target | undefined;
  return row ?? null;
}

async function get(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers, redirect: "manual" });
  const body = Buffer.from(await res.arrayBuffer());
  return { status: res.status, body, headers: res.headers };
}

type Case = {
  name: string;
  group: "article" | "baselineA" | "baselineB" | "reader";
  path: string;
  headers?: Record<string, string>;
  note?: string;
};
type CaseResult = Case & {
  result?: LoadResult;
  bytes?: number;
  status?: number;
  skipped?: string;
  serverRssMiB?: number | null;
  cache?: string | null;
};

async function runCase(server: Server | null, base: string, c: Case): Promise<CaseResult> {
  const t = performance.now();
  const probe = await get(base + c.path, c.headers);
  const probeMs = performance.now() - t;
  if (probe.status !== 200) return { ...c, status: probe.status, skipped: `HTTP ${probe.status}` };
  // A page that takes seconds alone would only pile up a backlog the server keeps working through
  // long after the run (synchronous SQLite), spoiling every later case: report it instead of loading it.
  const again = performance.now();
  await get(base + c.path, c.headers);
  const secondMs = performance.now() - again;
  if (Math.min(probeMs, secondMs) > 2_000)
    return {
      ...c,
      status: probe.status,
      bytes: probe.body.length,
      skipped: `too slow to load-test: one request takes ${Math.round(Math.min(probeMs, secondMs))} ms`,
    };
  log(`${c.name}: ${probe.body.length} bytes, ${DURATION}s at ${CONNECTIONS} connections…`);
  const result = await measure({ url: base + c.path, connections: CONNECTIONS, duration: DURATION, warmup: WARMUP, headers: c.headers });
  log(`  ${result.rps} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, non-2xx ${result.non2xx}, errors ${result.errors}`);
  // x-nextjs-cache (HIT/STALE for pages served from the full-route cache) and cache-control show whether a page is really static.
  const cache = [probe.headers.get("x-nextjs-cache"), probe.headers.get("cache-control")].filter(Boolean).join("; ") || null;
  return { ...c, status: probe.status, bytes: probe.body.length, cache, result, serverRssMiB: server ? rssMiB(server.pid) : null };
}

/** One load run of a case already measured, with the same settings (for the runner comparison). */
function measureCase(base: string, c: Case): Promise<LoadResult> {
  return measure({ url: base + c.path, connections: CONNECTIONS, duration: DURATION, warmup: WARMUP, headers: c.headers });
}

/**
 * The article page on a second server with JOB_RUNNER=off, right after the same case on the first
 * (runner on): what the job runner costs readers. The fresh server is warmed as the first one was.
 */
async function runnerImpact(file: string, on: { case: CaseResult; result: LoadResult } | null): Promise<RunnerImpactResult> {
  if (!on) return { available: false, reason: "no article case was measured" };
  log(`runner off: ${on.case.name} on a server with JOB_RUNNER=off…`);
  const off = await startNext({ port: PORT, db: file, env: { JOB_RUNNER: "off" } });
  try {
    await measure({ url: off.url + on.case.path, connections: CONNECTIONS, duration: WARMUP * 2, warmup: 0, headers: on.case.headers });
    const result = await measureCase(off.url, on.case);
    log(`  on ${on.result.rps} req/s, off ${result.rps} req/s`);
    return { available: true, case: on.case.name, runnerOn: on.result, runnerOff: result, onOverOff: ratio(on.result.rps, result.rps) };
  } finally {
    await off.stop();
  }
}

async function sequentialTimings(
  url: string,
  headers: Record<string, string>,
  samples: number,
): Promise<(TimingSummary & { status: number; bytes: number }) | { skipped: string }> {
  const first = await get(url, headers);
  if (first.status !== 200) return { skipped: `HTTP ${first.status}` };
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t = performance.now();
    const r = await get(url, headers);
    times.push(performance.now() - t);
    if (r.status !== 200) return { skipped: `HTTP ${r.status} on sample ${i}` };
  }
  return { ...summarize(times), status: 200, bytes: first.body.length };
}

/**
 * Approval → visible: on an article whose newer revision is in review (readers still see the live
 * one), each assigned reviewer who has not signed this text approves through the real action
 * until the quorum is reached; the clock starts at the approval that publishes, and stops when the
 * reader page (with the audience cookie) shows text only the new revision has.
 */
async function approvalLatency(base: string, db: Database.Database, cookieName: string | null) {
  const action = findAction(APPROVAL.file, APPROVAL.names);
  if (!action) return { available: false, reason: `no approve action (${APPROVAL.names.join("/")}) in ${APPROVAL.file} in this build` };
  const candidates = db
    .prepare(
      `SELECT a.id AS articleId, a.slug, r.id AS revisionId, r.content_hash AS contentHash, r.clinician_body AS body
       FROM articles a JOIN revisions r ON r.id = a.working_revision_id
       WHERE a.live_revision_id IS NOT NULL AND a.live_revision_id <> r.id AND r.state = 'under_review'
       ORDER BY a.id LIMIT 50`,
    )
    .all() as { articleId: number; slug: string; revisionId: number; contentHash: string; body: string }[];
  const signers = db.prepare(
    `SELECT u.email FROM review_assignments ra JOIN users u ON u.id = ra.reviewer_id
     WHERE ra.revision_id = ? AND ra.removed_at IS NULL AND u.active = 1
       AND NOT EXISTS (SELECT 1 FROM sign_offs s WHERE s.revision_id = ra.revision_id AND s.reviewer_id = u.id AND s.content_hash = ?)
     ORDER BY u.id`,
  );
  const headers: Record<string, string> = cookieName ? { cookie: `${cookieName}=clinician` } : {};
  for (const candidate of candidates) {
    const emails = (signers.all(candidate.revisionId, candidate.contentHash) as { email: string }[]).map((r) => r.email);
    if (emails.length === 0) continue;
    // A phrase of the new revision's text that the live page does not show yet (plain words only,
    // so Markdown rendering cannot change it).
    const before = await get(`${base}/articles/${candidate.slug}`, headers);
    if (before.status !== 200) continue;
    const shown = before.body.toString();
    const marker =
      candidate.body
        .split(/(?<=[.!?])\s+|\n+/)
        .map((s) => s.replace(/\s+/g, " ").trim().slice(0, 40))
        .find((s) => s.length >= 30 && /^[\p{L}\p{N} ,;:.]+$/u.test(s) && !shown.includes(s)) ?? "";
    if (!marker) continue;
    for (const [i, email] of emails.entries()) {
      const cookie = await signInCookie(base, email);
      const pagePath = actionPagePath(action, { id: candidate.articleId, articleId: candidate.articleId }, APPROVAL.pagePattern);
      const t0 = performance.now();
      const outcome = await callAction(base, action, pagePath, cookie, APPROVAL.args({ ...candidate, password: "vetted-demo-pass" }));
      const actionMs = performance.now() - t0;
      if (outcome.status >= 400 || outcome.ok !== true)
        return {
          available: false,
          reason: `approve action refused the bench's call: HTTP ${outcome.status} ${outcome.message ?? outcome.body.slice(0, 200)} (adjust scripts/bench/probes.ts)`,
        };
      if (!/"published":true/.test(outcome.body)) continue;
      while (performance.now() - t0 < 10_000) {
        const r = await get(`${base}/articles/${candidate.slug}`, headers);
        if (r.body.toString().includes(marker))
          return {
            available: true,
            actionMs: round(actionMs),
            visibleMs: round(performance.now() - t0),
            approvals: i + 1,
            article: candidate.slug,
          };
        await new Promise((res) => setTimeout(res, 10));
      }
      return {
        available: true,
        actionMs: round(actionMs),
        visibleMs: null,
        note: "published, but the reader page did not show the new text within 10 s",
        article: candidate.slug,
      };
    }
  }
  return {
    available: false,
    reason: "no article with a newer revision in review whose unsigned assigned reviewers can complete the quorum",
  };
}

type Draft = {
  revisionId: number;
  articleId: number;
  version: number;
  question: string;
  slug: string;
  topic: string;
  clinicianBody: string;
  patientBody: string;
  disclosure: string;
};

function draftArticles(db: Database.Database, limit: number): Draft[] {
  return db
    .prepare(
      `SELECT r.id AS revisionId, a.id AS articleId, r.version, r.question, a.slug, a.topic, r.clinician_body AS clinicianBody, r.patient_body AS patientBody, r.disclosure
       FROM articles a JOIN revisions r ON r.id = a.working_revision_id WHERE r.state = 'draft' ORDER BY a.id DESC LIMIT ?`,
    )
    .all(limit) as Draft[];
}

/**
 * Autosave p99: 10 editors (10 signed-in sessions, over the editorial accounts the database has),
 * each saving a different draft article, every save built on the version the previous one
 * returned. Two modes:
 * - paced (the target): each editor saves as often as the editor page can — it saves
 *   AUTOSAVE_DELAY_MS after typing pauses (lib/editor/autosave.ts), so at most once per that
 *   interval after the previous save returned; the
 *   ten starting at random points of that interval; run for 3× the case duration, for samples.
 * - back-to-back (stress): no pause at all, for the case duration. Ten closed loops saturate the
 *   server, so its latency is ≈ 10 ÷ throughput: a capacity figure, not what an editor waits.
 * A database with fewer than 10 drafts gets new ones through the "New article" action first.
 */
async function autosaveLatency(base: string, db: Database.Database, mode: { paceMs: number; durationS: number }) {
  const EDITORS = 10;
  const action = findAction(AUTOSAVE.file, AUTOSAVE.names);
  if (!action) return { available: false, reason: `no save action (${AUTOSAVE.names.join("/")}) in ${AUTOSAVE.file} in this build` };
  const accounts = db
    .prepare("SELECT id, email FROM users WHERE role IN ('editor','admin') AND active = 1 ORDER BY role DESC, id LIMIT ?")
    .all(EDITORS) as { id: number; email: string }[];
  if (accounts.length === 0) return { available: false, reason: "no active editor or admin" };
  const sessions: string[] = [];
  for (let i = 0; i < EDITORS; i++) sessions.push(await signInCookie(base, accounts[i % accounts.length].email));
  let drafts = draftArticles(db, EDITORS);
  if (drafts.length < EDITORS) {
    const create = findAction(CREATE_ARTICLE.file, CREATE_ARTICLE.names);
    if (create) {
      const pagePath = actionPagePath(create, {}, CREATE_ARTICLE.pagePattern);
      for (let i = drafts.length; i < EDITORS; i++) {
        await callAction(
          base,
          create,
          pagePath,
          sessions[i],
          CREATE_ARTICLE.args({ question: `Bench autosave question ${i + 1}: how fast does a draft save?`, topic: "Bench" }),
        );
      }
      drafts = draftArticles(db, EDITORS);
    }
  }
  if (drafts.length === 0) return { available: false, reason: "no draft article to save" };
  const times: number[] = [];
  let busy = 0;
  let failed = 0;
  let conflicts = 0;
  let firstFailure: string | null = null;
  const until = performance.now() + mode.durationS * 1000;
  await Promise.all(
    drafts.map(async (draft, i) => {
      const cookie = sessions[i];
      const pagePath = actionPagePath(action, { id: draft.articleId, articleId: draft.articleId }, AUTOSAVE.pagePattern);
      let version = draft.version;
      let n = 0;
      if (mode.paceMs) await sleep(Math.random() * mode.paceMs);
      while (performance.now() < until) {
        if (n > 0 && mode.paceMs) await sleep(mode.paceMs);
        const t = performance.now();
        const outcome = await callAction(
          base,
          action,
          pagePath,
          cookie,
          AUTOSAVE.args({ ...draft, version, clinicianBody: `${draft.clinicianBody}\n\nAutosave ${n++}.` }),
        );
        times.push(performance.now() - t);
        if (/SQLITE_BUSY|database is locked/i.test(outcome.body)) busy++;
        if (/"code":"conflict"/.test(outcome.body)) conflicts++;
        if (outcome.status >= 400 || outcome.ok !== true) {
          failed++;
          firstFailure ??= `HTTP ${outcome.status} ${outcome.message ?? outcome.body.slice(0, 200)}`;
          if (failed > 20 && failed > times.length / 2) return;
          continue;
        }
        version = AUTOSAVE.nextVersion(outcome.body, version);
      }
    }),
  );
  if (failed > times.length / 2)
    return { available: false, reason: `the save action refused the bench's calls: ${firstFailure} (adjust scripts/bench/probes.ts)` };
  const mix = mode.paceMs ? `paced: a save ${mode.paceMs} ms after the previous one returned` : "back-to-back";
  return {
    available: true,
    mode: mix,
    durationS: mode.durationS,
    editors: drafts.length,
    saves: times.length,
    savesPerSecond: Math.round((times.length / mode.durationS) * 10) / 10,
    failed,
    conflicts,
    sqliteBusy: busy,
    firstFailure,
    ...summarize(times),
  };
}

function machine() {
  let lscpu = "";
  try {
    lscpu = spawnSync("lscpu", { encoding: "utf8" }).stdout;
  } catch {
    /* not Linux */
  }
  const field = (name: string) => new RegExp(`^${name}:\\s*(.+)$`, "m").exec(lscpu)?.[1]?.trim() ?? null;
  return {
    cpuModel: field("Model name") ?? os.cpus()[0]?.model ?? "unknown",
    cpus: os.cpus().length,
    threadsPerCore: field("Thread\\(s\\) per core"),
    memoryGiB: round(os.totalmem() / 1024 ** 3, 1),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    loadAverageAtStart: os.loadavg().map((n) => round(n, 2)),
    note: "load generator, server and baselines share these CPUs",
  };
}

async function main() {
  const started = Date.now();
  if (!flag("skip-build")) node(["scripts/build-if-needed.mjs"]);
  const database = prepareDatabase();
  const db = new Database(database.file, { readonly: false });
  db.pragma("busy_timeout = 10000");
  const articles = (db.prepare("SELECT count(*) AS n FROM articles").get() as { n: number }).n;
  log(`database: ${database.label} (${articles} articles) → ${database.file}`);
  const machineInfo = machine();

  const smtp = await startBenchSmtp();
  const server = await startNext({ port: PORT, db: database.file, env: { SMTP_URL: smtp.url } });
  const base = server.url;
  const results: Partial<
    Pick<
      BenchResults,
      "approval" | "staffHttp" | "autosave" | "autosaveStress" | "serverMemoryMiB" | "dal" | "mail" | "runnerImpact" | "reminders"
    >
  > = {};
  let runnerOn: { case: CaseResult; result: LoadResult } | null = null;
  const cases: CaseResult[] = [];
  let bare: Server | null = null;
  try {
    const idleRss = rssMiB(server.pid);
    const target = approvedArticle(db);
    const articlePath = target ? `/articles/${target.slug}` : null;
    const articleProbe = articlePath ? await get(base + articlePath) : null;
    const articleAvailable = !!articleProbe && articleProbe.status === 200;
    let cookieName: string | null = null;
    const caseList: Case[] = [];
    if (articleAvailable && articlePath) {
      const chosen = await get(`${base}${articlePath}?audience=patient`);
      cookieName =
        audienceCookieName(chosen.headers.getSetCookie(), "patient") ?? audienceCookieName(chosen.headers.getSetCookie(), "Patient");
      caseList.push({ name: "article, no cookie (default audience)", group: "article", path: articlePath });
      for (const audience of ["clinician", "patient"]) {
        caseList.push({ name: `article ?audience=${audience}, no cookie`, group: "article", path: `${articlePath}?audience=${audience}` });
        if (cookieName)
          caseList.push({
            name: `article, cookie ${audience}`,
            group: "article",
            path: articlePath,
            headers: { cookie: `${cookieName}=${audience}` },
          });
      }
    } else {
      // Until the reader branch lands, the reader home page stands in so the machinery runs end to end.
      caseList.push({
        name: "reader home / (stand-in: no article page in this build)",
        group: "article",
        path: "/",
        note: articlePath ? `${articlePath} → HTTP ${articleProbe?.status}` : "no approved article",
      });
    }
    // A freshly started server is still compiling its hot paths: the first case measured came out at
    // a third of the same page measured later. Load it once, unrecorded, before any case.
    if (caseList[0])
      await measure({
        url: base + caseList[0].path,
        connections: CONNECTIONS,
        duration: WARMUP * 2,
        warmup: 0,
        headers: caseList[0].headers,
      });
    for (const c of caseList) cases.push(await runCase(server, base, c));

    // Both baselines copy the size of the page the ratios are computed against.
    const primary = ratioBasis(cases);
    if (primary) {
      const reference = await get(base + primary.path, primary.headers);
      const targetBytes = reference.body.length;
      const zero = await get(`${base}/bench-baseline/0`);
      const ten = await get(`${base}/bench-baseline/10`);
      if (zero.status === 200 && ten.status === 200) {
        let units = paddingUnits(targetBytes, zero.body.length, ten.body.length);
        // One correction step: the padding also appears in the RSC payload, so growth is not exactly linear at the edges.
        const first = await get(`${base}/bench-baseline/${units}`);
        units = Math.max(0, units + Math.round((targetBytes - first.body.length) / Math.max(1, (ten.body.length - zero.body.length) / 10)));
        cases.push(
          await runCase(server, base, {
            name: `baseline A: static Next page (${units} padding units)`,
            group: "baselineA",
            path: `/bench-baseline/${units}`,
            note: `sized to ${targetBytes} bytes`,
          }),
        );
      } else {
        cases.push({
          name: "baseline A: static Next page",
          group: "baselineA",
          path: "/bench-baseline/0",
          skipped: `HTTP ${zero.status} (build lacks app/bench-baseline)`,
        });
      }
      const bodyFile = path.join(TMP, `bare-${PORT}.html`);
      fs.writeFileSync(bodyFile, reference.body);
      bare = await startBareHttp({
        port: PORT + 1,
        bodyFile,
        contentType: reference.headers.get("content-type") ?? "text/html; charset=utf-8",
      });
      cases.push(
        await runCase(bare, bare.url, {
          name: "baseline B: bare node:http, same bytes",
          group: "baselineB",
          path: "/",
          note: `${targetBytes} bytes from memory`,
        }),
      );
      await bare.stop();
      bare = null;
    }

    log("approval → visible…");
    results.approval = articleAvailable
      ? await approvalLatency(base, db, cookieName)
      : { available: false, reason: "no reader article page in this build" };
    log("  ", JSON.stringify(results.approval));

    log("staff pages and search over HTTP (sequential)…");
    const http: NonNullable<BenchResults["staffHttp"]> = {};
    for (const [who, email] of [
      ["admin", "admin@vetted.test"],
      ["editor", "editor@vetted.test"],
      ["reviewer", "reviewer1@vetted.test"],
    ] as const) {
      try {
        const cookie = await signInCookie(base, email);
        http[`/dashboard (${who})`] = await sequentialTimings(`${base}/dashboard`, { cookie }, SAMPLES);
      } catch (e) {
        http[`/dashboard (${who})`] = { skipped: (e as Error).message };
      }
    }
    for (const q of ["diabetes", "exercise blood pressure"])
      http[`/search?q=${q}`] = await sequentialTimings(`${base}/search?q=${encodeURIComponent(q)}`, {}, SAMPLES);
    results.staffHttp = http;

    log("autosave with 10 editors, paced as the editor saves…");
    results.autosave = await autosaveLatency(base, db, { paceMs: AUTOSAVE_DELAY_MS, durationS: DURATION * 3 });
    log("  ", JSON.stringify(results.autosave));
    log("autosave with 10 editors, back-to-back (stress)…");
    results.autosaveStress = await autosaveLatency(base, db, { paceMs: 0, durationS: DURATION });
    log("  ", JSON.stringify(results.autosaveStress));

    log(`mail: ${MAIL_MESSAGES} messages queued and delivered by the server's job runner…`);
    results.mail = await mailDelivery({ db: database.file, count: MAIL_MESSAGES, smtp });
    log("  ", JSON.stringify(results.mail));

    const basis = ratioBasis(cases);
    if (basis) {
      log(`runner on: ${basis.name} again…`);
      runnerOn = { case: basis, result: await measureCase(base, basis) };
    }

    results.serverMemoryMiB = {
      idle: idleRss,
      afterLoad: rssMiB(server.pid),
      peakDuringCases: Math.max(0, ...cases.map((c) => c.serverRssMiB ?? 0)),
    };
  } finally {
    if (bare) await bare.stop();
    await server.stop();
  }
  results.runnerImpact = await runnerImpact(database.file, runnerOn);
  await smtp.close();
  db.close();

  log("dashboard and search queries in-process…");
  const dal = spawnSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "scripts/bench/dal-timing.ts", "--iterations", opt("dal-iterations", "30")],
    {
      cwd: ROOT,
      encoding: "utf8",
      maxBuffer: 16 * 1024 * 1024,
      env: { ...process.env, DATABASE_PATH: database.file },
    },
  );
  results.dal = dal.status === 0 ? (JSON.parse(dal.stdout) as DalResults) : { error: dal.stderr.slice(-2000) };

  log("reminder tick (due/overdue scan) in-process…");
  const scan = spawnSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "scripts/bench/reminder-scan.ts", "--ticks", opt("scan-ticks", "200")],
    { cwd: ROOT, encoding: "utf8", maxBuffer: 16 * 1024 * 1024, env: { ...process.env, DATABASE_PATH: database.file } },
  );
  // Its EXPLAIN QUERY PLAN comes on stderr.
  if (scan.stderr) process.stdout.write(scan.stderr);
  results.reminders = scan.status === 0 ? (JSON.parse(scan.stdout) as ReminderScanResults) : { error: scan.stderr.slice(-2000) };
  log("  ", JSON.stringify({ steady: results.reminders.steady, backlog: results.reminders.backlog, midnight: results.reminders.midnight }));

  const article = cases.filter((c) => c.group === "article" && c.result);
  const worstCookie = ratioBasis(cases);
  const a = cases.find((c) => c.group === "baselineA")?.result;
  const b = cases.find((c) => c.group === "baselineB")?.result;
  const out: BenchResults = {
    generatedAt: new Date().toISOString(),
    seconds: Math.round((Date.now() - started) / 1000),
    machine: machineInfo,
    settings: {
      durationS: DURATION,
      warmupS: WARMUP,
      connections: CONNECTIONS,
      loadGenerator: "autocannon 8.0.0 (programmatic, same machine)",
    },
    database: { label: database.label, source: portablePath(database.source), articles },
    cases: cases.map(({ serverRssMiB: _rss, ...c }) => c),
    ratios: {
      basis: worstCookie?.name ?? null,
      articleOverA: ratio(worstCookie?.result?.rps, a?.rps),
      articleOverB: ratio(worstCookie?.result?.rps, b?.rps),
      perCase: Object.fromEntries(
        article.map((c) => [c.name, { overA: ratio(c.result!.rps, a?.rps), overB: ratio(c.result!.rps, b?.rps) }]),
      ),
    },
    // Every section is set by now: a failure in any of them throws out of main() before this point.
    ...(results as Required<typeof results>),
  };
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, JSON.stringify(out, null, 2) + "\n");
  log(`results → ${path.relative(ROOT, OUT)}`);
  printTable(out);
  if (!flag("no-markdown")) {
    // Keep one result per dataset so BENCHMARKS.md can show the demo and the 100k runs side by side.
    const kind = flag("large") ? "large" : argv.includes("--db") || argv.includes("--articles") ? "custom" : "demo";
    fs.copyFileSync(OUT, path.join(path.dirname(OUT), `results-${kind}.json`));
    writeBenchmarksMarkdown(path.join(ROOT, "BENCHMARKS.md"), path.dirname(OUT));
    log("BENCHMARKS.md updated");
  }
  if (!database.generated) removeDb(database.file);
}

function printTable(out: {
  cases: CaseResult[];
  ratios: { articleOverA: number | null; articleOverB: number | null; basis: string | null };
}) {
  const rows = out.cases.map((c) =>
    c.result
      ? {
          case: c.name,
          bytes: c.bytes,
          "req/s": c.result.rps,
          "p50 ms": c.result.p50,
          "p99 ms": c.result.p99,
          "non-2xx": c.result.non2xx,
          errors: c.result.errors,
        }
      : { case: c.name, bytes: "-", "req/s": "-", "p50 ms": "-", "p99 ms": "-", "non-2xx": c.skipped ?? "-", errors: "-" },
  );
  console.table(rows);
  console.log(
    `article/A = ${out.ratios.articleOverA ?? "n/a"}   article/B = ${out.ratios.articleOverB ?? "n/a"}   (basis: ${out.ratios.basis ?? "n/a"})`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
