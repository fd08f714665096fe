"use server";

import { redirect } from "next/navigation";
import { forbidden, invalid, unauthenticated, type ActionResult } from "@/lib/action-result";
import { createArticle, duplicateArticle } from "@/lib/dal/article-authoring";
import { getCurrentUser } from "@/lib/dal/session";
import { canCreateArticle } from "@/lib/permissions";
import { duplicateArticleSchema, newArticleSchema } from "@/lib/validations/revision";

/** "New article": creates the article with an empty draft and opens it in the editor. */
export async function createArticleAction(input: unknown): Promise<ActionResult> {
  const actor = await getCurrentUser();
  if (!actor) return unauthenticated();
  if (!canCreateArticle(actor)) return forbidden("create articles");
  const parsed = newArticleSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error.flatten().fieldErrors);
  const articleId = createArticle(actor, parsed.data);
  redirect(`/editor/articles/${articleId}/edit`);
}

/** "Duplicate as new article": a new draft with a copy of the article's working text. */
export async function duplicateArticleAction(input: unknown): Promise<ActionResult> {
  const actor = await getCurrentUser();
  if (!actor) return unauthenticated();
  if (!canCreateArticle(actor)) return forbidden("create articles");
  const parsed = duplicateArticleSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error.flatten().fieldErrors, "That request was not valid.");
  const articleId = duplicateArticle(actor, parsed.data.articleId);
  if (articleId === null) return { ok: false, code: "not_found", message: "That article no longer exists." };
  redirect(`/editor/articles/${articleId}/edit`);
}
