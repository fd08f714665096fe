/**
 * Per-IP limit on follow-up questions: a fixed window, no lock escalation (a reader who hits it
 * just waits for the window to end). Pure; the DAL stores the bucket in rate_limits.
 */
import { serverEnv } from "@/lib/env";
import { takeWindowSlot, type WindowBucket } from "@/lib/throttle";

export type QuestionBucket = WindowBucket;

export const QUESTION_WINDOW_MS = 60 * 60_000;

export function questionLimit(): number {
  return serverEnv().QUESTION_IP_LIMIT;
}

/** The bucket after one more question, or null if the limit is already reached in this window. */
export function takeQuestionSlot(
  bucket: QuestionBucket | null | undefined,
  now: Date,
  limit: number,
  windowMs = QUESTION_WINDOW_MS,
): QuestionBucket | null {
  return takeWindowSlot(bucket, now, limit, windowMs);
}
