/** Lengths of a reader's error report. Zod-free, so the reader page's form doesn't ship zod to readers. */
export const ERROR_REPORT_MAX = 2000;
export const ERROR_QUOTE_MAX = 500;
