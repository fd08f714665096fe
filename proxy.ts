import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import { authSecret } from "@/lib/auth-secret";
import { AUDIENCE_COOKIE, AUDIENCE_COOKIE_MAX_AGE, chooseAudience } from "@/lib/reader/audience";

/**
 * Two cheap jobs, no database:
 * - Staff area: an early redirect to sign-in when no signed token exists. Every page and action
 *   still checks the session and permission itself.
 * - Reader pages: rewrite to internal static routes so they are served from the cache. An article
 *   goes to /reader/<audience>/<slug>, the audience chosen from ?audience=, then the cookie, then
 *   "default" (that variant renders the site's default audience). A valid ?audience= is remembered
 *   in a cookie. Home, board and policy go to /static/<section>, which is not prerendered at build
 *   time (the build has no data), only on the first request and after each revalidation.
 */
const staffProxy = withAuth({ pages: { signIn: "/login" }, secret: authSecret() });

const STAFF = /^\/(dashboard|editor|admin|account)(\/|$)/;
const SECTIONS: Record<string, string> = { "/": "home", "/board": "board", "/policy": "policy" };

export default function proxy(request: NextRequest, event: NextFetchEvent) {
  const { pathname, searchParams } = request.nextUrl;
  if (STAFF.test(pathname)) return staffProxy(request as NextRequestWithAuth, event);

  const section = SECTIONS[pathname];
  if (section) return NextResponse.rewrite(new URL(`/static/${section}`, request.url));

  const article = /^\/articles\/([^/]+)\/?$/.exec(pathname);
  if (article) {
    const choice = chooseAudience(searchParams.get("audience"), request.cookies.get(AUDIENCE_COOKIE)?.value);
    const response = NextResponse.rewrite(new URL(`/reader/${choice.variant}/${article[1]}`, request.url));
    // The same address serves different wordings depending on the cookie.
    response.headers.set("Vary", "Cookie");
    if (choice.remember) {
      response.cookies.set(AUDIENCE_COOKIE, choice.remember, { path: "/", maxAge: AUDIENCE_COOKIE_MAX_AGE, sameSite: "lax" });
    }
    return response;
  }
  return NextResponse.next();
}

export const config = {
  matcher: ["/", "/board", "/policy", "/articles/:path*", "/dashboard/:path*", "/editor/:path*", "/admin/:path*", "/account/:path*"],
};
