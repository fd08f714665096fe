import type { Metadata } from "next";
import { connection } from "next/server";
import { AuthShell } from "@/components/auth/auth-shell";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";

export const metadata: Metadata = { title: "Forgot your password?", robots: { index: false } };

/** Public. Rendered per request (not prerendered) so its scripts carry the request's CSP nonce. */
export default async function ForgotPasswordPage() {
  await connection();
  return (
    <AuthShell
      title="Forgot your password?"
      intro="Enter the email address of your Vetted account. We'll send a link to choose a new password; it works once, for 30 minutes."
    >
      <ForgotPasswordForm />
    </AuthShell>
  );
}
