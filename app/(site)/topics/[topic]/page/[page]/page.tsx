import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TopicView, topicMetadata } from "@/components/reader/topic-view";
import { topicPage } from "@/lib/dal/reader-lists";

/**
 * `/topics/<slug>?page=N` (rewritten here by next.config.js): a later page of a topic, static and
 * revalidated with the lists. A page past the end shows the last page and a page below 1 the
 * first, each with the canonical address of the page it shows.
 */
export const dynamic = "force-static";
export const dynamicParams = true;
export const revalidate = false;

export function generateStaticParams(): { topic: string; page: string }[] {
  return [];
}

type Params = Promise<{ topic: string; page: string }>;

async function load(params: Params) {
  const { topic, page } = await params;
  // Digits only (the rewrite's pattern); clampPage brings any number to the nearest page there is.
  return topicPage(topic, /^[0-9]{1,7}$/.test(page) ? Number(page) : 1);
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const found = await load(params);
  return found ? topicMetadata(found) : { title: "Page not found" };
}

export default async function TopicLaterPage({ params }: { params: Params }) {
  const found = await load(params);
  if (!found) notFound();
  return <TopicView found={found} />;
}
