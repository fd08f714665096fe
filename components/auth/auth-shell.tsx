import Link from "next/link";
import type { ReactNode } from "react";

/** The frame of the signed-out pages (sign in, forgot password, reset password): one narrow card. */
export function AuthShell({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-12">
      <Link href="/" className="mb-8 text-center text-2xl font-semibold tracking-tight text-brand-800 no-underline">
        Vetted
      </Link>
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 className="mb-1 text-xl font-semibold">{title}</h1>
        {intro && <p className="mb-6 text-sm text-muted">{intro}</p>}
        {children}
      </div>
    </main>
  );
}
