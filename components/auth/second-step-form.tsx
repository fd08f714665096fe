"use client";

import { useState } from "react";
import { signIn } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { SIGN_IN_EXPIRED } from "@/lib/validations/auth";

/** Sign-in's second step: the code from the authenticator app, or one recovery code. */
export function SecondStepForm({
  challenge,
  callbackUrl,
  onRestart,
}: {
  challenge: string;
  callbackUrl: string;
  onRestart: (message: string) => void;
}) {
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    if (!code.trim()) {
      setError("Enter the 6-digit code from your app, or a recovery code.");
      return;
    }
    setBusy(true);
    setError(null);
    const result = await signIn("credentials", { challenge, code, redirect: false });
    if (!result || result.error) {
      setBusy(false);
      const message = result?.error && result.error !== "CredentialsSignin" ? result.error : "That code is not correct.";
      if (message === SIGN_IN_EXPIRED) onRestart(message);
      else setError(message);
      return;
    }
    window.location.assign(callbackUrl);
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      <p className="text-sm">Your password is correct. Now enter the current code from your authenticator app.</p>
      {error && <Alert tone="error">{error}</Alert>}
      <Field id="code" label="Authentication code" hint="6 digits, or one of your recovery codes." error={undefined}>
        <TextInput
          id="code"
          autoComplete="one-time-code"
          inputMode="text"
          autoFocus
          aria-describedby="code-hint"
          invalid={!!error}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          maxLength={32}
        />
      </Field>
      <Button type="submit" className="w-full" disabled={busy}>
        {busy ? "Checking…" : "Verify"}
      </Button>
      <button type="button" className="w-full text-center text-sm underline" onClick={() => onRestart("")}>
        Start again with a different account
      </button>
    </form>
  );
}
