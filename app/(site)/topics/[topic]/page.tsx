import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TopicView, topicMetadata } from "@/components/reader/topic-view";
import { topicPage } from "@/lib/dal/reader-lists";

/** A topic's first page; `?page=N` is rewritten by next.config.js to ./page/[page], also static. */
export const dynamic = "force-static";
export const dynamicParams = true;
export const revalidate = false;

export function generateStaticParams(): { topic: string }[] {
  return [];
}

type Params = Promise<{ topic: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const found = topicPage((await params).topic, 1);
  return found ? topicMetadata(found) : { title: "Page not found" };
}

export default async function TopicPageRoute({ params }: { params: Params }) {
  const found = topicPage((await params).topic, 1);
  if (!found) notFound();
  return <TopicView found={found} />;
}
