/**
 * Measures a 1,000-entry reference import the way the import page runs it, minus the browser:
 *   node --conditions=react-server --import tsx scripts/bench-reference-import.ts [--entries 1000]
 * On a fresh temporary database with the demo seed: the preview (parse, validate, duplicate and
 * title checks), then the save in batches as the page sends them, then the first library page.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vetted-bench-import-"));
process.env.DATABASE_PATH = path.join(dir, "bench.db");

const i = process.argv.indexOf("--entries");
const ENTRIES = i > 0 ? Number(process.argv[i + 1]) : 1000;

async function main() {
  const { getDb } = await import("../db/index");
  const { users } = await import("../db/schema");
  const { seedDemo } = await import("../db/seed");
  const { eq } = await import("drizzle-orm");
  const { importReferenceBatch } = await import("../lib/dal/references-write");
  const { listReferences } = await import("../lib/dal/references-read");
  const { previewImport } = await import("../lib/dal/references-import");
  const { importBatchSchema, IMPORT_BATCH_SIZE } = await import("../lib/validations/reference");

  await seedDemo();
  const row = getDb().select().from(users).where(eq(users.email, "editor@vetted.test")).get()!;
  const editor = { id: row.id, role: row.role, active: row.active, email: row.email, name: row.name, mustChangePassword: false };

  const bib = Array.from(
    { length: ENTRIES },
    (_, n) => `@article{k${n},
  title = {Supervised exercise trial ${n} in postpartum pelvic girdle pain},
  author = {Larsen, Mette and Osei, Kwame and Fischer, Anna and Ruiz, Pablo and Tanaka, Yui and Novak, Petr and Brown, Ellen},
  journal = {Journal of Women's Health Physical Therapy}, shortjournal = {J Womens Health Phys Ther},
  year = {2021}, volume = {45}, number = {3}, pages = {101--110},
  doi = {10.9999/bench.${n}}, pmid = {${20000000 + n}},
}`,
  ).join("\n\n");

  const time = <T>(label: string, fn: () => T): T => {
    const start = performance.now();
    const result = fn();
    console.log(`${label}: ${Math.round(performance.now() - start)} ms`);
    return result;
  };

  const preview = time(`preview of ${ENTRIES} BibTeX entries (${(bib.length / 1024).toFixed(0)} KB)`, () => previewImport(bib));
  if (!preview.ok) throw new Error(preview.error);
  const picked = preview.entries.flatMap((e) => (e.verdict === "new" ? [e.reference] : []));
  time(`save in batches of ${IMPORT_BATCH_SIZE} (validated as the action does)`, () => {
    for (let start = 0; start < picked.length; start += IMPORT_BATCH_SIZE) {
      const batch = importBatchSchema.parse(JSON.parse(JSON.stringify({ references: picked.slice(start, start + IMPORT_BATCH_SIZE) })));
      importReferenceBatch(editor, batch.references);
    }
  });
  time("library page 1 (25 entries formatted in AMA style)", () => listReferences({}));
  time("library page 1 again (citeproc warm)", () => listReferences({}));
  time("filtered library page", () => listReferences({ q: "pelvic", page: 10 }));
  getDb().$client.close();
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => fs.rmSync(dir, { recursive: true, force: true }));
