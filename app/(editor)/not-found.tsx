import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Not found", robots: { index: false } };

/**
 * What a staff page answers when its object doesn't exist or isn't the caller's to see. It renders
 * inside the staff layout, which already holds the page's one `main` landmark (app/not-found.tsx
 * brings the reader chrome and its own `main`, so it can't be nested here).
 */
export default function StaffNotFound() {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">We couldn&apos;t find that page</h1>
      <p className="text-muted">
        This page doesn&apos;t exist, or you don&apos;t have access to it. Go back to{" "}
        <Link href="/dashboard" prefetch={false} className="underline">
          your dashboard
        </Link>
        .
      </p>
    </div>
  );
}
