import Link from "next/link";

const NAV = [
  { href: "/", label: "Articles" },
  { href: "/search", label: "Search" },
  { href: "/board", label: "Advisory board" },
  { href: "/policy", label: "Editorial policy" },
];

/** Reader header: skip link first, then the site name and the main navigation. */
export function SiteHeader({ siteName }: { siteName: string }) {
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white print:hidden">
        <div className="mx-auto flex max-w-4xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-4">
          <Link href="/" className="text-xl font-semibold text-brand-800 no-underline">
            {siteName}
          </Link>
          <nav aria-label="Main">
            <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
              {NAV.map((item) => (
                <li key={item.href}>
                  <Link href={item.href} prefetch={false}>
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
    </>
  );
}

export function SiteFooter({ siteName }: { siteName: string }) {
  return (
    <footer className="mt-16 border-t border-slate-200 bg-white print:hidden">
      <div className="mx-auto flex max-w-4xl flex-wrap items-center justify-between gap-4 px-4 py-6 text-sm text-muted">
        <p>
          {siteName}: medical answers written from cited sources and reviewed by our Medical Advisory Board. Not a substitute for care from
          your own health professional.
        </p>
        <ul className="flex flex-wrap gap-4">
          <li>
            <Link href="/policy" prefetch={false}>
              Editorial policy
            </Link>
          </li>
          <li>
            <a href="/feed.xml">RSS feed</a>
          </li>
          <li>
            <Link href="/login" prefetch={false}>
              Staff sign in
            </Link>
          </li>
        </ul>
      </div>
    </footer>
  );
}
