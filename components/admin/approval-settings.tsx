"use client";

import { useFieldArray, type UseFormReturn } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, TextInput, describedBy } from "@/components/ui/field";
import { CHANGE_CLASSES, CHANGE_CLASS_LABELS, CREDENTIAL_CLASSES, CREDENTIAL_CLASS_LABELS } from "@/lib/domain";
import type { SiteSettings, SiteSettingsFormValues } from "@/lib/validations/settings";

type Form = UseFormReturn<SiteSettingsFormValues, unknown, SiteSettings>;

/**
 * The settings of issue 17: approvals for a minor change, what a minor change may change, and the
 * approver mix (at least N approvals from given credential classes, per change class).
 */
export function ApprovalSettings({ form, settings }: { form: Form; settings: SiteSettings }) {
  const {
    register,
    control,
    formState: { errors },
  } = form;
  const { fields, append, remove } = useFieldArray({ control, name: "approverMix" });
  const mixErrors = errors.approverMix;
  return (
    <>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field
          id="minorApprovals"
          label="Approvals for a minor change"
          error={errors.minorApprovals?.message}
          hint="A verified minor change (typo, formatting) needs this many (1–5)."
        >
          <TextInput
            id="minorApprovals"
            type="number"
            inputMode="numeric"
            min={1}
            max={5}
            invalid={!!errors.minorApprovals}
            {...describedBy("minorApprovals", errors.minorApprovals)}
            defaultValue={settings.minorApprovals}
            {...register("minorApprovals")}
          />
        </Field>
        <Field
          id="minorMaxChangedWords"
          label="Minor change: most words changed"
          error={errors.minorMaxChangedWords?.message}
          hint="Across the question and both wordings; numbers, citations and the disclosure never (1–200)."
        >
          <TextInput
            id="minorMaxChangedWords"
            type="number"
            inputMode="numeric"
            min={1}
            max={200}
            invalid={!!errors.minorMaxChangedWords}
            {...describedBy("minorMaxChangedWords", errors.minorMaxChangedWords)}
            defaultValue={settings.minorMaxChangedWords}
            {...register("minorMaxChangedWords")}
          />
        </Field>
      </div>

      <fieldset className="space-y-3">
        <legend className="text-sm font-medium">Approver mix</legend>
        <p className="text-sm text-muted">The quorum counts only when each requirement that applies to the change holds.</p>
        {mixErrors?.message && <p className="text-sm text-red-700">{mixErrors.message}</p>}
        {fields.length === 0 && <p className="text-sm text-muted">No requirement: any board reviewers count.</p>}
        <ol className="space-y-3">
          {fields.map((field, index) => {
            const rowErrors = mixErrors?.[index];
            const id = `approverMix-${index}`;
            return (
              <li key={field.id} className="space-y-3 rounded-md border border-slate-200 p-3" data-testid="mix-requirement">
                <Field
                  id={`${id}-min`}
                  label={`Requirement ${index + 1}: at least this many approvals`}
                  error={rowErrors?.minApprovals?.message}
                >
                  <TextInput
                    id={`${id}-min`}
                    type="number"
                    inputMode="numeric"
                    min={1}
                    max={5}
                    className="max-w-[8rem]"
                    invalid={!!rowErrors?.minApprovals}
                    {...describedBy(`${id}-min`, rowErrors?.minApprovals)}
                    {...register(`approverMix.${index}.minApprovals`)}
                  />
                </Field>
                <fieldset>
                  <legend className="text-sm">From reviewers who are</legend>
                  <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
                    {CREDENTIAL_CLASSES.map((c) => (
                      <label key={c} className="flex items-center gap-2 text-sm">
                        <input type="checkbox" value={c} className="h-4 w-4" {...register(`approverMix.${index}.classes`)} />
                        {CREDENTIAL_CLASS_LABELS[c]}
                      </label>
                    ))}
                  </div>
                  {rowErrors?.classes && <p className="text-sm text-red-700">{rowErrors.classes.message}</p>}
                </fieldset>
                <fieldset>
                  <legend className="text-sm">For</legend>
                  <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
                    {CHANGE_CLASSES.map((c) => (
                      <label key={c} className="flex items-center gap-2 text-sm">
                        <input type="checkbox" value={c} className="h-4 w-4" {...register(`approverMix.${index}.appliesTo`)} />
                        {CHANGE_CLASS_LABELS[c]}
                      </label>
                    ))}
                  </div>
                  {rowErrors?.appliesTo && <p className="text-sm text-red-700">{rowErrors.appliesTo.message}</p>}
                </fieldset>
                <Button type="button" variant="ghost" onClick={() => remove(index)}>
                  Remove requirement {index + 1}
                </Button>
              </li>
            );
          })}
        </ol>
        <Button
          type="button"
          variant="secondary"
          onClick={() => append({ minApprovals: 1, classes: ["physician"], appliesTo: ["new", "major"] })}
        >
          Add a requirement
        </Button>
      </fieldset>

      <label className="flex items-start gap-3 text-sm">
        <input type="checkbox" className="mt-1 h-4 w-4" defaultChecked={settings.specialtyMatch} {...register("specialtyMatch")} />
        <span>
          <span className="font-medium">Require a specialty match</span>
          <span className="block text-muted">
            New articles and major changes also need one approving reviewer whose specialty matches the article’s topic.
          </span>
        </span>
      </label>
    </>
  );
}
