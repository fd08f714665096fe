import { z } from "@/lib/validations/zod";

/** The first of a repeated query parameter (`?page=2&page=5` reads 2). */
export const first = (v: unknown): unknown => (Array.isArray(v) ? (v[0] as unknown) : v);

/**
 * A `?page=` parameter of a paged staff list. Lenient: a page that is not a whole number of at
 * least 1 (a hand-edited or stale link) reads as page 1 instead of failing the page; one past the
 * end is clamped to the last page by the query that knows the total (lib/pagination.ts).
 */
export const pageParam = z.preprocess(first, z.coerce.number().int().min(1).max(1_000_000).catch(1));

export function parsePageParam(value: unknown): number {
  const parsed = pageParam.safeParse(value);
  return parsed.success ? parsed.data : 1;
}
