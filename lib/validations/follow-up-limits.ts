/** The longest follow-up question a reader may send. Zod-free, so the reader page's form doesn't ship zod to readers. */
export const QUESTION_MAX = 1000;
