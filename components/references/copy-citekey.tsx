"use client";

import { useState } from "react";

/** The citekey as editors type it in a marker, with a button that copies `[@key]`. */
export function CopyCitekey({ citekey }: { citekey: string }) {
  const [copied, setCopied] = useState(false);
  const marker = `[@${citekey}]`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(marker);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      // Clipboard refused (insecure context): the key stays selectable text.
      setCopied(false);
    }
  };
  return (
    <span className="inline-flex items-center gap-1">
      <code className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-ink" data-citekey={citekey}>
        {citekey}
      </code>
      <button
        type="button"
        onClick={copy}
        className="rounded px-1.5 py-0.5 text-xs text-brand-700 hover:bg-brand-50"
        aria-label={`Copy citation marker ${marker}`}
      >
        {copied ? "Copied" : "Copy"}
      </button>
      <span role="status" className="sr-only-text">
        {copied ? `${marker} copied` : ""}
      </span>
    </span>
  );
}
