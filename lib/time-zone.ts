/**
 * IANA time zones for the `timeZone` site setting. Pure (Intl only), so the settings form and the
 * server validate with the same function.
 */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The zones this runtime knows, UTC first, for the settings form's list. */
export function timeZoneChoices(): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return ["UTC", ...zones.filter((zone) => zone !== "UTC")];
}

/** The calendar date (YYYY-MM-DD) at an instant in a time zone: which day's digest or reminder it is. */
export function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

/** A wall-clock time as typed into a datetime-local input: "2026-12-24T09:30", seconds optional. */
export const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Minutes the zone is ahead of UTC at an instant (negative west of Greenwich). */
function offsetMinutes(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(at));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - Math.floor(at / 1000) * 1000) / 60_000);
}

/**
 * The instant a wall-clock time in a zone names, or null when the text is not such a time or the
 * time does not exist there (skipped by a clock change). An hour that occurs twice (clocks go
 * back) is read as its first occurrence.
 */
export function zonedTimeToUtc(local: string, timeZone: string): Date | null {
  const m = LOCAL_DATE_TIME.exec(local);
  if (!m) return null;
  const [year, month, day, hour, minute, second = 0] = m.slice(1).map((part) => (part === undefined ? undefined : Number(part)));
  const wall = Date.UTC(year!, month! - 1, day, hour, minute, second);
  const check = new Date(wall);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month! - 1 ||
    check.getUTCDate() !== day ||
    hour! > 23 ||
    minute! > 59 ||
    second > 59
  ) {
    return null;
  }
  // Try the offsets in force just before and after; the earliest that reads back as the same wall time wins.
  const candidates = [offsetMinutes(wall - 86_400_000, timeZone), offsetMinutes(wall + 86_400_000, timeZone)]
    .map((offset) => wall - offset * 60_000)
    .sort((a, b) => a - b);
  for (const at of candidates) {
    if (utcToZonedInput(new Date(at), timeZone, true) === (m[6] === undefined ? `${local}:00` : local)) return new Date(at);
  }
  return null;
}

/** The wall-clock time at an instant in a zone, in the datetime-local input's format. */
export function utcToZonedInput(at: Date, timeZone: string, withSeconds = at.getUTCSeconds() !== 0): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const minutes = `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}`;
  return withSeconds ? `${minutes}:${get("second")}` : minutes;
}

/** "24 Dec 2026, 09:30 Europe/London (09:30 UTC)": a time in the site's zone with UTC beside it. */
export function formatZonedWithUtc(iso: string, timeZone: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const local = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(at);
  const utc = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at);
  const utcDate = at.toISOString().slice(0, 10);
  const sameDay = localDate(at, timeZone) === utcDate;
  return timeZone === "UTC" ? `${local} UTC` : `${local} ${timeZone} (${sameDay ? "" : `${utcDate} `}${utc} UTC)`;
}
