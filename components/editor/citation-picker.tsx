"use client";

import { Dialog } from "radix-ui";
import { useEffect, useId, useState } from "react";
import type { PickerReference } from "@/lib/dal/citation-picker";
import { REFERENCE_TYPE_LABELS } from "@/lib/citations/reference";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

/**
 * Searches the reference library by title, author, DOI or PMID and hands the chosen citekey to
 * `onPick`, which inserts `[@citekey]` at the cursor of the wording it was opened from.
 */
export function CitationPicker({
  open,
  onOpenChange,
  onPick,
  wordingLabel,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onPick: (citekey: string) => void;
  wordingLabel: string;
}) {
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<PickerReference[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();

  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    const search = async () => {
      try {
        const response = await fetch(`/api/editor/citations?q=${encodeURIComponent(query)}`, { signal: controller.signal });
        const body = (await response.json()) as { results?: PickerReference[]; message?: string };
        if (!response.ok) throw new Error(body.message ?? "The library search failed.");
        setResults(body.results ?? []);
        setError(null);
      } catch (e) {
        if (!controller.signal.aborted) setError(e instanceof Error ? e.message : "The library search failed.");
      }
    };
    const timer = setTimeout(() => void search(), 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, open]);

  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Dialog.Content className="fixed left-1/2 top-[8vh] z-50 flex max-h-[84vh] w-[min(94vw,42rem)] -translate-x-1/2 flex-col rounded-lg bg-white p-5 shadow-xl">
          <Dialog.Title className="text-lg font-semibold">Cite a reference</Dialog.Title>
          <Dialog.Description className="mt-1 text-sm text-muted">
            Inserts a citation at the cursor in the {wordingLabel}. Search by title, author, DOI or PMID.
          </Dialog.Description>
          <label htmlFor={inputId} className="mt-4 block text-sm font-medium">
            Search the library
          </label>
          <input
            id={inputId}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            className={inputClass()}
            autoComplete="off"
            placeholder="e.g. Mottola 2018, 10.1136/…, 30337460"
          />
          <div className="mt-3 min-h-24 overflow-y-auto" aria-live="polite">
            {error && <p className="text-sm text-red-800">{error}</p>}
            {results && results.length === 0 && (
              <p className="py-4 text-sm text-muted">No references match “{query}”. Add it to the library first.</p>
            )}
            {results && results.length > 0 && (
              <ul className="divide-y divide-slate-100" aria-label="Matching references">
                {results.map((r) => (
                  <li key={r.citekey} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-start sm:justify-between">
                    <div className="text-sm">
                      <p className="font-medium">{r.title || r.source}</p>
                      <p className="text-muted">{[r.authors, r.source, r.year].filter(Boolean).join(" · ")}</p>
                      <p className="text-xs text-muted">
                        {REFERENCE_TYPE_LABELS[r.type]} · <code>@{r.citekey}</code>
                        {r.doi && <> · doi:{r.doi}</>}
                        {r.pmid && <> · PMID {r.pmid}</>}
                        {r.retracted && <span className="ml-1 font-semibold text-red-800">· Retracted</span>}
                      </p>
                    </div>
                    <button
                      type="button"
                      className={buttonClass("secondary", "shrink-0")}
                      aria-label={`Cite ${r.title || r.citekey}`}
                      onClick={() => onPick(r.citekey)}
                    >
                      Cite
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div className="mt-4 flex justify-end">
            <Dialog.Close className={buttonClass("secondary")}>Close</Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
