import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/db";

/** The settings that decide when a review reminder is due (lib/reminders.ts). */
export const REMINDER_SETTING_KEYS = ["reminderDaysBefore", "escalateAfterDays", "timeZone"] as const;

/**
 * After a change to one of REMINDER_SETTING_KEYS: every planned reminder time was worked out with
 * the old values, so every waiting row looks again from the next tick (in batches; articles from
 * 32 days before their date, as migration 0006's triggers plan them). What was sent stays sent.
 */
export function replanReminders(tx: Tx): void {
  tx.run(sql`UPDATE review_assignments SET reminder_at = '' WHERE reminder_at IS NOT NULL`);
  tx.run(sql`UPDATE articles SET review_reminder_at = strftime('%Y-%m-%dT%H:%M:%fZ', review_due_at, '-32 days')
    WHERE review_reminder_at IS NOT NULL`);
}
