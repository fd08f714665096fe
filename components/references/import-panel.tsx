"use client";

import { Button } from "@/components/ui/button";
import { useImportBatches } from "./hooks/use-import-batches";
import { EntryList } from "./import-entry-list";
import { ImportResult } from "./import-result";
import { ImportSourceForm } from "./import-source-form";

/**
 * The reference import page: a file or pasted text is read into a preview on the server, the
 * editor picks the new entries to keep, and those are saved in batches (useImportBatches).
 */
export function ImportPanel() {
  const { stage, preview, picked, busy, runPreview, runImport, toggle, selectAllNew, selectNone, reset } = useImportBatches();

  if (stage.kind === "saved") return <ImportResult result={stage} onImportAnother={reset} />;

  return (
    <div className="space-y-6">
      {!preview && (
        <ImportSourceForm
          reading={stage.kind === "reading"}
          error={stage.kind === "error" ? stage.message : null}
          onPreview={(source) => void runPreview(source)}
        />
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
            <Button onClick={() => void runImport()} disabled={busy || picked.size === 0}>
              Import {picked.size} selected
            </Button>
            <Button variant="ghost" disabled={busy} onClick={selectAllNew}>
              Select all new
            </Button>
            <Button variant="ghost" disabled={busy} onClick={selectNone}>
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
