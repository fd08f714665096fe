import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getEditableArticle } from "@/lib/dal/article-authoring";
import { requireUser } from "@/lib/dal/session";
import { canEditRevision } from "@/lib/permissions";
import { ArticleEditor } from "@/components/editor/article-editor";

export const metadata: Metadata = { title: "Edit article" };
export const dynamic = "force-dynamic";

export default async function EditArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  if (!canEditRevision(user)) notFound();
  const { id } = await params;
  const articleId = Number(id);
  if (!Number.isSafeInteger(articleId) || articleId <= 0) notFound();
  const article = getEditableArticle(articleId);
  if (!article) notFound();
  // Not keyed by version on purpose: a save that revalidates reader pages re-renders this page, and
  // remounting the editor then would throw away its state mid-typing. The editor keeps its own.
  return <ArticleEditor article={article} />;
}
