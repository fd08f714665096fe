import { Cron } from "croner";

/**
 * The next time a cron pattern fires strictly after `after`, read in an IANA time zone (so
 * "0 8 * * *" in Europe/London is 08:00 local on both sides of a DST change). croner does the
 * calendar and zone arithmetic; nothing here adds hours by hand.
 */
export function nextOccurrence(pattern: string, timeZone: string, after: Date): Date {
  const next = schedule(pattern, timeZone).nextRun(after);
  if (!next) throw new RangeError(`The schedule "${pattern}" never fires again`);
  return next;
}

export { isKnownTimeZone } from "@/lib/time-zone";

// A paused Cron only computes; building one (pattern parse, zone formatter) costs far more than
// asking it, and the reminder tick asks for every row it handles.
const schedules = new Map<string, Cron>();
function schedule(pattern: string, timeZone: string): Cron {
  const key = `${timeZone} ${pattern}`;
  let cron = schedules.get(key);
  if (!cron) {
    cron = new Cron(pattern, { timezone: timeZone, paused: true });
    schedules.set(key, cron);
  }
  return cron;
}
