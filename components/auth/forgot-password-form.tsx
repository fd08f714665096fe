"use client";

import Link from "next/link";
import { useActionState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { requestPasswordResetAction } from "@/lib/actions/password-reset";
import { passwordResetRequestSchema, type PasswordResetRequestInput } from "@/lib/validations/password-reset";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, TextInput, describedBy, fieldError } from "@/components/ui/field";

/**
 * "Forgot your password?": checked in the browser with the action's own schema, then posted as a
 * form action (it also works without JavaScript). The answer is the same for every address.
 */
export function ForgotPasswordForm() {
  const [state, formAction, pending] = useActionState(requestPasswordResetAction, undefined);
  const [, startTransition] = useTransition();
  const values = state && "values" in state ? state.values : undefined;
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<PasswordResetRequestInput>({
    resolver: zodResolver(passwordResetRequestSchema),
    defaultValues: { email: values?.email ?? "" },
  });
  const onSubmit = handleSubmit((input) => {
    const data = new FormData();
    data.set("email", input.email);
    startTransition(() => formAction(data));
  });

  if (state?.ok)
    return (
      <div className="space-y-4">
        <Alert tone="success" live>
          <span data-testid="reset-request-result">{state.message}</span>
        </Alert>
        <p className="text-sm">
          <Link href="/login">Back to sign in</Link>
        </p>
      </div>
    );

  const emailError = errors.email?.message ?? fieldError(state, "email");
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      {state && !state.ok && <Alert tone="error">{state.message}</Alert>}
      <Field id="email" label="Email" error={emailError}>
        <TextInput
          id="email"
          type="email"
          autoComplete="username"
          invalid={!!emailError}
          {...describedBy("email", emailError)}
          {...register("email")}
        />
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Sending…" : "Send me a reset link"}
      </Button>
      <p className="text-center text-sm">
        <Link href="/login">Back to sign in</Link>
      </p>
    </form>
  );
}
