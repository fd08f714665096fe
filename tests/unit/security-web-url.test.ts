import { describe, expect, test } from "vitest";
import { isWebUrl } from "@/lib/security/web-url";

describe("isWebUrl: which stored reference URLs may become links", () => {
  test("http and https links are kept", () => {
    expect(isWebUrl("https://www.acog.org/guidance")).toBe(true);
    expect(isWebUrl(" http://example.org/a?b=1 ")).toBe(true);
  });
  test("script, data and other schemes, and non-URLs, are not links", () => {
    for (const url of [
      "javascript:alert(1)",
      " JAVASCRIPT:alert(1)",
      "java\tscript:alert(1)",
      "data:text/html,<script>x</script>",
      "vbscript:x",
      "file:///etc/passwd",
      "//evil.example",
      "not a url",
      "",
      null,
      undefined,
    ]) {
      expect(isWebUrl(url), String(url)).toBe(false);
    }
  });
});
