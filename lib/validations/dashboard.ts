import { z } from "@/lib/validations/zod";

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/**
 * The dashboard's query string. A page that is not a whole number of at least 1 (a hand-edited or
 * stale link) shows page 1 rather than an error; one past the end is clamped to the last page by
 * the query that knows the total.
 */
export const dashboardQuerySchema = z.object({
  page: z.preprocess(first, z.coerce.number().int().min(1).catch(1)),
});

export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

export function parseDashboardQuery(params: Record<string, string | string[] | undefined>): DashboardQuery {
  const parsed = dashboardQuerySchema.safeParse(params);
  return parsed.success ? parsed.data : { page: 1 };
}
