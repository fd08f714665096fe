import type { NextFetchEvent } from "next/server";
import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import { authSecret } from "@/lib/auth-secret";
import { withPageCsp } from "@/lib/security/page-headers";

const STAFF_AREA = /^\/(dashboard|editor|admin|account)(\/|$)/;

/**
 * A cheap early redirect to sign-in for the staff area. It only checks that a signed
 * token exists: every page and action still checks the session and permission itself.
 */
const staffGate = withAuth({ pages: { signIn: "/login" }, secret: authSecret() });

/** Every page also gets its Content-Security-Policy here (lib/security/csp.ts). */
export default async function proxy(req: NextRequestWithAuth, event: NextFetchEvent) {
  if (STAFF_AREA.test(req.nextUrl.pathname)) {
    const redirect = await staffGate(req, event);
    if (redirect) return redirect;
  }
  return withPageCsp(req);
}

export const config = {
  // Pages only: not static assets, the image optimiser or API routes (JSON needs no CSP).
  matcher: ["/((?!_next/static|_next/image|api/|favicon.ico|robots.txt|sitemap.xml).*)"],
};
