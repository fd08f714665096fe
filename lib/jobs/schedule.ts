import { Cron } from "croner";

/**
 * The next time a cron pattern fires strictly after `after`, read in an IANA time zone (so
 * "0 8 * * *" in Europe/London is 08:00 local on both sides of a DST change). croner does the
 * calendar and zone arithmetic; nothing here adds hours by hand.
 */
export function nextOccurrence(pattern: string, timeZone: string, after: Date): Date {
  const next = new Cron(pattern, { timezone: timeZone, paused: true }).nextRun(after);
  if (!next) throw new RangeError(`The schedule "${pattern}" never fires again`);
  return next;
}

export { isKnownTimeZone } from "@/lib/time-zone";
