const LABELS: Record<string, string> = {
  password: "Signed with: password",
  "password+totp": "Signed with: password and authenticator code",
  session: "Signed in session (no re-entry)",
};

/** Which identification components a sign-off used (21 CFR Part 11 §11.200). */
export function SignatureFactors({ factors }: { factors: string }) {
  return (
    <p className="mt-1 text-xs text-muted" data-signature-factors={factors}>
      {LABELS[factors] ?? `Signed with: ${factors}`}
    </p>
  );
}
