/**
 * The import page's client side, the part that needs no browser: whether there is anything to
 * read, and how the chosen references are cut into batches for the import action.
 */
import { MAX_IMPORT_BYTES } from "@/lib/citations/import-formats";
import { IMPORT_BATCH_BYTES, IMPORT_BATCH_SIZE } from "@/lib/validations/reference";

/** Why the pasted text or chosen file can't be sent for a preview, or null when it can. */
export function importSourceProblem(file: { name: string; size: number } | null, text: string): string | null {
  if (!file && !text.trim()) return "Paste some references or choose a file first.";
  if (file && file.size > MAX_IMPORT_BYTES)
    return `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; imports are limited to 5 MB. Split it into smaller files.`;
  return null;
}

/** Consecutive batches of at most `size` references and about `bytes` of JSON (one item may exceed it alone). */
export function batchesOf<T>(items: readonly T[], limits = { size: IMPORT_BATCH_SIZE, bytes: IMPORT_BATCH_BYTES }): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = JSON.stringify(item).length;
    if (current.length > 0 && (current.length >= limits.size || bytes + size > limits.bytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
