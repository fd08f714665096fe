/**
 * npm run lighthouse [-- --url <path> --port 3172 --db <file> --skip-build --no-markdown]
 * Lighthouse 12 with mobile settings (its defaults: Moto G power emulation, simulated slow 4G)
 * in Debian's chromium against the production server on a fresh demo database. Audits an
 * approved article page (/articles/<slug>?audience=patient), or "/" while the build has none.
 * Prints the four category scores and LCP/TBT/CLS; writes bench/lighthouse.json.
 * Lighthouse runs as its own CLI process under plain node: loaded through tsx, the functions it
 * sends into the page carry esbuild's `__name` helper and fail there.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { testEnv, toolsEnv } from "../../lib/env";
import { writeBenchmarksMarkdown } from "./report";
import type { LighthouseSummary } from "./results";
import { ROOT, startNext } from "./server";

const argv = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
};
const PORT = Number(opt("port", "3172"));
const OUT = path.resolve(opt("out", "bench/lighthouse.json"));
const CHROME = toolsEnv().CHROME_PATH ?? testEnv().CHROMIUM_PATH;

function node(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`node ${args.join(" ")} failed with ${r.status}`);
}

type Audit = {
  id: string;
  title: string;
  score: number | null;
  scoreDisplayMode: string;
  numericValue?: number;
  details?: { items?: unknown[] };
};
type LighthouseResult = {
  fetchTime: string;
  lighthouseVersion: string;
  configSettings: { formFactor: string; throttlingMethod: string };
  categories: Record<string, { score: number | null }>;
  audits: Record<string, Audit>;
};

async function main() {
  if (!argv.includes("--skip-build")) node(["scripts/build-if-needed.mjs"]);
  const tmp = path.join(ROOT, "bench", "tmp");
  fs.mkdirSync(tmp, { recursive: true });
  const db = argv.includes("--db") ? path.resolve(opt("db", "")) : path.join(tmp, `lighthouse-${PORT}.db`);
  if (!argv.includes("--db")) {
    for (const s of ["", "-wal", "-shm"]) fs.rmSync(db + s, { force: true });
    node(["scripts/prepare-db.mjs"], { DATABASE_PATH: db });
  }
  const server = await startNext({ port: PORT, db });
  try {
    let target = opt("url", "");
    let note = "";
    if (!target) {
      const conn = new Database(db, { readonly: true });
      const row = conn.prepare("SELECT slug FROM articles WHERE live_revision_id IS NOT NULL ORDER BY id LIMIT 1").get() as
        { slug: string } | undefined;
      conn.close();
      const candidate = row ? `/articles/${row.slug}?audience=patient` : null;
      const status = candidate ? (await fetch(server.url + candidate)).status : 0;
      target = candidate && status === 200 ? candidate : "/";
      if (target === "/")
        note = `No article page in this build (${candidate ?? "no approved article"} → HTTP ${status}); audited the home page instead. Re-run after the reader branch is merged.`;
    }
    const url = server.url + target;
    // Warm the route so the audit sees the cached page, as a reader after the first would.
    await (await fetch(url)).arrayBuffer();
    const report = path.join(tmp, `lighthouse-${PORT}.report.json`);
    const flags = [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ];
    const cli = spawnSync(
      process.execPath,
      [
        path.join(ROOT, "node_modules", "lighthouse", "cli", "index.js"),
        url,
        "--output=json",
        `--output-path=${report}`,
        "--only-categories=performance,accessibility,best-practices,seo",
        `--chrome-flags=${flags.join(" ")}`,
        "--quiet",
      ],
      { cwd: ROOT, stdio: "inherit", env: { ...process.env, CHROME_PATH: CHROME } },
    );
    if (cli.status !== 0) throw new Error(`lighthouse exited with ${cli.status}`);
    const lhr = JSON.parse(fs.readFileSync(report, "utf8")) as LighthouseResult;
    if (!toolsEnv().KEEP_LIGHTHOUSE_REPORT) fs.rmSync(report, { force: true });
    const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
    const result: LighthouseSummary = {
      url: target,
      fetchTime: lhr.fetchTime,
      lighthouseVersion: lhr.lighthouseVersion,
      formFactor: lhr.configSettings.formFactor,
      throttling: lhr.configSettings.throttlingMethod,
      categories: {
        performance: score("performance"),
        accessibility: score("accessibility"),
        "best-practices": score("best-practices"),
        seo: score("seo"),
      },
      metrics: {
        lcpMs: Math.round(lhr.audits["largest-contentful-paint"]?.numericValue ?? NaN),
        tbtMs: Math.round(lhr.audits["total-blocking-time"]?.numericValue ?? NaN),
        cls: Number((lhr.audits["cumulative-layout-shift"]?.numericValue ?? NaN).toFixed(3)),
        fcpMs: Math.round(lhr.audits["first-contentful-paint"]?.numericValue ?? NaN),
      },
      failedAudits: Object.values(lhr.audits)
        .filter(
          (a) =>
            a.score !== null &&
            a.score < 1 &&
            a.scoreDisplayMode !== "informative" &&
            a.scoreDisplayMode !== "manual" &&
            a.scoreDisplayMode !== "notApplicable",
        )
        .map((a) => ({ id: a.id, score: a.score, title: a.title, ...(a.id === "errors-in-console" ? { items: a.details?.items } : {}) })),
      note,
    };
    fs.mkdirSync(path.dirname(OUT), { recursive: true });
    fs.writeFileSync(OUT, JSON.stringify(result, null, 2) + "\n");
    console.log(`Lighthouse ${result.lighthouseVersion}, ${result.formFactor}, ${url}`);
    console.table(result.categories);
    console.log(`LCP ${result.metrics.lcpMs} ms   TBT ${result.metrics.tbtMs} ms   CLS ${result.metrics.cls}`);
    if (note) console.log(note);
    if (result.failedAudits.length) console.log("Below full score:", result.failedAudits.map((a) => a.id).join(", "));
    if (!argv.includes("--no-markdown")) writeBenchmarksMarkdown(path.join(ROOT, "BENCHMARKS.md"), path.dirname(OUT));
  } finally {
    await server.stop();
    if (!argv.includes("--db")) for (const s of ["", "-wal", "-shm"]) fs.rmSync(db + s, { force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
