// @ts-check
/**
 * Every environment variable Vetted reads, with its default and its check: the one place they
 * are declared. Plain JavaScript so the node scripts (`npm start` → scripts/start.mjs, the e2e
 * server) can import it without a TypeScript loader; the app reads it through lib/env.ts, which
 * adds the types. Pure: nothing here runs at import.
 *
 * Not listed, on purpose: NODE_ENV, NEXT_RUNTIME and NEXT_PHASE, which Next sets itself and inlines at build
 * time (code reads them directly so the bundler can drop dead branches), and variables the
 * scripts only pass on to the processes they start.
 *
 * The README's "Configuration" table lists the same names and defaults (a unit test compares them).
 */
import { z } from "zod";

const port = z.coerce.number().int().min(1).max(65535);
const positiveInt = z.coerce.number().int().min(1);
const webUrl = z.url({ protocol: /^https?$/ });
const text = z.string().min(1);

/**
 * @typedef {object} EnvVar
 * @property {"server" | "test" | "tools"} group who reads it: the app and `npm start`, the test runner, or a maintenance script
 * @property {z.ZodType} schema the check (applied to the raw string; "" counts as unset)
 * @property {string} expects what a good value looks like, for the start-up error
 * @property {string} default the default as the README states it
 * @property {boolean} [secret] never echo the value in an error
 */

/** @satisfies {Record<string, EnvVar>} */
export const ENV_VARS = {
  DATABASE_PATH: { group: "server", schema: text.default("data/vetted.db"), expects: "a file path", default: "data/vetted.db" },
  PORT: { group: "server", schema: port.default(3000), expects: "a port number from 1 to 65535", default: "3000" },
  HOST: { group: "server", schema: text.default("127.0.0.1"), expects: "a host name or IP address", default: "127.0.0.1" },
  NEXTAUTH_URL: {
    group: "server",
    schema: webUrl.optional(),
    expects: "an http:// or https:// URL",
    default: "http://HOST:PORT",
  },
  NEXTAUTH_SECRET: {
    group: "server",
    schema: z.string().min(32).optional(),
    expects: "at least 32 characters",
    default: "generated once into data/.auth-secret",
    secret: true,
  },
  SITE_URL: { group: "server", schema: webUrl.optional(), expects: "an http:// or https:// URL", default: "NEXTAUTH_URL" },
  SITEMAP_URLS_PER_FILE: {
    group: "server",
    schema: positiveInt.max(50000).default(50000),
    expects: "a whole number from 1 to 50000",
    default: "50000",
  },
  SIGN_IN_IP_LIMIT: { group: "server", schema: positiveInt.default(20), expects: "a whole number of at least 1", default: "20" },
  QUESTION_IP_LIMIT: { group: "server", schema: positiveInt.default(5), expects: "a whole number of at least 1", default: "5" },
  RATE_LIMIT_MAX_ROWS: {
    group: "server",
    schema: positiveInt.min(100).default(100000),
    expects: "a whole number of at least 100",
    default: "100000",
  },
  TRUSTED_PROXY_HOPS: {
    group: "server",
    schema: z.coerce.number().int().min(0).max(10).default(0),
    expects: "a whole number from 0 to 10",
    default: "0",
  },
  SMTP_URL: {
    group: "server",
    schema: z.url({ protocol: /^smtps?$/ }).optional(),
    expects: "an smtp:// or smtps:// URL (smtp://user:password@host:587)",
    default: "unset: mail stays in the outbox",
    secret: true,
  },
  MAIL_FROM: {
    group: "server",
    schema: text.default("Vetted <no-reply@vetted.invalid>"),
    expects: "a sender such as Vetted <editors@example.org>",
    default: "Vetted <no-reply@vetted.invalid>",
  },
  JOB_RUNNER: { group: "server", schema: z.enum(["on", "off"]).default("on"), expects: '"on" or "off"', default: "on" },
  JOB_RETRY_BASE_MS: {
    group: "server",
    schema: positiveInt.max(3_600_000).default(30_000),
    expects: "a whole number of milliseconds from 1 to 3600000",
    default: "30000",
  },
  DOI_RESOLVER_URL: {
    group: "server",
    schema: webUrl.default("https://doi.org"),
    expects: "an http:// or https:// URL",
    default: "https://doi.org",
  },
  NCBI_EUTILS_URL: {
    group: "server",
    schema: webUrl.default("https://eutils.ncbi.nlm.nih.gov/entrez/eutils"),
    expects: "an http:// or https:// URL",
    default: "https://eutils.ncbi.nlm.nih.gov/entrez/eutils",
  },
  NCBI_API_KEY: { group: "server", schema: text.optional(), expects: "an NCBI API key", default: "unset", secret: true },
  VETTED_BENCH: { group: "server", schema: z.enum(["0", "1"]).default("0"), expects: '"0" or "1"', default: "0" },
  E2E_PORT: { group: "test", schema: port.default(3100), expects: "a port number from 1 to 65535", default: "3100" },
  E2E_WORKERS: { group: "test", schema: positiveInt.default(2), expects: "a whole number of at least 1", default: "2" },
  E2E_DATABASE: { group: "test", schema: text.optional(), expects: "a file path", default: "tests/.tmp/e2e-E2E_PORT.db" },
  E2E_MAIL_DIR: { group: "test", schema: text.optional(), expects: "a folder path", default: "tests/.tmp/mail-E2E_PORT" },
  E2E_LOOKUP_LOG: {
    group: "test",
    schema: text.optional(),
    expects: "a file path",
    default: "tests/.tmp/lookup-E2E_PORT.jsonl",
  },
  E2E_REVERSE: {
    group: "test",
    schema: z.enum(["0", "1"]).optional(),
    expects: '"0" or "1"',
    default: "unset",
  },
  CHROMIUM_PATH: { group: "test", schema: text.default("/usr/bin/chromium"), expects: "a file path", default: "/usr/bin/chromium" },
  CI: { group: "test", schema: z.string().optional(), expects: "any value (set means CI)", default: "unset" },
  CHROME_PATH: { group: "tools", schema: text.optional(), expects: "a file path", default: "CHROMIUM_PATH" },
  KEEP_LIGHTHOUSE_REPORT: { group: "tools", schema: z.string().optional(), expects: "any value (set keeps it)", default: "unset" },
  SCAN_PORT: { group: "tools", schema: port.optional(), expects: "a port number from 1 to 65535", default: "E2E_PORT or 3199" },
  SCAN_MAX_MINUTES: { group: "tools", schema: positiveInt.default(20), expects: "a whole number of at least 1", default: "20" },
  SCAN_ONLY: { group: "tools", schema: z.string().optional(), expects: "a comma-separated list of scan names", default: "all" },
};

/** @typedef {keyof typeof ENV_VARS} EnvName */
/** @typedef {{ [K in EnvName]: z.output<(typeof ENV_VARS)[K]["schema"]> }} ParsedEnv */

export class EnvError extends Error {
  /** @param {{ name: string; expects: string; got: string | null }[]} problems */
  constructor(problems) {
    super(
      "Invalid environment: " +
        problems.map((p) => `${p.name} must be ${p.expects}${p.got === null ? "" : ` (got ${JSON.stringify(p.got)})`}`).join("; "),
    );
    this.name = "EnvError";
    this.problems = problems;
  }
}

/**
 * Reads and checks the variables of the given groups (all by default). Throws one EnvError naming
 * every bad variable and what it expects; the message is a single line.
 * @param {Record<string, string | undefined>} source
 * @param {readonly EnvVar["group"][]} [groups]
 * @returns {ParsedEnv}
 */
export function parseEnv(source, groups = ["server", "test", "tools"]) {
  /** @type {Record<string, unknown>} */
  const out = {};
  /** @type {{ name: string; expects: string; got: string | null }[]} */
  const problems = [];
  for (const [name, spec] of /** @type {[EnvName, EnvVar][]} */ (Object.entries(ENV_VARS))) {
    const raw = source[name];
    const value = raw === "" ? undefined : raw;
    if (!groups.includes(spec.group)) continue;
    const result = spec.schema.safeParse(value);
    if (result.success) out[name] = result.data;
    else problems.push({ name, expects: spec.expects, got: spec.secret ? null : (value ?? null) });
  }
  if (problems.length) throw new EnvError(problems);
  return /** @type {ParsedEnv} */ (out);
}

/** The public URL: NEXTAUTH_URL, or http://HOST:PORT (a server bound to every interface is reached on 127.0.0.1). */
/** @param {Pick<ParsedEnv, "NEXTAUTH_URL" | "HOST" | "PORT">} env */
export function publicUrl(env) {
  return env.NEXTAUTH_URL ?? `http://${env.HOST === "0.0.0.0" ? "127.0.0.1" : env.HOST}:${env.PORT}`;
}

/**
 * Whether a variable is set to a non-empty value, for the few callers whose fallback is not the
 * declared default (the e2e server insists on its own database; the test runner passes its own limits).
 * @param {EnvName} name
 * @param {Record<string, string | undefined>} [source]
 */
export function isSet(name, source = process.env) {
  return (source[name] ?? "") !== "";
}

/**
 * For entry points (scripts, the server's start-up hook): the checked variables, or the one-line
 * message on stderr and exit code 1.
 * @param {readonly EnvVar["group"][]} [groups]
 * @returns {ParsedEnv}
 */
export function loadEnvOrExit(groups) {
  try {
    return parseEnv(process.env, groups);
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
