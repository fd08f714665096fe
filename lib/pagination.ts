/** Page arithmetic for paged lists: pages are numbered from 1, and an empty list still has page 1. */

export function pageCount(total: number, size: number): number {
  if (!(size >= 1)) throw new RangeError(`page size must be at least 1, got ${size}`);
  return Math.max(1, Math.ceil(Math.max(0, total) / size));
}

/**
 * The page to show for a requested one: a bookmarked or hand-typed page past the end shows the last
 * page, and anything that is not a whole number of at least 1 shows the first.
 */
export function clampPage(raw: number, total: number, size: number): number {
  const last = pageCount(total, size);
  if (!Number.isInteger(raw) || raw < 1) return 1;
  return Math.min(raw, last);
}

/** How many rows come before the page (its SQL OFFSET). */
export function pageOffset(page: number, size: number): number {
  return (page - 1) * size;
}
