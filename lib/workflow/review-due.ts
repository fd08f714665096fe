/**
 * When an approved article is next due for review: the same day of the month `months` later,
 * clamped to the last day of a shorter month (31 January + 1 month is 28/29 February, not
 * 3 March), in UTC like every stored time.
 */
export function reviewDueDate(fromIso: string, months: number): string {
  const from = new Date(fromIso);
  const target = new Date(from.getTime());
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(from.getUTCDate(), lastDay));
  return target.toISOString();
}

/** True when the review-due date has passed (an article without one is not overdue). */
export const isReviewOverdue = (reviewDueAt: string | null, nowIso: string) => !!reviewDueAt && reviewDueAt < nowIso;
