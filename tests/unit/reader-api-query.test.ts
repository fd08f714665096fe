import { describe, expect, it } from "vitest";
import { nextCursor, nextPageQuery, parseApiListParams } from "@/lib/reader/api-query";

const parse = (qs: string) => parseApiListParams(new URLSearchParams(qs));

describe("the public list's query string", () => {
  it("defaults to 50 from the start, with no filters", () => {
    expect(parse("")).toEqual({ ok: true, params: { limit: 50, afterId: null, topic: null, updatedSince: null } });
  });
  it("refuses a bad limit, an unknown parameter, a repeated one and a bad filter with a message", () => {
    for (const qs of [
      "limit=0",
      "limit=101",
      "limit=100000",
      "limit=abc",
      "limit=1.5",
      "audience=patient",
      "limit=5&limit=6",
      "topic=Not A Slug",
      "updatedSince=yesterday",
      "updatedSince=2026-13-45",
    ]) {
      const result = parse(qs);
      expect(result.ok, qs).toBe(false);
      if (!result.ok) expect(result.error.length).toBeGreaterThan(10);
    }
  });
  it("normalises updatedSince to UTC", () => {
    const result = parse("updatedSince=2026-01-31T01:00:00%2B01:00");
    expect(result.ok && result.params.updatedSince).toBe("2026-01-31T00:00:00.000Z");
    expect(parse("updatedSince=2026-01-31").ok).toBe(true);
  });
  it("follows its own cursor, and refuses a forged one or one made for other filters", () => {
    const first = parse("limit=10&topic=cardiology");
    if (!first.ok) throw new Error(first.error);
    const cursor = nextCursor(first.params, 42);
    const second = parse(nextPageQuery(first.params, cursor));
    expect(second).toEqual({ ok: true, params: { limit: 10, afterId: 42, topic: "cardiology", updatedSince: null } });
    expect(parse(`cursor=${cursor}`).ok).toBe(false);
    expect(parse(`topic=sleep&cursor=${cursor}`).ok).toBe(false);
    expect(parse("cursor=not-a-cursor").ok).toBe(false);
    expect(parse(`cursor=${Buffer.from('{"v":1,"after":-3,"topic":null,"since":null}').toString("base64url")}`).ok).toBe(false);
    expect(parse(`cursor=${Buffer.from('{"v":2,"after":3,"topic":null,"since":null}').toString("base64url")}`).ok).toBe(false);
  });
});
