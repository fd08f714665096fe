import { NextResponse, type NextRequest } from "next/server";
import { cspForPath } from "@/lib/security/csp";
import { isHttpsSite } from "@/lib/security/https-site";

type Init = { request: { headers: Headers } };

/**
 * Gives a page request its Content-Security-Policy. Next reads the policy from the request
 * headers to put the nonce on the scripts it renders; the browser enforces the response header.
 * `respond` lets the proxy rewrite or redirect instead of passing through, keeping the policy.
 */
export function withPageCsp(req: NextRequest, respond: (init: Init) => NextResponse = (init) => NextResponse.next(init)): NextResponse {
  const { policy, nonce } = cspForPath(req.nextUrl.pathname, {
    // NODE_ENV is Next's own (inlined at build time), not configuration: see lib/env-schema.mjs.
    development: process.env.NODE_ENV === "development",
    https: isHttpsSite(),
  });
  const headers = new Headers(req.headers);
  headers.set("content-security-policy", policy);
  if (nonce) headers.set("x-nonce", nonce);
  else headers.delete("x-nonce");
  const response = respond({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}
