"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { saveBoardProfileAction } from "@/lib/actions/board-profiles";
import type { z } from "zod";
import { boardProfileSchema, type BoardProfileInput } from "@/lib/validations/board-profile";
import { ActionMessage, messageOf, type ActionMessageValue } from "@/components/ui/action-message";
import { Button } from "@/components/ui/button";
import { Field, TextInput, applyFieldErrors, describedBy, inputClass } from "@/components/ui/field";
import { CREDENTIAL_CLASSES, CREDENTIAL_CLASS_LABELS } from "@/lib/domain";

/** The public board profile; used by reviewers for their own and by admins for anyone's. */
export function BoardProfileForm({ profile, own }: { profile: BoardProfileInput; own: boolean }) {
  const [message, setMessage] = useState<ActionMessageValue | null>(null);
  const form = useForm<z.input<typeof boardProfileSchema>, unknown, BoardProfileInput>({
    resolver: zodResolver(boardProfileSchema),
    defaultValues: profile,
  });
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = form;

  async function onSubmit(values: BoardProfileInput) {
    setMessage(null);
    const result = await saveBoardProfileAction(values);
    applyFieldErrors(result, form.setError);
    setMessage(messageOf(result));
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="max-w-xl space-y-5">
      <ActionMessage message={message} variant="box" />
      <input type="hidden" {...register("userId")} />
      <Field id="profile-name" label="Name" error={errors.name?.message} hint="Printed on the board page and with every sign-off.">
        <TextInput id="profile-name" invalid={!!errors.name} {...describedBy("profile-name", errors.name)} {...register("name")} />
      </Field>
      <Field id="profile-credentials" label="Credentials" error={errors.credentials?.message} hint="For example “MD, FACOG” or “PT, DPT”.">
        <TextInput
          id="profile-credentials"
          invalid={!!errors.credentials}
          {...describedBy("profile-credentials", errors.credentials)}
          {...register("credentials")}
        />
      </Field>
      <Field
        id="profile-class"
        label="Credential class"
        error={errors.credentialClass?.message}
        hint="Approver-mix rules count approvals by class (for example at least one physician)."
      >
        <select
          id="profile-class"
          className={inputClass(!!errors.credentialClass)}
          {...describedBy("profile-class", errors.credentialClass, true)}
          {...register("credentialClass")}
        >
          {CREDENTIAL_CLASSES.map((c) => (
            <option key={c} value={c}>
              {CREDENTIAL_CLASS_LABELS[c]}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id="profile-specialties"
        label="Specialties for review matching"
        error={errors.specialties?.message}
        hint="Comma-separated, matched against article topics (for example “Obstetrics, Pelvic health”)."
      >
        <TextInput
          id="profile-specialties"
          invalid={!!errors.specialties}
          {...describedBy("profile-specialties", errors.specialties, true)}
          {...register("specialties")}
        />
      </Field>
      <Field id="profile-specialty" label="Specialty" error={errors.specialty?.message}>
        <TextInput
          id="profile-specialty"
          invalid={!!errors.specialty}
          {...describedBy("profile-specialty", errors.specialty)}
          {...register("specialty")}
        />
      </Field>
      <Field
        id="profile-bio"
        label="Short bio"
        error={errors.bio?.message}
        hint="A few sentences for readers: training, practice, interests."
      >
        <textarea
          id="profile-bio"
          rows={5}
          className={inputClass(!!errors.bio)}
          {...describedBy("profile-bio", errors.bio)}
          {...register("bio")}
        />
      </Field>
      <div className="flex items-start gap-3">
        <input
          id="profile-public"
          type="checkbox"
          className="mt-1 h-4 w-4"
          aria-describedby="profile-public-hint"
          {...register("isPublic")}
        />
        <div className="text-sm">
          <label htmlFor="profile-public" className="font-medium">
            List {own ? "me" : "this person"} on the public board page
          </label>
          <p id="profile-public-hint" className="text-muted">
            Readers see the name, credentials, specialty and bio.
          </p>
        </div>
      </div>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : "Save profile"}
      </Button>
    </form>
  );
}
