import { z } from "@/lib/validations/zod";
import { first, pageParam } from "@/lib/validations/page-param";

const blankToUndefined = (v: unknown) => {
  const one = first(v);
  return typeof one === "string" && one.trim() === "" ? undefined : one;
};
const day = z.preprocess(
  blankToUndefined,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)))
    .optional(),
);
const id = z.preprocess(blankToUndefined, z.coerce.number().int().positive().optional());

/**
 * The audit log's query string. Lenient by design: a bad value in a bookmarked URL drops
 * that one filter instead of failing the page (each field falls back on its own).
 */
const fields = {
  actor: id,
  article: id,
  action: z.preprocess(
    blankToUndefined,
    z
      .string()
      .max(80)
      .regex(/^[a-z_.]+$/)
      .optional(),
  ),
  from: day,
  to: day,
  page: pageParam,
};

export type AuditFilter = { actor?: number; article?: number; action?: string; from?: string; to?: string; page: number };

export function parseAuditFilter(params: Record<string, string | string[] | undefined>): AuditFilter {
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(fields)) {
    const parsed = (schema as z.ZodType).safeParse(params[key]);
    if (parsed.success && parsed.data !== undefined) out[key] = parsed.data;
  }
  return { page: 1, ...out };
}

/** The query string for a filter (page 1 omitted), for pagination links. */
export function auditFilterQuery(filter: AuditFilter, page = filter.page): string {
  const params = new URLSearchParams();
  for (const key of ["actor", "article", "action", "from", "to"] as const)
    if (filter[key] !== undefined) params.set(key, String(filter[key]));
  if (page > 1) params.set("page", String(page));
  const s = params.toString();
  return s ? `?${s}` : "";
}
