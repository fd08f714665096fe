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

type WallClock = Record<"year" | "month" | "day" | "hour" | "minute" | "second", string>;
const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock fields (zero-padded) at an instant in a zone; one formatter per zone, kept (they are costly to build). */
function wallClock(at: Date, timeZone: string): WallClock {
  let format = wallClockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    wallClockFormats.set(timeZone, format);
  }
  const fields = { year: "", month: "", day: "", hour: "", minute: "", second: "" };
  for (const part of format.formatToParts(at)) if (part.type in fields) fields[part.type as keyof WallClock] = part.value;
  return fields;
}

/** Minutes the zone is ahead of UTC at an instant (negative west of Greenwich). */
function offsetMinutes(at: number, timeZone: string): number {
  const w = wallClock(new Date(at), timeZone);
  const asUtc = Date.UTC(Number(w.year), Number(w.month) - 1, Number(w.day), Number(w.hour), Number(w.minute), Number(w.second));
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
  const w = wallClock(at, timeZone);
  const minutes = `${w.year}-${w.month}-${w.day}T${w.hour}:${w.minute}`;
  return withSeconds ? `${minutes}:${w.second}` : minutes;
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
