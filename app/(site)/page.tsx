import Link from "next/link";
import { listVisibleArticles } from "@/lib/dal/reader";
import { getSiteSettings } from "@/lib/dal/settings";

export const dynamic = "force-dynamic";

const STATUS = { submitted: "Pending review", under_review: "Under review", approved: "Reviewed by our Medical Advisory Board" } as const;

export default function HomePage() {
  const settings = getSiteSettings();
  const items = listVisibleArticles();
  return (
    <>
      <a href="#main" className="skip-link">Skip to content</a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-4xl items-center justify-between px-4 py-4">
          <Link href="/" className="text-xl font-semibold text-brand-800 no-underline">{settings.siteName}</Link>
          <Link href="/login" className="text-sm">Staff sign in</Link>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-4xl px-4 py-10">
        <h1 className="mb-2 text-3xl font-semibold tracking-tight">Medical answers you can check</h1>
        <p className="mb-8 text-muted">Every answer cites its sources and is reviewed by our Medical Advisory Board.</p>
        {items.length === 0 ? (
          <p className="text-muted">No articles are published yet.</p>
        ) : (
          <ul className="space-y-4">
            {items.map((a) => (
              <li key={a.slug} className="rounded-md border border-slate-200 bg-white px-5 py-4">
                <p className="text-xs uppercase tracking-wide text-muted">{a.topic}</p>
                <Link href={`/articles/${a.slug}`} className="text-lg font-medium">{a.question}</Link>
                <p className="mt-1 text-sm text-muted">{STATUS[a.status]}</p>
              </li>
            ))}
          </ul>
        )}
      </main>
    </>
  );
}
