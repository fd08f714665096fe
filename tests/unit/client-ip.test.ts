import { describe, expect, it } from "vitest";
import { nearestForwardedHop } from "@/lib/security/client-ip";

describe("the client address for throttling and audit", () => {
  it("is the hop the nearest proxy added, never one the client wrote before it", () => {
    expect(nearestForwardedHop("203.0.113.9, 198.51.100.7, 127.0.0.1")).toBe("127.0.0.1");
    expect(nearestForwardedHop(["6.6.6.6", "10.0.0.2"])).toBe("10.0.0.2");
  });

  it("is 'unknown' when there is no usable hop", () => {
    expect(nearestForwardedHop(undefined)).toBe("unknown");
    expect(nearestForwardedHop(null)).toBe("unknown");
    expect(nearestForwardedHop(" , ")).toBe("unknown");
  });
});
