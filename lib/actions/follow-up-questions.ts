"use server";

import { ActionError, INVALID_REQUEST } from "@/lib/action-result";
import { defineAction } from "@/lib/actions/define-action";
import { askFollowUpQuestion, convertQuestionToDraft, dismissQuestion, type TriageOutcome } from "@/lib/dal/follow-up-questions";
import { canTriageQuestions } from "@/lib/permissions";
import { questionLimit } from "@/lib/reader/question-limit";
import { requestClientIp } from "@/lib/security/request-ip";
import { followUpQuestionSchema, triageQuestionSchema } from "@/lib/validations/follow-up-question";

const THANKS = "Thank you. Your question has been sent to our editors.";

/** Public: any reader may ask. Works as a plain form post without JavaScript. */
export const askFollowUpQuestionAction = defineAction({
  public: true,
  form: { echo: ["question", "email"] },
  schema: followUpQuestionSchema,
  invalidMessage: "Please check your question.",
  // The address every limit uses (never the first, client-written x-forwarded-for hop).
  prepare: async () => ({ ip: await requestClientIp() }),
  run: ({ input, prepared }) => {
    // A filled honeypot is a bot: answer as if stored, keep nothing.
    if (input.website) return;
    const result = askFollowUpQuestion({
      slug: input.slug,
      question: input.question,
      email: input.email,
      audience: input.audience ?? null,
      ip: prepared.ip,
      limit: questionLimit(),
    });
    if (result === "not_found") throw new ActionError("not_found", "This article can't take questions right now.");
    if (result === "rate_limited") {
      throw new ActionError("conflict", "You have sent several questions in the last hour. Please try again later.");
    }
  },
  message: THANKS,
});

/** A refused triage; a success carries the new draft's id (for "Open the draft"). */
function triaged(outcome: TriageOutcome): { articleId?: number } {
  if (outcome.ok) return { articleId: outcome.articleId };
  if (outcome.reason === "not_found") throw new ActionError("not_found", "That question no longer exists.");
  throw new ActionError("conflict", "Someone has already dealt with that question.");
}

// No refresh: the inbox is dynamic, and refreshing it now would remove the item (and its
// confirmation) from under the editor; the item shows the outcome in place instead.
export const dismissQuestionAction = defineAction({
  schema: triageQuestionSchema,
  invalidMessage: INVALID_REQUEST,
  can: canTriageQuestions,
  forbidden: "triage questions",
  run: ({ user, input }) => triaged(dismissQuestion(user, input.id)),
  message: "Question dismissed.",
  data: (out) => out,
});

export const convertQuestionAction = defineAction({
  schema: triageQuestionSchema,
  invalidMessage: INVALID_REQUEST,
  can: canTriageQuestions,
  forbidden: "triage questions",
  run: ({ user, input }) => triaged(convertQuestionToDraft(user, input.id)),
  message: "Draft article created from the question.",
  data: (out) => out,
});
