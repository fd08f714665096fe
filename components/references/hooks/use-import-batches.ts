import { useRouter } from "next/navigation";
import { useCallback, useMemo, useState } from "react";
import { importReferencesAction } from "@/lib/actions/references";
import { batchesOf, importSourceProblem } from "@/lib/citations/import-batches";
import type { ImportFormat } from "@/lib/citations/import-formats";
import type { ImportPreview } from "@/lib/dal/references-import";
import type { ImportedIntegrity } from "@/lib/validations/reference";

export type ReadyPreview = Extract<ImportPreview, { ok: true }>;

export type ImportStage =
  | { kind: "idle" }
  | { kind: "reading" }
  | { kind: "error"; message: string }
  | { kind: "preview"; preview: ReadyPreview }
  | { kind: "saving"; preview: ReadyPreview; done: number; total: number }
  | { kind: "saved"; created: number; skipped: Array<{ citekey: string; reason: string }>; failed?: string };

export type ImportSource = { file: File | null; text: string; format: ImportFormat | "" };

/**
 * The import page's steps: the server reads the file into a preview (nothing saved), the editor
 * picks among the new entries, and the picked ones are saved in batches with progress; a failed
 * batch stops the import and says how many were saved before it.
 */
export function useImportBatches() {
  const router = useRouter();
  const [stage, setStage] = useState<ImportStage>({ kind: "idle" });
  const [picked, setPicked] = useState<Set<number>>(new Set());

  const preview = stage.kind === "preview" || stage.kind === "saving" ? stage.preview : null;
  const newEntries = useMemo(() => preview?.entries.filter((e) => e.verdict === "new") ?? [], [preview]);

  async function runPreview({ file, text, format }: ImportSource) {
    const problem = importSourceProblem(file, text);
    if (problem) {
      setStage({ kind: "error", message: problem });
      return;
    }
    setStage({ kind: "reading" });
    try {
      const response = await fetch(`/api/references/import${format ? `?format=${format}` : ""}`, {
        method: "POST",
        body: file ?? text,
        headers: { "Content-Type": "application/octet-stream" },
      });
      const result = (await response.json()) as ImportPreview;
      if (!result.ok) {
        setStage({ kind: "error", message: result.error });
        return;
      }
      // A likely duplicate by title is shown but left for the editor to pick deliberately.
      setPicked(new Set(result.entries.filter((e) => e.verdict === "new" && !e.sameTitleAs).map((e) => e.index)));
      setStage({ kind: "preview", preview: result });
    } catch {
      setStage({ kind: "error", message: "The preview could not be loaded. Check your connection and try again." });
    }
  }

  async function runImport() {
    if (!preview) return;
    const chosenEntries = newEntries.filter((e) => picked.has(e.index)).flatMap((e) => (e.verdict === "new" ? [e] : []));
    const chosen = chosenEntries.map((e) => e.reference);
    // A record that says it was retracted (or corrected) is saved so, with the record's words as the note.
    const integrityOf = new Map<string, ImportedIntegrity>();
    for (const { reference, integrity } of chosenEntries) {
      if (integrity.status === "retracted")
        integrityOf.set(reference.citekey, { citekey: reference.citekey, status: "retracted", note: integrity.note });
      if (integrity.status === "notice")
        integrityOf.set(reference.citekey, { citekey: reference.citekey, status: "notice", kind: integrity.kind, note: integrity.note });
    }
    let created = 0;
    const skipped: Array<{ citekey: string; reason: string }> = [];
    setStage({ kind: "saving", preview, done: 0, total: chosen.length });
    let done = 0;
    for (const batch of batchesOf(chosen)) {
      const integrity = batch.flatMap((ref) => integrityOf.get(ref.citekey) ?? []);
      const result = await importReferencesAction({ references: batch, integrity }).catch(() => null);
      if (!result || !result.ok || !result.data) {
        setStage({ kind: "saved", created, skipped, failed: result?.message ?? "The connection failed." });
        router.refresh();
        return;
      }
      created += result.data.created.length;
      skipped.push(...result.data.skipped);
      done += batch.length;
      setStage({ kind: "saving", preview, done, total: chosen.length });
    }
    setStage({ kind: "saved", created, skipped });
    router.refresh();
  }

  const toggle = useCallback(
    (index: number, on: boolean) =>
      setPicked((current) => {
        const next = new Set(current);
        if (on) next.add(index);
        else next.delete(index);
        return next;
      }),
    [],
  );

  return {
    stage,
    preview,
    picked,
    busy: stage.kind === "reading" || stage.kind === "saving",
    runPreview,
    runImport,
    toggle,
    selectAllNew: () => setPicked(new Set(newEntries.map((e) => e.index))),
    selectNone: () => setPicked(new Set()),
    /** Back to an empty form. */
    reset: () => setStage({ kind: "idle" }),
  };
}
