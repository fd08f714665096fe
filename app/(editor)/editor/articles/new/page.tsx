import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { knownTopics } from "@/lib/dal/article-authoring";
import { requireUser } from "@/lib/dal/session";
import { canCreateArticle } from "@/lib/permissions";
import { NewArticleForm } from "@/components/editor/new-article-form";

export const metadata: Metadata = { title: "New article" };

export default async function NewArticlePage() {
  const user = await requireUser();
  if (!canCreateArticle(user)) notFound();
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">New article</h1>
        <p className="mt-1 text-sm text-muted">
          Start with the question. You write both wordings, cite sources and add your disclosure in the editor next.
        </p>
      </div>
      <NewArticleForm topics={knownTopics()} />
    </div>
  );
}
