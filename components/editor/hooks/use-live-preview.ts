import { useCallback, useRef, useState } from "react";
import type { UseFormReturn } from "react-hook-form";
import type { WordingPreview } from "@/lib/dal/revision-preview";
import { PREVIEW_DELAY_MS, previewFailureMessage, previewRefusal } from "@/lib/editor/live-preview";
import type { RevisionFields } from "@/lib/validations/revision";

export type PreviewState = { clinician: WordingPreview; patient: WordingPreview };

/**
 * Both wordings rendered by the server as readers will see them, asked for a moment after typing
 * stops; an answer to an older request than the latest is dropped.
 */
export function useLivePreview(form: UseFormReturn<RevisionFields>) {
  const [preview, setPreview] = useState<PreviewState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const refresh = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      void (async () => {
        const mine = ++seq.current;
        const { clinicianBody, patientBody } = form.getValues();
        try {
          const response = await fetch("/api/editor/preview", {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ clinicianBody, patientBody }),
          });
          if (mine !== seq.current) return;
          if (!response.ok) throw new Error(previewRefusal(await response.json().catch(() => ({}))));
          setPreview((await response.json()) as PreviewState);
          setError(null);
        } catch (e) {
          if (mine === seq.current) setError(previewFailureMessage(e));
        }
      })();
    }, PREVIEW_DELAY_MS);
  }, [form]);

  return { preview, error, refresh };
}
