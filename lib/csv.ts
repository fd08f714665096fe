/**
 * CSV (RFC 4180) cells and rows. A cell that a spreadsheet would run as a formula (=, +, -, @, tab,
 * carriage return first) is prefixed with a quote mark (OWASP "CSV injection"), since article
 * questions and slugs are typed by staff.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(cells: readonly (string | number | boolean | null | undefined)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}
