import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { serverEnv } from "@/lib/env";

/**
 * Baseline A for `npm run bench`: a fully static page of Next itself, padded to the byte size
 * of the article page being measured, so the article's req/s can be compared with the
 * framework's own ceiling on the same server in the same run. Rendered once on first request
 * and then served from Next's full-route cache exactly like an ISR page (no generateStaticParams
 * entries, so the build stays small).
 *
 * It only exists while the server runs with VETTED_BENCH=1 (the bench sets it); otherwise every
 * request 404s. The padding unit is 100 characters and is capped, so a visitor cannot fill the
 * cache with arbitrary sizes.
 */
export const dynamic = "force-static";
export const dynamicParams = true;
export const revalidate = false;

export function generateStaticParams(): { units: string }[] {
  return [];
}

export const metadata: Metadata = { title: "Benchmark baseline", robots: { index: false, follow: false } };

const MAX_UNITS = 5_000; // 500 KB of padding
const UNIT = "Static baseline text for the benchmark, one hundred characters long in total, no more, no less. ok.\n";

export default async function BenchBaselinePage({ params }: { params: Promise<{ units: string }> }) {
  const { units } = await params;
  const n = Number(units);
  if (serverEnv().VETTED_BENCH !== "1" || !/^\d{1,4}$/.test(units) || n > MAX_UNITS) notFound();
  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-2xl font-semibold">Benchmark baseline</h1>
      <p className="whitespace-pre-wrap text-muted">{UNIT.repeat(n)}</p>
    </main>
  );
}
