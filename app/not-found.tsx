import type { Metadata } from "next";
import Link from "next/link";
import { SiteFooter, SiteHeader } from "@/components/reader/site-chrome";
import { SearchForm } from "@/components/reader/search-form";

export const metadata: Metadata = { title: "Page not found", robots: { index: false } };

/** Kept free of database reads: it also answers for hidden or unknown articles. */
export default function NotFound() {
  return (
    <div className="flex min-h-screen flex-col">
      <SiteHeader siteName="Vetted Health Answers" />
      <main id="main" className="mx-auto w-full max-w-4xl flex-1 space-y-6 px-4 py-10">
        <h1 className="text-3xl font-semibold tracking-tight">We couldn&apos;t find that page</h1>
        <p className="text-muted">
          The address may be mistyped, or the answer may not be published yet. Try searching, or start from the{" "}
          <Link href="/" prefetch={false} className="underline">
            list of answers
          </Link>
          .
        </p>
        <SearchForm id="not-found-q" />
        <p className="text-sm text-muted">
          Looking for how we review answers? Read our{" "}
          <Link href="/policy" prefetch={false} className="underline">
            editorial policy
          </Link>
          .
        </p>
      </main>
      <SiteFooter siteName="Vetted Health Answers" />
    </div>
  );
}
