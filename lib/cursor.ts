import type { z } from "zod";

/**
 * Opaque keyset cursors for paged lists (the public API, the staff article index): the position
 * after the last row shown and the filters it was made for, as base64url JSON. Opaque to clients,
 * not secret: a hand-made cursor can only name another position in a list the caller may read
 * anyway. A cursor that does not decode to the expected shape is refused, never guessed at.
 */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value), "utf8").toString("base64url");
}

export function decodeCursor<T>(raw: string, schema: z.ZodType<T>): T | null {
  if (raw.length > 2000 || !/^[A-Za-z0-9_-]+$/.test(raw)) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
