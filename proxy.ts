import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import { authSecret } from "@/lib/auth-secret";
import { AUDIENCE_COOKIE, AUDIENCE_COOKIE_MAX_AGE, chooseAudience } from "@/lib/reader/audience";

/**
 * Two cheap jobs, no database:
 * - Staff area: an early redirect to sign-in when no signed token exists. Every page and action
 *   still checks the session and permission itself.
 * - Articles: a valid ?audience= is remembered in a cookie. Which static copy is served (by query,
 *   then cookie, then the default) is decided by the rewrites in next.config.js, with the same
 *   precedence as chooseAudience.
 */
const staffProxy = withAuth({ pages: { signIn: "/login" }, secret: authSecret() });

const STAFF = /^\/(dashboard|editor|admin|account)(\/|$)/;

export default function proxy(request: NextRequest, event: NextFetchEvent) {
  if (STAFF.test(request.nextUrl.pathname)) return staffProxy(request as NextRequestWithAuth, event);
  const choice = chooseAudience(request.nextUrl.searchParams.get("audience"), request.cookies.get(AUDIENCE_COOKIE)?.value);
  const response = NextResponse.next();
  if (choice.remember) {
    response.cookies.set(AUDIENCE_COOKIE, choice.remember, { path: "/", maxAge: AUDIENCE_COOKIE_MAX_AGE, sameSite: "lax" });
  }
  return response;
}

export const config = {
  matcher: [
    // Only an article request with ?audience= has anything to remember; without it the proxy would
    // do nothing, yet running it costs every cached article response about a third of its speed.
    { source: "/articles/:path*", has: [{ type: "query", key: "audience" }] },
    "/dashboard/:path*",
    "/editor/:path*",
    "/admin/:path*",
    "/account/:path*",
  ],
};
