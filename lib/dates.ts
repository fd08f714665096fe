/** Dates are stored in UTC and shown in UTC, so every reader and reviewer sees the same day. */
// One formatter, built once: building an Intl.DateTimeFormat costs far more than formatting with it
// (the reminder tick formats a date for every row it handles).
const DATE_FORMAT = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "—";
  return DATE_FORMAT.format(new Date(iso));
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  return (
    new Intl.DateTimeFormat("en-GB", {
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZone: "UTC",
      hourCycle: "h23",
    }).format(new Date(iso)) + " UTC"
  );
}
