"use server";

import { defineAction } from "@/lib/actions/define-action";
import { archiveArticle, editorsMayWithdraw, republishArticle, scheduleRevision, withdrawArticle } from "@/lib/dal/lifecycle";
import { canSchedulePublication, canTakeDownArticle } from "@/lib/permissions";
import { refreshAfterTransition } from "@/lib/transition-refresh";
import { archiveArticleSchema, republishArticleSchema, scheduleSchema, withdrawArticleSchema } from "@/lib/validations/lifecycle";

/**
 * The publishing lifecycle's actions (lib/dal/lifecycle.ts). Each refreshes the article's reader
 * pages and staff pages after commit; a withdrawal is also answered at once by proxy.ts, which
 * reads the article's standing on every article request.
 */

export const scheduleRevisionAction = defineAction({
  schema: scheduleSchema,
  can: canSchedulePublication,
  forbidden: "schedule publications",
  run: ({ user, input }) => scheduleRevision(user, input),
  refresh: refreshAfterTransition,
  message: ({ publishAt }, { input }) =>
    publishAt
      ? "Scheduled. The revision goes live at that time once it is approved."
      : input.unpublishAt
        ? "Saved. The expiry is set."
        : "Schedule cleared. An approved revision now waits until you set a time.",
});

const takeDown = (user: Parameters<typeof canTakeDownArticle>[0]) => canTakeDownArticle(user, editorsMayWithdraw());

export const withdrawArticleAction = defineAction({
  schema: withdrawArticleSchema,
  can: takeDown,
  forbidden: "withdraw articles",
  run: ({ user, input }) => withdrawArticle(user, input),
  refresh: refreshAfterTransition,
  message: "Withdrawn. Every reader address of the article now answers 410 with your reason.",
});

export const republishArticleAction = defineAction({
  schema: republishArticleSchema,
  can: takeDown,
  forbidden: "republish articles",
  run: ({ user, input }) => republishArticle(user, input.articleId),
  refresh: refreshAfterTransition,
  message: "Republished. Readers see the approved revision again.",
});

export const archiveArticleAction = defineAction({
  schema: archiveArticleSchema,
  can: takeDown,
  forbidden: "archive articles",
  run: ({ user, input }) => archiveArticle(user, input),
  refresh: refreshAfterTransition,
  message: ({ successorSlug }) =>
    successorSlug ? `Archived. Its address now leads to /articles/${successorSlug}.` : "Archived. Its address now answers 410.",
});
