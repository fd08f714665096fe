import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleList } from "@/components/reader/article-list";
import { articlesInTopic } from "@/lib/dal/reader";

export const dynamic = "force-static";
export const dynamicParams = true;
export const revalidate = false;

export function generateStaticParams(): { topic: string }[] {
  return [];
}

type Params = Promise<{ topic: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { topic } = await params;
  const found = articlesInTopic(topic);
  if (!found) return { title: "Page not found" };
  return {
    title: found.topic,
    description: `Reviewed answers about ${found.topic.toLowerCase()}.`,
    alternates: { canonical: `/topics/${topic}` },
  };
}

export default async function TopicPage({ params }: { params: Params }) {
  const { topic } = await params;
  const found = articlesInTopic(topic);
  if (!found) notFound();
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-semibold tracking-tight">{found.topic}</h1>
      <ArticleList items={found.articles} />
    </div>
  );
}
