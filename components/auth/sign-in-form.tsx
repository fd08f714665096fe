"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { SECOND_STEP_PREFIX, signInSchema, type SignInInput } from "@/lib/validations/auth";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { SecondStepForm } from "@/components/auth/second-step-form";

export const GENERIC_SIGN_IN_ERROR = "The email or password is incorrect.";

export function SignInForm({ callbackUrl, expired }: { callbackUrl: string; expired?: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const [challenge, setChallenge] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<SignInInput>({ resolver: zodResolver(signInSchema), defaultValues: { email: "", password: "" } });

  async function onSubmit(values: SignInInput) {
    setError(null);
    const result = await signIn("credentials", { ...values, redirect: false });
    if (result?.error?.startsWith(SECOND_STEP_PREFIX)) {
      setChallenge(result.error.slice(SECOND_STEP_PREFIX.length));
      return;
    }
    if (!result || result.error) {
      setError(result?.error && result.error !== "CredentialsSignin" ? result.error : GENERIC_SIGN_IN_ERROR);
      return;
    }
    // A full navigation, so the server renders the staff area with the new session cookie.
    window.location.assign(callbackUrl);
  }

  if (challenge)
    return (
      <SecondStepForm
        challenge={challenge}
        callbackUrl={callbackUrl}
        onRestart={(message) => {
          setChallenge(null);
          setError(message);
        }}
      />
    );

  return (
    <form method="post" onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-4">
      {expired && !error && <Alert tone="info">Please sign in to continue.</Alert>}
      {error && <Alert tone="error">{error}</Alert>}
      <Field id="email" label="Email" error={errors.email?.message}>
        <TextInput
          id="email"
          type="email"
          autoComplete="username"
          invalid={!!errors.email}
          aria-describedby={errors.email ? "email-error" : undefined}
          {...register("email")}
        />
      </Field>
      <Field id="password" label="Password" error={errors.password?.message}>
        <TextInput
          id="password"
          type="password"
          autoComplete="current-password"
          invalid={!!errors.password}
          aria-describedby={errors.password ? "password-error" : undefined}
          {...register("password")}
        />
      </Field>
      <Button type="submit" className="w-full" disabled={isSubmitting}>
        {isSubmitting ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
