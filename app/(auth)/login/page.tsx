import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
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
    <main id="main" className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-12">
      <Link href="/" className="mb-8 text-center text-2xl font-semibold tracking-tight text-brand-800 no-underline">
        Vetted
      </Link>
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 className="mb-1 text-xl font-semibold">Sign in</h1>
        <p className="mb-6 text-sm text-muted">For editors, board reviewers and administrators.</p>
        <SignInForm callbackUrl={callbackUrl} expired={params.expired === "1"} />
      </div>
    </main>
  );
}
