import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { ENV_VARS, EnvError, parseEnv, publicUrl, serverEnv } from "@/lib/env";

const root = path.resolve(__dirname, "..", "..");

function problem(source: Record<string, string>, groups?: Parameters<typeof parseEnv>[1]): string {
  try {
    parseEnv(source, groups);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as EnvError).message;
  }
  throw new Error("the environment was accepted");
}

describe("parseEnv", () => {
  test("an empty environment gets every default", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      DATABASE_PATH: "data/vetted.db",
      PORT: 3000,
      HOST: "127.0.0.1",
      SIGN_IN_IP_LIMIT: 20,
      QUESTION_IP_LIMIT: 5,
      VETTED_BENCH: "0",
      E2E_PORT: 3100,
      E2E_WORKERS: 2,
      CHROMIUM_PATH: "/usr/bin/chromium",
      SCAN_MAX_MINUTES: 20,
    });
    expect(env.NEXTAUTH_URL).toBeUndefined();
    expect(env.NEXTAUTH_SECRET).toBeUndefined();
    expect(env.SITE_URL).toBeUndefined();
  });

  test("good values are read and converted; an empty string counts as unset", () => {
    const env = parseEnv({
      DATABASE_PATH: "/srv/vetted.db",
      PORT: "8080",
      HOST: "0.0.0.0",
      NEXTAUTH_URL: "https://vetted.example.org",
      NEXTAUTH_SECRET: "s".repeat(32),
      SITE_URL: "",
      SIGN_IN_IP_LIMIT: "1000",
      QUESTION_IP_LIMIT: "3",
      VETTED_BENCH: "1",
      E2E_WORKERS: "1",
    });
    expect(env).toMatchObject({
      DATABASE_PATH: "/srv/vetted.db",
      PORT: 8080,
      HOST: "0.0.0.0",
      NEXTAUTH_URL: "https://vetted.example.org",
      NEXTAUTH_SECRET: "s".repeat(32),
      SIGN_IN_IP_LIMIT: 1000,
      QUESTION_IP_LIMIT: 3,
      VETTED_BENCH: "1",
      E2E_WORKERS: 1,
    });
    expect(env.SITE_URL).toBeUndefined();
  });

  test.each([
    [{ PORT: "abc" }, 'Invalid environment: PORT must be a port number from 1 to 65535 (got "abc")'],
    [{ PORT: "70000" }, 'Invalid environment: PORT must be a port number from 1 to 65535 (got "70000")'],
    [{ NEXTAUTH_URL: "not-a-url" }, 'Invalid environment: NEXTAUTH_URL must be an http:// or https:// URL (got "not-a-url")'],
    [
      { NEXTAUTH_URL: "ftp://vetted.example.org" },
      'Invalid environment: NEXTAUTH_URL must be an http:// or https:// URL (got "ftp://vetted.example.org")',
    ],
    [{ SITE_URL: "vetted.example.org" }, 'Invalid environment: SITE_URL must be an http:// or https:// URL (got "vetted.example.org")'],
    [{ SIGN_IN_IP_LIMIT: "-3" }, 'Invalid environment: SIGN_IN_IP_LIMIT must be a whole number of at least 1 (got "-3")'],
    [{ QUESTION_IP_LIMIT: "2.5" }, 'Invalid environment: QUESTION_IP_LIMIT must be a whole number of at least 1 (got "2.5")'],
    [{ VETTED_BENCH: "yes" }, 'Invalid environment: VETTED_BENCH must be "0" or "1" (got "yes")'],
    [{ E2E_WORKERS: "0" }, 'Invalid environment: E2E_WORKERS must be a whole number of at least 1 (got "0")'],
    [{ SCAN_PORT: "port" }, 'Invalid environment: SCAN_PORT must be a port number from 1 to 65535 (got "port")'],
    [{ JOB_RUNNER: "maybe" }, 'Invalid environment: JOB_RUNNER must be "on" or "off" (got "maybe")'],
  ])("%o is refused with one line naming the variable", (source, message) => {
    expect(problem(source)).toBe(message);
  });

  test("a short secret is refused without echoing it", () => {
    const message = problem({ NEXTAUTH_SECRET: "hunter2" });
    expect(message).toBe("Invalid environment: NEXTAUTH_SECRET must be at least 32 characters");
    expect(message).not.toContain("hunter2");
  });

  test("an SMTP_URL that is not smtp:// or smtps:// is refused without echoing it (it may hold a password)", () => {
    const message = problem({ SMTP_URL: "http://mailer:s3cret@mail.example.org" });
    expect(message).toBe("Invalid environment: SMTP_URL must be an smtp:// or smtps:// URL (smtp://user:password@host:587)");
    expect(message).not.toContain("s3cret");
    expect(parseEnv({ SMTP_URL: "smtps://mailer:s3cret@mail.example.org:465" }).SMTP_URL).toBe(
      "smtps://mailer:s3cret@mail.example.org:465",
    );
  });

  test("several bad values are named together, still on one line", () => {
    const message = problem({ PORT: "abc", NEXTAUTH_URL: "not-a-url" });
    expect(message).toContain("PORT must be");
    expect(message).toContain("NEXTAUTH_URL must be");
    expect(message).not.toContain("\n");
  });

  test("only the groups asked for are checked", () => {
    expect(() => parseEnv({ E2E_PORT: "abc" }, ["server"])).not.toThrow();
    expect(problem({ E2E_PORT: "abc" }, ["test"])).toContain("E2E_PORT must be");
  });
});

describe("publicUrl", () => {
  test("is NEXTAUTH_URL when set, else http://HOST:PORT (127.0.0.1 for a server on every interface)", () => {
    expect(publicUrl(parseEnv({ NEXTAUTH_URL: "https://vetted.example.org" }))).toBe("https://vetted.example.org");
    expect(publicUrl(parseEnv({ PORT: "4000" }))).toBe("http://127.0.0.1:4000");
    expect(publicUrl(parseEnv({ HOST: "0.0.0.0", PORT: "4000" }))).toBe("http://127.0.0.1:4000");
    expect(publicUrl(parseEnv({ HOST: "vetted.local" }))).toBe("http://vetted.local:3000");
  });
});

describe("serverEnv", () => {
  const saved = process.env.QUESTION_IP_LIMIT;
  afterEach(() => {
    if (saved === undefined) delete process.env.QUESTION_IP_LIMIT;
    else process.env.QUESTION_IP_LIMIT = saved;
  });

  test("follows changes to process.env (tests set variables after import)", () => {
    process.env.QUESTION_IP_LIMIT = "7";
    expect(serverEnv().QUESTION_IP_LIMIT).toBe(7);
    process.env.QUESTION_IP_LIMIT = "9";
    expect(serverEnv().QUESTION_IP_LIMIT).toBe(9);
    process.env.QUESTION_IP_LIMIT = "nine";
    expect(() => serverEnv()).toThrow("QUESTION_IP_LIMIT must be a whole number of at least 1");
  });
});

describe("the README's configuration table", () => {
  test("lists exactly the module's variables, with the same defaults", () => {
    const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Configuration"));
    const table = section.slice(0, section.indexOf("\n## ", 1));
    const rows = [...table.matchAll(/^\| `([A-Z0-9_]+)` \| ([^|]+) \|/gm)].map((m) => [m[1], m[2].trim().replaceAll("`", "")]);
    expect(rows.length).toBeGreaterThan(0);
    expect(Object.fromEntries(rows)).toEqual(Object.fromEntries(Object.entries(ENV_VARS).map(([name, spec]) => [name, spec.default])));
  });
});

describe("reading the environment", () => {
  // Next's own build-time constants, read directly so the bundler can drop dead branches.
  const NEXT_OWN = new Set(["NODE_ENV", "NEXT_RUNTIME", "NEXT_PHASE"]);
  const SCANNED = [
    "app",
    "lib",
    "db",
    "components",
    "scripts",
    "proxy.ts",
    "instrumentation.ts",
    "next.config.js",
    "playwright.config.ts",
    "drizzle.config.ts",
  ];
  const THE_MODULE = new Set(["lib/env.ts", "lib/env-schema.mjs"]);

  function files(entry: string): string[] {
    const full = path.join(root, entry);
    if (!fs.statSync(full).isDirectory()) return [entry];
    return fs.readdirSync(full).flatMap((name) => files(path.join(entry, name)));
  }

  test("goes through lib/env: no other file reads a variable from process.env", () => {
    const reads: string[] = [];
    for (const file of SCANNED.flatMap(files).filter((f) => /\.(ts|tsx|js|mjs)$/.test(f) && !THE_MODULE.has(f))) {
      const source = fs.readFileSync(path.join(root, file), "utf8");
      // process.env.NAME or process.env[...]; passing the whole environment on ({ ...process.env }) is fine.
      for (const m of source.matchAll(/process\.env(?:\.([A-Za-z_][A-Za-z0-9_]*)|\[)/g))
        if (!m[1] || !NEXT_OWN.has(m[1])) reads.push(`${file}: ${m[0]}`);
    }
    expect(reads).toEqual([]);
  });
});

describe("npm start with a bad value", () => {
  test("PORT=abc stops scripts/start.mjs before any work, with one line and a non-zero exit", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vetted-env-"));
    const database = path.join(dir, "never-created.db");
    try {
      const run = spawnSync(process.execPath, ["scripts/start.mjs"], {
        cwd: root,
        encoding: "utf8",
        timeout: 20_000,
        env: { PATH: process.env.PATH, NODE_ENV: "production", PORT: "abc", DATABASE_PATH: database },
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toBe('Invalid environment: PORT must be a port number from 1 to 65535 (got "abc")\n');
      expect(run.stdout).toBe("");
      // The database was not migrated, so nothing after the check ran (no migrate, build or serve).
      expect(fs.existsSync(database)).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
