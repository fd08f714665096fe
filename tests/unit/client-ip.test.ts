import { describe, expect, it } from "vitest";
import { clientAddress, nearestForwardedHop } from "@/lib/security/client-ip";
import { appendPeerHop } from "@/lib/security/peer-hop.mjs";

describe("the client address for throttling and audit", () => {
  it("is the last hop: the TCP peer the server appended, never one the client wrote before it", () => {
    expect(nearestForwardedHop("203.0.113.9, 198.51.100.7, 127.0.0.1")).toBe("127.0.0.1");
    expect(nearestForwardedHop(["6.6.6.6", "10.0.0.2"])).toBe("10.0.0.2");
  });

  it("is 'unknown' when there is no usable hop", () => {
    expect(nearestForwardedHop(undefined)).toBe("unknown");
    expect(nearestForwardedHop(null)).toBe("unknown");
    expect(nearestForwardedHop(" , ")).toBe("unknown");
  });

  it("with no trusted proxy, is the same peer whatever x-forwarded-for the client forges", () => {
    const forged = ["", "198.51.100.1", "198.51.100.2, 198.51.100.3", "unknown", "127.0.0.1, 203.0.113.5", "x".repeat(500)];
    const seen = new Set(forged.map((header) => clientAddress(appendPeerHop(header || undefined, "192.0.2.44"), 0)));
    expect([...seen]).toEqual(["192.0.2.44"]);
  });

  it("behind N trusted proxies, is the hop the farthest of them added, whatever the client wrote before it", () => {
    // client → nginx (appends the client's address) → Vetted (appends nginx's).
    const viaOne = appendPeerHop("6.6.6.6, 203.0.113.77", "127.0.0.1");
    expect(clientAddress(viaOne, 1)).toBe("203.0.113.77");
    expect(clientAddress(viaOne, 0)).toBe("127.0.0.1");
    // client → CDN → nginx → Vetted.
    expect(clientAddress(appendPeerHop("6.6.6.6, 203.0.113.77, 10.0.0.5", "127.0.0.1"), 2)).toBe("203.0.113.77");
    // More trusted hops than the request passed: the farthest one there is.
    expect(clientAddress(appendPeerHop(undefined, "192.0.2.44"), 3)).toBe("192.0.2.44");
  });

  it("the server's hook appends the peer to what arrived, repeated headers included", () => {
    expect(appendPeerHop(undefined, "192.0.2.44")).toBe("192.0.2.44");
    expect(appendPeerHop("  ", "192.0.2.44")).toBe("192.0.2.44");
    expect(appendPeerHop("198.51.100.1", "192.0.2.44")).toBe("198.51.100.1, 192.0.2.44");
    expect(appendPeerHop(["198.51.100.1", "198.51.100.2"], "::1")).toBe("198.51.100.1, 198.51.100.2, ::1");
    expect(appendPeerHop("198.51.100.1", undefined)).toBe("198.51.100.1, unknown");
  });
});
