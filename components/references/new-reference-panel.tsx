"use client";

import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { lookupReferenceAction, type LookedUpReference } from "@/lib/actions/references";
import type { ReferenceFields } from "@/lib/citations/reference";
import type { ExistingReference } from "@/lib/dal/references-identity";
import { lookupReferenceSchema, type LookupReferenceInput } from "@/lib/validations/reference";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, TextInput, applyFieldErrors, describedBy } from "@/components/ui/field";
import { EMPTY_REFERENCE_FORM, ReferenceForm, type ReferenceFormValues } from "./reference-form";
import { referenceFieldValues } from "./reference-field-values";

const formValuesOf = (ref: ReferenceFields): ReferenceFormValues => ({ ...EMPTY_REFERENCE_FORM, ...referenceFieldValues(ref) });

type Outcome = { ok: true; text: string; found: LookedUpReference } | { ok: false; text: string; existing?: ExistingReference };

/**
 * The new-reference page: "Add by DOI or PMID" fills the form from doi.org or PubMed, for the
 * editor to check and then save with the form's own button; or the form is filled by hand.
 * Nothing is saved by the look-up.
 */
export function NewReferencePanel() {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // A look-up remounts the form with what was found; the editor's own typing is kept otherwise.
  const [form, setForm] = useState<{ key: number; defaults: ReferenceFormValues }>({ key: 0, defaults: EMPTY_REFERENCE_FORM });
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<LookupReferenceInput>({ resolver: zodResolver(lookupReferenceSchema), defaultValues: { query: "" } });

  const lookUp = async (input: LookupReferenceInput) => {
    setOutcome(null);
    const result = await lookupReferenceAction(input).catch(() => null);
    if (!result) {
      setOutcome({ ok: false, text: "The look-up could not be sent. Check your connection, or enter the reference by hand." });
      return;
    }
    if (!result.ok) {
      applyFieldErrors(result, setError);
      setOutcome({ ok: false, text: result.message, existing: "existing" in result ? result.existing : undefined });
      return;
    }
    if (!result.data) return;
    setOutcome({ ok: true, text: result.message ?? "Found.", found: result.data });
    setForm((current) => ({ key: current.key + 1, defaults: formValuesOf(result.data!.reference) }));
  };

  const queryError = errors.query?.message;
  const found = outcome?.ok ? outcome.found : null;
  return (
    <div className="space-y-6">
      <section aria-labelledby="lookup-heading" className="space-y-3 rounded-md border border-slate-200 bg-white p-4 sm:p-6">
        <h2 id="lookup-heading" className="text-lg font-semibold">
          Add by DOI or PMID
        </h2>
        <form onSubmit={handleSubmit(lookUp)} noValidate className="space-y-3" aria-label="Look up a reference">
          <Field
            id="lookup-query"
            label="DOI or PMID"
            hint="For example 10.1056/NEJMoa1511939 or 26551272. The form below is filled in for you to check before saving."
            error={queryError}
          >
            <TextInput
              id="lookup-query"
              autoComplete="off"
              spellCheck={false}
              invalid={!!queryError}
              {...describedBy("lookup-query", queryError, true)}
              {...register("query")}
            />
          </Field>
          <Button type="submit" variant="secondary" disabled={isSubmitting}>
            {isSubmitting ? "Looking up…" : "Look up"}
          </Button>
        </form>
        {outcome && (
          <Alert tone={outcome.ok ? "success" : "error"} live>
            <p>{outcome.text}</p>
            {!outcome.ok && outcome.existing && (
              <p className="mt-1">
                <Link href={`/editor/references/${outcome.existing.id}`}>Open {outcome.existing.citekey}</Link>
              </p>
            )}
          </Alert>
        )}
        {found && found.signals.length > 0 && (
          <Alert tone="warning">
            <ul className="space-y-1">
              {found.signals.map((signal) => (
                <li key={signal}>{signal}</li>
              ))}
            </ul>
            {found.integrity.status === "retracted" && (
              <p className="mt-1 font-medium">After adding it, mark it retracted below its details: articles can&apos;t cite it then.</p>
            )}
          </Alert>
        )}
      </section>
      <div className="rounded-md border border-slate-200 bg-white p-4 sm:p-6">
        <ReferenceForm key={form.key} mode="create" defaults={form.defaults} />
      </div>
    </div>
  );
}
