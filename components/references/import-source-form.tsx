import { useState } from "react";
import { IMPORT_FORMAT_LABELS, IMPORT_FORMATS, type ImportFormat } from "@/lib/citations/import-formats";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { ImportSource } from "./hooks/use-import-batches";

/** Where the references come from: a file or pasted text, and their format (detected unless chosen). */
export function ImportSourceForm({
  reading,
  error,
  onPreview,
}: {
  reading: boolean;
  error: string | null;
  onPreview: (source: ImportSource) => void;
}) {
  const [text, setText] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ImportFormat | "">("");
  return (
    <div className="space-y-4 rounded-md border border-slate-200 bg-white p-4 sm:p-6">
      <div className="space-y-1">
        <label htmlFor="import-file" className="block text-sm font-medium">
          File
        </label>
        <p id="import-file-hint" className="text-sm text-muted">
          .bib, .ris, .json (CSL-JSON) or .nbib (PubMed), up to 5 MB.
        </p>
        <input
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
      <Button onClick={() => onPreview({ file, text, format })} disabled={reading}>
        {reading ? "Reading…" : "Preview import"}
      </Button>
      {reading && (
        <p role="status" className="text-sm text-muted">
          Reading the references…
        </p>
      )}
      {error !== null && <Alert tone="error">{error} Nothing was imported.</Alert>}
    </div>
  );
}
