"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, type FieldErrors } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { createReferenceAction, updateReferenceAction } from "@/lib/actions/references";
import { REFERENCE_TYPE_LABELS, REFERENCE_TYPES } from "@/lib/citations/reference";
import { referenceSchema, type ReferenceInput, type ReferenceValues } from "@/lib/validations/reference";
import type { ExistingReference } from "@/lib/dal/references-identity";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, TextInput, applyFieldErrors, inputClass } from "@/components/ui/field";

/** What the form holds: every field as typed text (authors one per line). */
export type ReferenceFormValues = {
  citekey: string;
  type: ReferenceValues["type"] | "";
  title: string;
  authors: string;
  source: string;
  sourceAbbrev: string;
  publisher: string;
  year: string;
  volume: string;
  issue: string;
  pages: string;
  doi: string;
  pmid: string;
  url: string;
  accessedAt: string;
};

export const EMPTY_REFERENCE_FORM: ReferenceFormValues = {
  citekey: "",
  type: "",
  title: "",
  authors: "",
  source: "",
  sourceAbbrev: "",
  publisher: "",
  year: "",
  volume: "",
  issue: "",
  pages: "",
  doi: "",
  pmid: "",
  url: "",
  accessedAt: "",
};

type FieldName = keyof ReferenceFormValues;

/** RHF nests array errors (authors.3.family); the form shows one message per field. */
function messageOf(errors: FieldErrors<ReferenceInput>, name: FieldName): string | undefined {
  const error = (errors as Record<string, unknown>)[name] as { message?: string; [k: string]: unknown } | undefined;
  if (!error) return undefined;
  if (typeof error.message === "string" && error.message) return error.message;
  const nested = Object.values(error).find((v): v is { message?: string } => !!v && typeof v === "object" && "message" in v);
  if (nested?.message) return nested.message;
  const deeper = Object.values(error)
    .flatMap((v) => (v && typeof v === "object" ? Object.values(v as Record<string, unknown>) : []))
    .find((v) => v && typeof v === "object" && "message" in v) as { message?: string } | undefined;
  return deeper?.message ?? "Check this field";
}

export function ReferenceForm({
  mode,
  referenceId,
  defaults,
}: {
  mode: "create" | "edit";
  referenceId?: number;
  defaults: ReferenceFormValues;
}) {
  const router = useRouter();
  const [status, setStatus] = useState<{ tone: "error" | "success"; text: string; existing?: ExistingReference } | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ReferenceInput, unknown, ReferenceValues>({
    resolver: zodResolver(referenceSchema),
    defaultValues: (mode === "edit" ? { ...defaults, citekey: "" } : defaults) as unknown as ReferenceInput,
  });

  async function onSubmit(values: ReferenceValues) {
    setStatus(null);
    const result =
      mode === "create" ? await createReferenceAction(values) : await updateReferenceAction({ id: referenceId, reference: values });
    if (!result.ok) {
      applyFieldErrors(result, setError);
      setStatus({ tone: "error", text: result.message, existing: "existing" in result ? result.existing : undefined });
      return;
    }
    if (mode === "create" && result.data && "id" in result.data) {
      router.push(`/editor/references/${result.data.id}?created=1`);
      return;
    }
    setStatus({ tone: "success", text: result.message ?? "Saved." });
    router.refresh();
  }

  const field = (
    name: FieldName,
    label: string,
    options: { hint?: string; type?: string; inputMode?: "numeric" | "url"; autoComplete?: string } = {},
  ) => {
    const error = messageOf(errors, name);
    const describedBy =
      [options.hint ? `ref-${name}-hint` : null, error ? `ref-${name}-error` : null].filter(Boolean).join(" ") || undefined;
    return (
      <Field id={`ref-${name}`} label={label} hint={options.hint} error={error}>
        <TextInput
          id={`ref-${name}`}
          type={options.type ?? "text"}
          inputMode={options.inputMode}
          autoComplete="off"
          invalid={!!error}
          aria-describedby={describedBy}
          {...register(name)}
        />
      </Field>
    );
  };

  const typeError = messageOf(errors, "type");
  const authorsError = messageOf(errors, "authors");
  return (
    <form
      onSubmit={handleSubmit(onSubmit)}
      noValidate
      className="space-y-6"
      aria-label={mode === "create" ? "New reference" : "Edit reference"}
    >
      {status && (
        <Alert tone={status.tone} live>
          {status.text}
          {status.existing && (
            <>
              {" "}
              <Link href={`/editor/references/${status.existing.id}`} className="font-medium">
                Open {status.existing.citekey}
              </Link>
            </>
          )}
        </Alert>
      )}

      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="ref-type" label="Type" error={typeError}>
          <select
            id="ref-type"
            className={inputClass(!!typeError)}
            aria-invalid={!!typeError || undefined}
            aria-describedby={typeError ? "ref-type-error" : undefined}
            {...register("type")}
          >
            <option value="">Choose a type</option>
            {REFERENCE_TYPES.map((t) => (
              <option key={t} value={t}>
                {REFERENCE_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </Field>
        {mode === "create" ? (
          field("citekey", "Citekey (optional)", { hint: "Leave blank to get one like mottola2018." })
        ) : (
          <div className="space-y-1">
            <span className="block text-sm font-medium text-ink">Citekey</span>
            <p className="py-2">
              <code className="rounded bg-slate-100 px-1.5 py-0.5">{defaults.citekey}</code>
            </p>
            <p className="text-sm text-muted">Articles cite it, so it never changes.</p>
          </div>
        )}
      </div>

      <Field id="ref-title" label="Title" error={messageOf(errors, "title")}>
        <textarea
          id="ref-title"
          rows={2}
          className={inputClass(!!messageOf(errors, "title"))}
          aria-invalid={!!messageOf(errors, "title") || undefined}
          aria-describedby={messageOf(errors, "title") ? "ref-title-error" : undefined}
          {...register("title")}
        />
      </Field>

      <Field
        id="ref-authors"
        label="Authors"
        hint="One per line: “Mottola, Michelle F.” or “Mottola MF” for a person; an organisation by its name. Wrap a name in { } to keep it as an organisation."
        error={authorsError}
      >
        <textarea
          id="ref-authors"
          rows={5}
          className={inputClass(!!authorsError)}
          aria-invalid={!!authorsError || undefined}
          aria-describedby={["ref-authors-hint", authorsError ? "ref-authors-error" : null].filter(Boolean).join(" ")}
          {...register("authors")}
        />
      </Field>

      <div className="grid gap-4 sm:grid-cols-2">
        {field("source", "Source (journal, organisation or website)")}
        {field("sourceAbbrev", "Abbreviated journal (NLM)", { hint: "For example Br J Sports Med." })}
        {field("publisher", "Publisher")}
        {field("year", "Year", { inputMode: "numeric" })}
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        {field("volume", "Volume")}
        {field("issue", "Issue")}
        {field("pages", "Pages")}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        {field("doi", "DOI", { hint: "10.1136/… or a https://doi.org/ link." })}
        {field("pmid", "PMID", { inputMode: "numeric" })}
        {field("url", "Web address", { type: "url", inputMode: "url" })}
        {field("accessedAt", "Accessed on", { type: "date" })}
      </div>

      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : mode === "create" ? "Add reference" : "Save changes"}
        </Button>
        <Link href="/editor/references" className="self-center text-sm">
          Back to the library
        </Link>
      </div>
    </form>
  );
}
