import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildIsCurrent } from "../../scripts/build-if-needed.mjs";
import { builtActions } from "../security/build-surface";

/**
 * Every server action is made by defineAction (lib/actions/define-action.ts), so none skips the
 * session, permission, strict parse, transaction and result shape. Checked two ways:
 * - from the source: every file with a "use server" directive, each of its exports imported and
 *   asked isDefinedAction; a "use server" inside a function (an inline action) fails outright;
 * - from the production build's manifest, when .next holds a build of the current sources. npm test
 *   builds before the unit tests, so there it always runs; a bare `vitest run` on stale sources
 *   skips it (skipped, not passed).
 */

// Importing the action modules evaluates lib/auth.ts, which reads the session secret.
process.env.NEXTAUTH_SECRET ??= "unit-test-secret-for-importing-actions";

const root = path.resolve(__dirname, "../..");
const SOURCE_DIRS = ["app", "components", "lib"];
const DIRECTIVE = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use server["']/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.posix.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(rel);
    return /\.(ts|tsx)$/.test(e.name) ? [rel] : [];
  });
}

const files = SOURCE_DIRS.flatMap(sourceFiles).map((file) => ({ file, text: fs.readFileSync(path.join(root, file), "utf8") }));
const actionFiles = files.filter((f) => DIRECTIVE.test(f.text)).map((f) => f.file);

const { isDefinedAction } = await import("@/lib/actions/define-action");

async function exportsOf(file: string): Promise<Record<string, unknown>> {
  return (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
}

describe("every server action is made by defineAction", () => {
  it("the brand can fail: a plain async function is not a defined action", () => {
    expect(isDefinedAction(async () => Promise.resolve({ ok: true }))).toBe(false);
    expect(isDefinedAction(undefined)).toBe(false);
  });

  it('no inline server actions: "use server" only as a file\'s directive', () => {
    const inline = files.filter((f) => !actionFiles.includes(f.file) && /^\s*["']use server["'];?\s*$/m.test(f.text)).map((f) => f.file);
    expect(inline).toEqual([]);
  });

  it('each export of each "use server" file (source)', async () => {
    expect(actionFiles.length, "found no action files: the scan is broken").toBeGreaterThan(5);
    const unwrapped: string[] = [];
    let count = 0;
    for (const file of actionFiles) {
      for (const [name, value] of Object.entries(await exportsOf(file))) {
        count++;
        if (!isDefinedAction(value)) unwrapped.push(`${file}#${name}`);
      }
    }
    expect(unwrapped, "export these through defineAction").toEqual([]);
    expect(count).toBeGreaterThan(20);
  });

  it.runIf(buildIsCurrent())("each action in the build's server-reference manifest", async () => {
    const built = builtActions(path.join(root, ".next")).map((a) => a.key);
    expect(built.length).toBeGreaterThan(20);
    const unwrapped: string[] = [];
    for (const key of built) {
      const [file, name] = key.split("#");
      const mod = fs.existsSync(path.join(root, file)) ? await exportsOf(file) : {};
      if (!isDefinedAction(mod[name])) unwrapped.push(key);
    }
    expect(unwrapped, "built actions not made by defineAction").toEqual([]);
    // The source scan above sees exactly what the build exposes.
    const fromSource = (await Promise.all(actionFiles.map(async (f) => Object.keys(await exportsOf(f)).map((n) => `${f}#${n}`)))).flat();
    expect([...built].sort()).toEqual(fromSource.sort());
  });
});
