"use client";

import { clsx } from "clsx";
import type { KeyboardEvent, ReactNode, Ref } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { shortcutCommand, type ToolbarCommand } from "@/lib/editor/toolbar";
import { inputClass } from "@/components/ui/field";

const TOOLS: { command: ToolbarCommand; label: string; glyph: ReactNode; keys?: string }[] = [
  { command: "bold", label: "Bold", glyph: <strong>B</strong>, keys: "Control+B" },
  { command: "italic", label: "Italic", glyph: <em className="font-serif">I</em>, keys: "Control+I" },
  { command: "heading", label: "Heading", glyph: "H", keys: "Control+Shift+H" },
  { command: "bullets", label: "Bulleted list", glyph: "•", keys: "Control+Shift+8" },
  { command: "numbers", label: "Numbered list", glyph: "1.", keys: "Control+Shift+7" },
  { command: "quote", label: "Quote", glyph: "❝", keys: "Control+Shift+." },
  { command: "link", label: "Link", glyph: "Link", keys: "Control+K" },
];

const keyHint = (keys: string) => keys.replace("Control", "Ctrl");

/** Points a ref passed in by the parent (a callback or an object) at the element. */
function setRef<T>(ref: Ref<T>, value: T | null) {
  if (typeof ref === "function") ref(value);
  else if (ref) ref.current = value;
}

/** A Markdown wording: label, formatting toolbar with shortcuts, citation button and the textarea. */
export function MarkdownField({
  id,
  label,
  hint,
  error,
  registration,
  textareaRef,
  onCommand,
  onCite,
  onSaveShortcut,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  registration: UseFormRegisterReturn;
  textareaRef: Ref<HTMLTextAreaElement>;
  onCommand: (command: ToolbarCommand) => void;
  onCite: () => void;
  onSaveShortcut: () => void;
}) {
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === "s") {
      event.preventDefault();
      onSaveShortcut();
      return;
    }
    if ((event.ctrlKey || event.metaKey) && event.shiftKey && event.key.toLowerCase() === "c") {
      event.preventDefault();
      onCite();
      return;
    }
    const command = shortcutCommand(event);
    if (command) {
      event.preventDefault();
      onCommand(command);
    }
  };
  const { ref: registerRef, ...field } = registration;
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      )}
      <div
        role="toolbar"
        aria-label={`${label} formatting`}
        aria-controls={id}
        className="flex flex-wrap gap-1 rounded-t-md border border-b-0 border-slate-300 bg-slate-50 p-1"
      >
        {TOOLS.map((tool) => (
          <button
            key={tool.command}
            type="button"
            onClick={() => onCommand(tool.command)}
            aria-label={tool.label}
            aria-keyshortcuts={tool.keys}
            title={tool.keys ? `${tool.label} (${keyHint(tool.keys)})` : tool.label}
            className="min-w-9 rounded px-2 py-1 text-sm text-ink hover:bg-white focus-visible:bg-white"
          >
            {tool.glyph}
          </button>
        ))}
        <button
          type="button"
          onClick={onCite}
          aria-keyshortcuts="Control+Shift+C"
          title="Cite a reference (Ctrl+Shift+C)"
          className="ml-auto rounded px-2 py-1 text-sm font-medium text-brand-700 hover:bg-white"
        >
          Cite…
        </button>
      </div>
      <textarea
        id={id}
        {...field}
        ref={(el) => {
          registerRef(el);
          setRef(textareaRef, el);
        }}
        onKeyDown={onKeyDown}
        rows={16}
        spellCheck
        aria-invalid={!!error || undefined}
        aria-describedby={describedBy}
        className={clsx(inputClass(!!error), "rounded-t-none font-mono text-sm leading-relaxed")}
      />
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
