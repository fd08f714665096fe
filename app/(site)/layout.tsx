import type { Metadata } from "next";
import { SiteFooter, SiteHeader } from "@/components/reader/site-chrome";
import { getSiteSettings } from "@/lib/dal/settings";
import { siteUrl } from "@/lib/reader/site-url";

export function generateMetadata(): Metadata {
  const { siteName } = getSiteSettings();
  return {
    metadataBase: new URL(siteUrl()),
    title: { default: siteName, template: `%s · ${siteName}` },
    description: "Medical answers written from cited sources and reviewed by our Medical Advisory Board.",
    openGraph: { siteName, type: "website", locale: "en" },
    alternates: { types: { "application/rss+xml": "/feed.xml" } },
  };
}

export default function SiteLayout({ children }: { children: React.ReactNode }) {
  const { siteName } = getSiteSettings();
  return (
    <div className="flex min-h-screen flex-col">
      <SiteHeader siteName={siteName} />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-4xl flex-1 px-4 py-8 focus:outline-none">
        {children}
      </main>
      <SiteFooter siteName={siteName} />
    </div>
  );
}
