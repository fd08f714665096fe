/**
 * Per-IP limit on follow-up questions: a fixed window, no lock escalation (a reader who hits it
 * just waits for the window to end). Pure; the DAL stores the bucket in rate_limits.
 */
import { serverEnv } from "@/lib/env";

export type QuestionBucket = { windowStart: string; count: number };

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
  const open = bucket && now.getTime() - new Date(bucket.windowStart).getTime() < windowMs;
  if (!open) return { windowStart: now.toISOString(), count: 1 };
  if (bucket.count >= limit) return null;
  return { windowStart: bucket.windowStart, count: bucket.count + 1 };
}
