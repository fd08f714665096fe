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

/**
 * The internal address for a rewrite, built from nextUrl so it keeps the origin Next parsed the
 * request with: a rewrite to any other origin (e.g. "localhost" for a request to 127.0.0.1) is
 * proxied over HTTP to the server itself, which doubles the work and fails under load.
 */
function internal(request: NextRequest, pathname: string) {
  const url = request.nextUrl.clone();
  // The query stays: RSC requests carry their cache-busting _rsc parameter in it.
  url.pathname = pathname;
  return url;
}

export default function proxy(request: NextRequest, event: NextFetchEvent) {
  const { pathname, searchParams } = request.nextUrl;
  if (STAFF.test(pathname)) return staffProxy(request as NextRequestWithAuth, event);

  const section = SECTIONS[pathname];
  if (section) return NextResponse.rewrite(internal(request, `/static/${section}`));

  const article = /^\/articles\/([^/]+)\/?$/.exec(pathname);
  if (article) {
    const choice = chooseAudience(searchParams.get("audience"), request.cookies.get(AUDIENCE_COOKIE)?.value);
    const response = NextResponse.rewrite(internal(request, `/reader/${choice.variant}/${article[1]}`));
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
