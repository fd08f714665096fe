"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { confirmTwoFactorAction, startTwoFactorAction } from "@/lib/actions/security";
import { ActionMessage, messageOf, type ActionMessageValue } from "@/components/ui/action-message";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";

/** "Set up two-factor sign-in": creates a new secret; the page then shows its QR code. */
export function StartTwoFactorButton({ label = "Set up two-factor sign-in" }: { label?: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<ActionMessageValue | null>(null);
  return (
    <div className="space-y-2">
      <Button
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await startTwoFactorAction();
            if (result.ok) router.refresh();
            else setMessage(messageOf(result));
          })
        }
      >
        {label}
      </Button>
      <ActionMessage message={message} />
    </div>
  );
}

/** Confirms the enrolment with a current code; on success shows the ten recovery codes, once. */
export function ConfirmTwoFactorForm() {
  const router = useRouter();
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [message, setMessage] = useState<ActionMessageValue | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [pending, startTransition] = useTransition();

  if (codes)
    return (
      <section aria-labelledby="recovery-heading" className="space-y-3 rounded-md border border-emerald-300 bg-emerald-50 p-4">
        <h3 id="recovery-heading" className="font-semibold">
          Two-factor sign-in is on. Your recovery codes
        </h3>
        <p className="text-sm">
          Each code signs you in once if you lose your phone. Print them or keep them in a password manager: they are shown only now.
        </p>
        <ul aria-label="Recovery codes" className="grid gap-2 font-mono text-sm sm:grid-cols-2">
          {codes.map((c) => (
            <li key={c} className="rounded bg-white px-2 py-1 text-center">
              {c}
            </li>
          ))}
        </ul>
        <Button variant="secondary" onClick={() => router.refresh()}>
          I have saved my recovery codes
        </Button>
      </section>
    );

  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        setError(undefined);
        setMessage(null);
        if (!/^\d{6}$/.test(code.trim())) {
          setError("Enter the 6-digit code from your app");
          return;
        }
        startTransition(async () => {
          const result = await confirmTwoFactorAction({ code: code.trim() });
          if (result.ok) {
            if (result.data) setCodes(result.data.recoveryCodes);
          } else {
            setError(result.fieldErrors?.code?.[0]);
            setMessage(messageOf(result));
          }
        });
      }}
    >
      <Field id="totp-code" label="Code from your app" error={error}>
        <TextInput
          id="totp-code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          value={code}
          invalid={!!error}
          aria-describedby={error ? "totp-code-error" : undefined}
          onChange={(e) => setCode(e.target.value)}
          className="max-w-40 font-mono"
        />
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? "Checking…" : "Turn on two-factor sign-in"}
      </Button>
      <ActionMessage message={message && !message.ok && !error ? message : null} />
    </form>
  );
}
