import type { Metadata } from "next";
import Link from "next/link";
import { AuthShell } from "@/components/auth/auth-shell";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { Alert } from "@/components/ui/alert";
import { checkResetToken } from "@/lib/dal/password-reset";
import { FORGOT_PATH } from "@/lib/password-reset";

// The token is in the address: never send it on as a Referer.
export const metadata: Metadata = { title: "Choose a new password", robots: { index: false }, referrer: "no-referrer" };

const SPENT = {
  expired: { title: "This link has expired", text: "Password reset links work for 30 minutes." },
  used: { title: "This link has already been used", text: "Each link works once, and asking again replaces any earlier link." },
  unknown: { title: "This link is not valid", text: "It may have been copied incompletely. Links work once, for 30 minutes." },
} as const;

/** Public: the page a reset mail links to. Opening it spends nothing; only setting the password does. */
export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const raw = (await searchParams).token;
  const token = (Array.isArray(raw) ? raw[0] : raw) ?? "";
  const link = checkResetToken(token);
  if (link.state !== "valid") {
    const spent = SPENT[link.state];
    return (
      <AuthShell title={spent.title}>
        <Alert tone="warning">{spent.text} Ask for a new link and use the newest email we send you.</Alert>
        <p className="mt-6 text-sm">
          <Link href={FORGOT_PATH} className="font-medium">
            Ask for a new link
          </Link>
        </p>
        <p className="mt-2 text-sm">
          <Link href="/login">Back to sign in</Link>
        </p>
      </AuthShell>
    );
  }
  return (
    <AuthShell title="Choose a new password" intro={<>For {link.user.email}. Setting it signs you out everywhere you are signed in.</>}>
      <ResetPasswordForm token={token} email={link.user.email} />
    </AuthShell>
  );
}
