import { decodeCursor, encodeCursor } from "@/lib/cursor";
import { z } from "@/lib/validations/zod";

/**
 * The public list's query string: `limit` (1–100, default 50), `cursor` (the `next` of the page
 * before), `topic` (a topic's slug, as in /topics/<slug>) and `updatedSince` (an ISO 8601 time).
 * Strict: an unknown parameter, a bad value or a cursor made for other filters is a 400 with a
 * message saying what to send instead.
 */
export const API_DEFAULT_LIMIT = 50;
export const API_MAX_LIMIT = 100;

export type ApiListParams = { limit: number; afterId: number | null; topic: string | null; updatedSince: string | null };

const ALLOWED = new Set(["limit", "cursor", "topic", "updatedSince"]);

const cursorShape = z.strictObject({
  v: z.literal(1),
  after: z.number().int().positive(),
  topic: z.string().nullable(),
  since: z.string().nullable(),
});

const isoTime = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

export function parseApiListParams(search: URLSearchParams): { ok: true; params: ApiListParams } | { ok: false; error: string } {
  for (const key of new Set(search.keys())) {
    if (!ALLOWED.has(key)) return { ok: false, error: `Unknown parameter "${key}". Use limit, cursor, topic or updatedSince.` };
    if (search.getAll(key).length > 1) return { ok: false, error: `Give "${key}" once.` };
  }
  let limit = API_DEFAULT_LIMIT;
  const rawLimit = search.get("limit");
  if (rawLimit !== null) {
    if (!/^[0-9]{1,6}$/.test(rawLimit) || Number(rawLimit) < 1 || Number(rawLimit) > API_MAX_LIMIT)
      return { ok: false, error: `limit must be a whole number from 1 to ${API_MAX_LIMIT}.` };
    limit = Number(rawLimit);
  }
  const topic = search.get("topic");
  if (topic !== null && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(topic))
    return { ok: false, error: 'topic must be a topic\'s slug, as in /topics/<slug> (for example "cardiology").' };
  let updatedSince: string | null = null;
  const rawSince = search.get("updatedSince");
  if (rawSince !== null) {
    const ms = isoTime.test(rawSince) ? Date.parse(rawSince) : NaN;
    if (Number.isNaN(ms)) return { ok: false, error: "updatedSince must be an ISO 8601 date or time, such as 2026-01-31T00:00:00Z." };
    updatedSince = new Date(ms).toISOString();
  }
  let afterId: number | null = null;
  const rawCursor = search.get("cursor");
  if (rawCursor !== null) {
    const cursor = decodeCursor(rawCursor, cursorShape);
    if (!cursor) return { ok: false, error: "cursor is not one this API gave out. Start again without it." };
    if (cursor.topic !== topic || cursor.since !== updatedSince)
      return { ok: false, error: "cursor was made for other filters. Send it with the same topic and updatedSince, or start again." };
    afterId = cursor.after;
  }
  return { ok: true, params: { limit, afterId, topic, updatedSince } };
}

export function nextCursor(params: ApiListParams, lastId: number): string {
  return encodeCursor({ v: 1, after: lastId, topic: params.topic, since: params.updatedSince });
}

/** The query string of the next page: the same filters and limit, and the cursor. */
export function nextPageQuery(params: ApiListParams, cursor: string): string {
  const q = new URLSearchParams();
  if (params.limit !== API_DEFAULT_LIMIT) q.set("limit", String(params.limit));
  if (params.topic) q.set("topic", params.topic);
  if (params.updatedSince) q.set("updatedSince", params.updatedSince);
  q.set("cursor", cursor);
  return q.toString();
}
