"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { setReferenceRetractedAction } from "@/lib/actions/references";
import { retractionSchema, type RetractionInput } from "@/lib/validations/reference";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ActionMessage, messageOf, type ActionMessageValue } from "@/components/ui/action-message";
import { Field, applyFieldErrors, inputClass } from "@/components/ui/field";
import { formatDate } from "@/lib/dates";
import { REFERENCE_STATUS_SOURCE_LABELS, type ReferenceStatusSource } from "@/lib/citations/reference";

type Props = {
  referenceId: number;
  retracted: boolean;
  note: string | null;
  retractedAt: string | null;
  source: ReferenceStatusSource | null;
};

/** Mark a reference retracted with a note saying where the retraction was published, or clear the mark. */
export function ReferenceRetraction({ referenceId, retracted, note, retractedAt, source }: Props) {
  const router = useRouter();
  const [status, setStatus] = useState<ActionMessageValue | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<RetractionInput>({ resolver: zodResolver(retractionSchema), defaultValues: { id: referenceId, retracted: true, note: "" } });

  const submit = async (input: RetractionInput) => {
    setStatus(null);
    const result = await setReferenceRetractedAction(input);
    applyFieldErrors(result, setError);
    setStatus(messageOf(result));
    if (result.ok) router.refresh();
  };

  if (retracted) {
    return (
      <div className="space-y-3">
        <Alert tone="warning">
          <p className="font-medium">
            Marked retracted{retractedAt ? ` on ${formatDate(retractedAt)}` : ""}
            {source ? `, ${REFERENCE_STATUS_SOURCE_LABELS[source]}` : ""}.
          </p>
          {note && <p className="mt-1">{note}</p>}
          <p className="mt-1">Articles citing it can't be submitted until the citation is replaced.</p>
        </Alert>
        <Button variant="secondary" disabled={isSubmitting} onClick={() => submit({ id: referenceId, retracted: false, note: "" })}>
          Remove the retraction mark
        </Button>
        <ActionMessage message={status} />
      </div>
    );
  }

  const noteError = errors.note?.message;
  return (
    <form onSubmit={handleSubmit(submit)} noValidate className="space-y-3" aria-label="Mark retracted">
      <Field
        id="retraction-note"
        label="Retraction note"
        hint="Where and when the retraction was published, e.g. the notice's DOI."
        error={noteError}
      >
        <textarea
          id="retraction-note"
          rows={3}
          className={inputClass(!!noteError)}
          aria-invalid={!!noteError || undefined}
          aria-describedby={["retraction-note-hint", noteError ? "retraction-note-error" : null].filter(Boolean).join(" ")}
          {...register("note")}
        />
      </Field>
      <Button type="submit" variant="secondary" disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : "Mark retracted"}
      </Button>
      <ActionMessage message={status} />
    </form>
  );
}
