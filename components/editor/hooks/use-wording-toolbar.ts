import { useRef, useState } from "react";
import type { UseFormReturn } from "react-hook-form";
import { applyToolbarCommand, insertCitation, type TextSelection, type ToolbarCommand } from "@/lib/editor/toolbar";
import type { RevisionFields } from "@/lib/validations/revision";

export type Wording = "clinicianBody" | "patientBody";

/**
 * The formatting toolbar and the citation picker acting on a wording's textarea: each change
 * goes through the form (so it is validated, kept and saved like typing) and the selection is
 * put back where the writer expects it.
 */
export function useWordingToolbar(form: UseFormReturn<RevisionFields>) {
  const textareas = useRef<Record<Wording, HTMLTextAreaElement | null>>({ clinicianBody: null, patientBody: null });
  const [pickerFor, setPickerFor] = useState<Wording | null>(null);

  const transform = (wording: Wording, change: (sel: TextSelection) => TextSelection) => {
    const el = textareas.current[wording];
    if (!el) return;
    const next = change({ value: el.value, start: el.selectionStart, end: el.selectionEnd });
    form.setValue(wording, next.value, { shouldDirty: true, shouldValidate: true });
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(next.start, next.end);
    });
  };

  return {
    textareaRef: (wording: Wording) => (el: HTMLTextAreaElement | null) => {
      textareas.current[wording] = el;
    },
    command: (wording: Wording) => (c: ToolbarCommand) => transform(wording, (sel) => applyToolbarCommand(sel, c)),
    /** The wording the citation picker inserts into, while it is open. */
    pickerFor,
    openPicker: (wording: Wording) => setPickerFor(wording),
    closePicker: () => setPickerFor(null),
    pickCitation: (citekey: string) => {
      if (pickerFor) transform(pickerFor, (sel) => insertCitation(sel, citekey));
      setPickerFor(null);
    },
  };
}
