"use server";

import { ActionError, INVALID_REQUEST } from "@/lib/action-result";
import { defineAction } from "@/lib/actions/define-action";
import { createArticle, duplicateArticle } from "@/lib/dal/article-authoring";
import { canCreateArticle } from "@/lib/permissions";
import { duplicateArticleSchema, newArticleSchema } from "@/lib/validations/revision";

const editorOf = (articleId: number) => `/editor/articles/${articleId}/edit`;

/** "New article": creates the article with an empty draft and opens it in the editor. */
export const createArticleAction = defineAction({
  schema: newArticleSchema,
  can: canCreateArticle,
  forbidden: "create articles",
  run: ({ user, input }) => createArticle(user, input),
  redirect: editorOf,
});

/** "Duplicate as new article": a new draft with a copy of the article's working text. */
export const duplicateArticleAction = defineAction({
  schema: duplicateArticleSchema,
  invalidMessage: INVALID_REQUEST,
  can: canCreateArticle,
  forbidden: "create articles",
  run: ({ user, input }) => {
    const articleId = duplicateArticle(user, input.articleId);
    if (articleId === null) throw new ActionError("not_found", "That article no longer exists.");
    return articleId;
  },
  redirect: editorOf,
});
