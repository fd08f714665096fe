import type { FieldErrors, UseFormRegister } from "react-hook-form";
import type { RevisionFields } from "@/lib/validations/revision";
import { Field, inputClass } from "@/components/ui/field";

/** The author's conflict-of-interest disclosure, required before submitting. */
export function DisclosureField({ register, errors }: { register: UseFormRegister<RevisionFields>; errors: FieldErrors<RevisionFields> }) {
  return (
    <div className="rounded-md border border-slate-200 bg-white p-4">
      <Field
        id="disclosure"
        label="Author's conflict-of-interest disclosure"
        hint="Required before submitting, e.g. “The author reports no conflicts of interest.”"
        error={errors.disclosure?.message}
      >
        <textarea
          id="disclosure"
          rows={3}
          className={inputClass(!!errors.disclosure)}
          aria-describedby="disclosure-hint"
          {...register("disclosure")}
        />
      </Field>
    </div>
  );
}
