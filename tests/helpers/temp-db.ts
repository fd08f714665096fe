import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** Points DATABASE_PATH at a fresh file for this test file; returns it and a cleanup. */
export function useTempDatabase(name = "unit"): { file: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `vetted-${name}-`));
  const file = path.join(dir, "test.db");
  process.env.DATABASE_PATH = file;
  return { file, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
