"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { memo, useCallback, useMemo, useRef, useState } from "react";
import { importReferencesAction } from "@/lib/actions/references";
import { shortByline } from "@/lib/citations/author-lines";
import { IMPORT_FORMAT_LABELS, IMPORT_FORMATS, MAX_IMPORT_BYTES, type ImportFormat } from "@/lib/citations/import-formats";
import type { ImportPreview, ImportPreviewEntry } from "@/lib/dal/references-import";
import { IMPORT_BATCH_BYTES, IMPORT_BATCH_SIZE } from "@/lib/validations/reference";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

type Stage =
  | { kind: "idle" }
  | { kind: "reading" }
  | { kind: "error"; message: string }
  | { kind: "preview"; preview: Extract<ImportPreview, { ok: true }> }
  | { kind: "saving"; preview: Extract<ImportPreview, { ok: true }>; done: number; total: number }
  | { kind: "saved"; created: number; skipped: Array<{ citekey: string; reason: string }>; failed?: string };

const VERDICT_STYLE = {
  new: "border-emerald-300 bg-emerald-50 text-emerald-900",
  duplicate: "border-amber-300 bg-amber-50 text-amber-950",
  invalid: "border-red-300 bg-red-50 text-red-900",
} as const;
/** New entries listed before "Show the other …": enough to check a file, light enough for a phone. */
const PREVIEW_ROWS = 100;

const VERDICT_LABEL = { new: "New", duplicate: "Duplicate", invalid: "Invalid" } as const;

/** Consecutive batches of at most IMPORT_BATCH_SIZE references and about IMPORT_BATCH_BYTES of JSON. */
function batchesOf<T>(items: readonly T[]): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = JSON.stringify(item).length;
    if (current.length > 0 && (current.length >= IMPORT_BATCH_SIZE || bytes + size > IMPORT_BATCH_BYTES)) {
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

function EntrySummary({ entry }: { entry: ImportPreviewEntry }) {
  if (entry.verdict === "invalid") {
    return (
      <>
        <p className="text-red-900">{entry.reason}</p>
        <pre className="mt-1 max-h-24 overflow-auto whitespace-pre-wrap break-words rounded bg-slate-50 p-2 text-xs text-muted">
          {entry.excerpt}
        </pre>
      </>
    );
  }
  const ref = entry.reference;
  return (
    <>
      <p className="font-medium">{ref.title || ref.source}</p>
      <p className="text-xs text-muted">
        {[shortByline(ref.authors), ref.sourceAbbrev || ref.source, ref.year].filter(Boolean).join(" · ")}
        {ref.doi ? ` · doi:${ref.doi}` : ""}
      </p>
      {entry.verdict === "new" && entry.warnings.length > 0 && <p className="text-xs text-amber-900">{entry.warnings.join("; ")}</p>}
      {entry.verdict === "new" && entry.sameTitleAs && (
        <p className="text-xs text-amber-950">
          Possibly already in the library: {entry.sameTitleAs.citekey} has the same title.{" "}
          <Link href={`/editor/references/${entry.sameTitleAs.id}`} target="_blank">
            Open {entry.sameTitleAs.citekey}
          </Link>
        </p>
      )}
      {entry.verdict === "duplicate" && (
        <p className="text-xs text-amber-950">
          {entry.reason}
          {entry.existing && (
            <>
              {" · "}
              <Link href={`/editor/references/${entry.existing.id}`} target="_blank">
                Open {entry.existing.citekey}
              </Link>
            </>
          )}
        </p>
      )}
    </>
  );
}

/** The previewed entries; memoised so progress updates during a 1,000-entry import don't re-render them. */
const EntryList = memo(function EntryList({
  entries,
  picked,
  busy,
  onToggle,
}: {
  entries: ImportPreviewEntry[];
  picked: Set<number>;
  busy: boolean;
  onToggle: (index: number, on: boolean) => void;
}) {
  // A long file shows every entry that needs attention and the first new ones; the rest on request.
  const [showAll, setShowAll] = useState(entries.length <= PREVIEW_ROWS);
  const shown = showAll ? entries : entries.filter((e, i) => e.verdict !== "new" || i < PREVIEW_ROWS);
  const hidden = entries.length - shown.length;
  return (
    <>
      <ol className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white" aria-label="Entries read">
        {shown.map((entry) => (
          <li key={entry.index} data-verdict={entry.verdict} className="flex gap-3 px-4 py-3 text-sm">
            <input
              type="checkbox"
              className="mt-1 h-4 w-4 shrink-0"
              checked={picked.has(entry.index)}
              disabled={entry.verdict !== "new" || busy}
              onChange={(e) => onToggle(entry.index, e.currentTarget.checked)}
              aria-label={`Import entry ${entry.index}${entry.verdict === "new" ? ` (${entry.reference.citekey})` : ""}`}
            />
            <div className="min-w-0 flex-1 space-y-1">
              <div className="flex flex-wrap items-center gap-2 text-xs">
                <span className="text-muted">
                  #{entry.index}
                  {entry.line ? ` · line ${entry.line}` : ""}
                </span>
                <span className={`rounded-full border px-2 py-0.5 font-medium ${VERDICT_STYLE[entry.verdict]}`}>
                  {VERDICT_LABEL[entry.verdict]}
                </span>
                {entry.verdict === "new" && <code className="rounded bg-slate-100 px-1.5 py-0.5">{entry.reference.citekey}</code>}
              </div>
              <EntrySummary entry={entry} />
            </div>
          </li>
        ))}
      </ol>
      {hidden > 0 && (
        <Button variant="secondary" onClick={() => setShowAll(true)}>
          Show the other {hidden} new entries (they are selected)
        </Button>
      )}
    </>
  );
});

export function ImportPanel() {
  const router = useRouter();
  const [text, setText] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ImportFormat | "">("");
  const [stage, setStage] = useState<Stage>({ kind: "idle" });
  const [picked, setPicked] = useState<Set<number>>(new Set());
  const fileInput = useRef<HTMLInputElement>(null);

  const preview = stage.kind === "preview" || stage.kind === "saving" ? stage.preview : null;
  const newEntries = useMemo(() => preview?.entries.filter((e) => e.verdict === "new") ?? [], [preview]);

  async function runPreview() {
    const body: Blob | string = file ?? text;
    if (!file && !text.trim()) {
      setStage({ kind: "error", message: "Paste some references or choose a file first." });
      return;
    }
    if (file && file.size > MAX_IMPORT_BYTES) {
      setStage({
        kind: "error",
        message: `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; imports are limited to 5 MB. Split it into smaller files.`,
      });
      return;
    }
    setStage({ kind: "reading" });
    try {
      const response = await fetch(`/api/references/import${format ? `?format=${format}` : ""}`, {
        method: "POST",
        body,
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
    const chosen = newEntries
      .filter((e) => picked.has(e.index))
      .map((e) => (e.verdict === "new" ? e.reference : null))
      .filter((r) => r !== null);
    let created = 0;
    const skipped: Array<{ citekey: string; reason: string }> = [];
    setStage({ kind: "saving", preview, done: 0, total: chosen.length });
    let done = 0;
    for (const batch of batchesOf(chosen)) {
      const result = await importReferencesAction({ references: batch }).catch(() => null);
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

  const reset = () => {
    setStage({ kind: "idle" });
    setText("");
    setFile(null);
    if (fileInput.current) fileInput.current.value = "";
  };

  if (stage.kind === "saved") {
    return (
      <div className="space-y-4">
        <Alert tone={stage.failed ? "error" : "success"} live>
          <p>
            Imported {stage.created} {stage.created === 1 ? "reference" : "references"}.
            {stage.failed ? ` The import stopped: ${stage.failed}` : ""}
          </p>
          {stage.skipped.length > 0 && (
            <ul className="mt-2 list-disc pl-5">
              {stage.skipped.map((s) => (
                <li key={s.citekey}>
                  Skipped {s.citekey}: {s.reason}
                </li>
              ))}
            </ul>
          )}
        </Alert>
        <div className="flex gap-3">
          <Link href="/editor/references" className="self-center">
            Go to the library
          </Link>
          <Button variant="secondary" onClick={reset}>
            Import another file
          </Button>
        </div>
      </div>
    );
  }

  const busy = stage.kind === "reading" || stage.kind === "saving";
  return (
    <div className="space-y-6">
      {!preview && (
        <div className="space-y-4 rounded-md border border-slate-200 bg-white p-4 sm:p-6">
          <div className="space-y-1">
            <label htmlFor="import-file" className="block text-sm font-medium">
              File
            </label>
            <p id="import-file-hint" className="text-sm text-muted">
              .bib, .ris, .json (CSL-JSON) or .nbib (PubMed), up to 5 MB.
            </p>
            <input
              ref={fileInput}
              id="import-file"
              type="file"
              accept=".bib,.bibtex,.ris,.json,.nbib,.txt,text/plain,application/json"
              aria-describedby="import-file-hint"
              className="block text-sm"
              onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
            />
          </div>
          <div className="space-y-1">
            <label htmlFor="import-text" className="block text-sm font-medium">
              Or paste the references
            </label>
            <textarea
              id="import-text"
              rows={8}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              disabled={!!file}
              className={inputClass() + " font-mono text-sm"}
              placeholder="@article{…} or TY  - JOUR … or PMID- …"
            />
            {file && <p className="text-sm text-muted">Using the file {file.name}; clear the file to paste instead.</p>}
          </div>
          <div className="space-y-1">
            <label htmlFor="import-format" className="block text-sm font-medium">
              Format
            </label>
            <select
              id="import-format"
              value={format}
              onChange={(e) => setFormat(e.currentTarget.value as ImportFormat | "")}
              className={inputClass() + " sm:w-72"}
            >
              <option value="">Detect automatically</option>
              {IMPORT_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {IMPORT_FORMAT_LABELS[f]}
                </option>
              ))}
            </select>
          </div>
          <Button onClick={runPreview} disabled={busy}>
            {stage.kind === "reading" ? "Reading…" : "Preview import"}
          </Button>
          {stage.kind === "reading" && (
            <p role="status" className="text-sm text-muted">
              Reading the references…
            </p>
          )}
          {stage.kind === "error" && <Alert tone="error">{stage.message} Nothing was imported.</Alert>}
        </div>
      )}

      {preview && (
        <section aria-labelledby="preview-heading" className="space-y-4">
          <div className="space-y-1">
            <h2 id="preview-heading" className="text-lg font-semibold">
              Preview
            </h2>
            <p className="text-sm text-muted" role="status">
              Read as {preview.formatLabel}: {preview.counts.new} new, {preview.counts.duplicate}{" "}
              {preview.counts.duplicate === 1 ? "duplicate" : "duplicates"}, {preview.counts.invalid} invalid. Nothing is saved until you
              import.
            </p>
          </div>
          <div className="flex flex-wrap items-center gap-3">
            <Button onClick={runImport} disabled={busy || picked.size === 0}>
              Import {picked.size} selected
            </Button>
            <Button variant="ghost" disabled={busy} onClick={() => setPicked(new Set(newEntries.map((e) => e.index)))}>
              Select all new
            </Button>
            <Button variant="ghost" disabled={busy} onClick={() => setPicked(new Set())}>
              Select none
            </Button>
            <Button variant="ghost" disabled={busy} onClick={reset}>
              Start over
            </Button>
          </div>
          {stage.kind === "saving" && (
            <div className="space-y-1">
              <label htmlFor="import-progress" className="text-sm">
                Imported {stage.done} of {stage.total}
              </label>
              <progress id="import-progress" value={stage.done} max={stage.total} className="block h-2 w-full" />
            </div>
          )}
          <EntryList entries={preview.entries} picked={picked} busy={busy} onToggle={toggle} />
        </section>
      )}
    </div>
  );
}
