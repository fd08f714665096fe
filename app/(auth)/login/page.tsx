import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthShell } from "@/components/auth/auth-shell";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getCurrentUser } from "@/lib/dal/session";
import { serverEnv } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

function safeCallback(value: string | string[] | undefined): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw) return "/dashboard";
  try {
    // Only same-origin paths: next-auth hands back absolute URLs.
    const url = new URL(raw, "http://local");
    return url.origin === "http://local" || raw.startsWith(serverEnv().NEXTAUTH_URL ?? "\0") ? url.pathname + url.search : "/dashboard";
  } catch {
    return "/dashboard";
  }
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallback(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  return (
    <AuthShell title="Sign in" intro="For editors, board reviewers and administrators.">
      <SignInForm callbackUrl={callbackUrl} expired={params.expired === "1"} />
      <p className="mt-4 text-center text-sm">
        <Link href="/forgot-password">Forgot your password?</Link>
      </p>
    </AuthShell>
  );
}
