"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { resetUserPasswordAction } from "@/lib/actions/users";
import type { z } from "zod";
import { resetPasswordSchema, type ResetPasswordInput } from "@/lib/validations/user";
import { ActionMessage, messageOf, type ActionMessageValue } from "@/components/ui/action-message";
import { Button } from "@/components/ui/button";
import { Field, applyFieldErrors } from "@/components/ui/field";
import { TemporaryPasswordInput } from "./temporary-password-input";

export function ResetPasswordForm({ userId }: { userId: number }) {
  const [message, setMessage] = useState<ActionMessageValue | null>(null);
  const form = useForm<z.input<typeof resetPasswordSchema>, unknown, ResetPasswordInput>({
    resolver: zodResolver(resetPasswordSchema),
    defaultValues: { userId, temporaryPassword: "" },
  });
  const {
    register,
    handleSubmit,
    setValue,
    formState: { errors, isSubmitting },
  } = form;

  async function onSubmit(values: ResetPasswordInput) {
    setMessage(null);
    const result = await resetUserPasswordAction(values);
    applyFieldErrors(result, form.setError);
    setMessage(messageOf(result));
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-3">
      <ActionMessage message={message} variant="box" />
      <Field
        id="reset-password"
        label="New temporary password"
        error={errors.temporaryPassword?.message}
        hint="Their sessions end now, and they must choose their own password at next sign-in."
      >
        <TemporaryPasswordInput
          id="reset-password"
          error={errors.temporaryPassword}
          registration={register("temporaryPassword")}
          onSuggest={(password) => setValue("temporaryPassword", password, { shouldValidate: true })}
        />
      </Field>
      <Button type="submit" variant="secondary" disabled={isSubmitting}>
        {isSubmitting ? "Resetting…" : "Reset password"}
      </Button>
    </form>
  );
}
