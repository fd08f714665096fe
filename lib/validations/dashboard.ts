import { parsePageParam } from "@/lib/validations/page-param";

/** The dashboard's query string: only the page of the reviewer's assignment list. */
export type DashboardQuery = { page: number };

export function parseDashboardQuery(params: Record<string, string | string[] | undefined>): DashboardQuery {
  return { page: parsePageParam(params.page) };
}
