"use server";

import { headers } from "next/headers";
import { forbidden, invalid, unauthenticated, type ActionResult } from "@/lib/action-result";
import { askFollowUpQuestion, convertQuestionToDraft, dismissQuestion, type TriageOutcome } from "@/lib/dal/follow-up-questions";
import { getCurrentUser } from "@/lib/dal/session";
import { canTriageQuestions } from "@/lib/permissions";
import { questionLimit } from "@/lib/reader/question-limit";
import { followUpQuestionSchema, triageQuestionSchema } from "@/lib/validations/follow-up-question";

export type AskState = ActionResult & { values?: { question: string; email: string } };

const FIELDS = ["slug", "question", "email", "audience", "website"] as const;

/** The form's own fields; React's progressive-enhancement fields ($ACTION_…) are not ours to validate. */
function formFields(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue;
    out[key] = typeof value === "string" ? value : "";
  }
  return out;
}

async function clientIp(): Promise<string> {
  const h = await headers();
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || h.get("x-real-ip") || "unknown";
}

/** Public: any reader may ask. Works as a plain form post without JavaScript. */
export async function askFollowUpQuestionAction(_prev: AskState | undefined, formData: FormData): Promise<AskState> {
  const raw = formFields(formData);
  const values = { question: typeof raw.question === "string" ? raw.question : "", email: typeof raw.email === "string" ? raw.email : "" };
  const parsed = followUpQuestionSchema.safeParse(raw);
  if (!parsed.success) {
    const unknownField = Object.keys(raw).some((k) => !(FIELDS as readonly string[]).includes(k));
    return {
      ...invalid(parsed.error.flatten().fieldErrors, unknownField ? "That request was not valid." : "Please check your question."),
      values,
    };
  }
  // A filled honeypot is a bot: answer as if stored, keep nothing.
  if (parsed.data.website) return { ok: true, message: "Thank you. Your question has been sent to our editors." };
  const result = askFollowUpQuestion({
    slug: parsed.data.slug,
    question: parsed.data.question,
    email: parsed.data.email,
    audience: parsed.data.audience ?? null,
    ip: await clientIp(),
    limit: questionLimit(),
  });
  if (result === "not_found") return { ok: false, code: "not_found", message: "This article can't take questions right now.", values };
  if (result === "rate_limited") {
    return { ok: false, code: "conflict", message: "You have sent several questions in the last hour. Please try again later.", values };
  }
  return { ok: true, message: "Thank you. Your question has been sent to our editors." };
}

function outcomeResult(outcome: TriageOutcome, done: string): ActionResult<{ articleId?: number }> {
  if (outcome.ok) return { ok: true, message: done, data: { articleId: outcome.articleId } };
  if (outcome.reason === "forbidden") return forbidden("triage questions");
  if (outcome.reason === "not_found") return { ok: false, code: "not_found", message: "That question no longer exists." };
  return { ok: false, code: "conflict", message: "Someone has already dealt with that question." };
}

export async function dismissQuestionAction(input: unknown): Promise<ActionResult<{ articleId?: number }>> {
  const actor = await getCurrentUser();
  if (!actor) return unauthenticated();
  if (!canTriageQuestions(actor)) return forbidden("triage questions");
  const parsed = triageQuestionSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error.flatten().fieldErrors, "That request was not valid.");
  // No revalidatePath: the inbox is dynamic, and refreshing it now would remove the item (and
  // its confirmation) from under the editor; the item shows the outcome in place instead.
  return outcomeResult(dismissQuestion(actor, parsed.data.id), "Question dismissed.");
}

export async function convertQuestionAction(input: unknown): Promise<ActionResult<{ articleId?: number }>> {
  const actor = await getCurrentUser();
  if (!actor) return unauthenticated();
  if (!canTriageQuestions(actor)) return forbidden("triage questions");
  const parsed = triageQuestionSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error.flatten().fieldErrors, "That request was not valid.");
  return outcomeResult(convertQuestionToDraft(actor, parsed.data.id), "Draft article created from the question.");
}
