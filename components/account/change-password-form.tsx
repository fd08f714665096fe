"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { changePasswordAction } from "@/lib/actions/account";
import { NEW_PASSWORD_HINT } from "@/lib/password-policy-limits";
import { changePasswordSchema, type ChangePasswordInput } from "@/lib/validations/account";
import { ActionMessage, messageOf, type ActionMessageValue } from "@/components/ui/action-message";
import { Button } from "@/components/ui/button";
import { Field, TextInput, applyFieldErrors, describedBy } from "@/components/ui/field";

export function ChangePasswordForm({ required }: { required: boolean }) {
  const [message, setMessage] = useState<ActionMessageValue | null>(null);
  const form = useForm<ChangePasswordInput>({
    resolver: zodResolver(changePasswordSchema),
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
  });
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors, isSubmitting },
  } = form;

  async function onSubmit(values: ChangePasswordInput) {
    setMessage(null);
    const result = await changePasswordAction(values);
    if (!result.ok) {
      applyFieldErrors(result, form.setError);
      setMessage(messageOf(result));
      return;
    }
    if (required) {
      // A full navigation: the server renders the staff area with the re-issued session.
      window.location.assign("/dashboard");
      return;
    }
    reset();
    setMessage(messageOf(result, "Password changed."));
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="max-w-md space-y-5">
      <ActionMessage message={message} variant="box" />
      <Field id="currentPassword" label={required ? "Temporary password" : "Current password"} error={errors.currentPassword?.message}>
        <TextInput
          id="currentPassword"
          type="password"
          autoComplete="current-password"
          invalid={!!errors.currentPassword}
          {...describedBy("currentPassword", errors.currentPassword)}
          {...register("currentPassword")}
        />
      </Field>
      <Field id="newPassword" label="New password" error={errors.newPassword?.message} hint={NEW_PASSWORD_HINT}>
        <TextInput
          id="newPassword"
          type="password"
          autoComplete="new-password"
          invalid={!!errors.newPassword}
          {...describedBy("newPassword", errors.newPassword)}
          {...register("newPassword")}
        />
      </Field>
      <Field id="confirmPassword" label="Repeat the new password" error={errors.confirmPassword?.message}>
        <TextInput
          id="confirmPassword"
          type="password"
          autoComplete="new-password"
          invalid={!!errors.confirmPassword}
          {...describedBy("confirmPassword", errors.confirmPassword)}
          {...register("confirmPassword")}
        />
      </Field>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : "Change password"}
      </Button>
    </form>
  );
}
