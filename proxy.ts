import { type NextFetchEvent } from "next/server";
import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import { authSecret } from "@/lib/auth-secret";
import { decodeSessionToken } from "@/lib/auth-jwt";
import { AUDIENCE_COOKIE, audienceCookieOptions, chooseAudience } from "@/lib/reader/audience";
import { withPageCsp } from "@/lib/security/page-headers";

/**
 * Three cheap jobs, no database:
 * - Staff area: an early redirect to sign-in when no signed token exists. Every page and action
 *   still checks the session and permission itself.
 * - Articles: a valid ?audience= is remembered in a cookie. Which static copy is served (by query,
 *   then cookie, then the default) is decided by the rewrites in next.config.js, with the same
 *   precedence as chooseAudience.
 * - Every page gets its Content-Security-Policy (lib/security/csp.ts).
 */
const staffGate = withAuth({ pages: { signIn: "/login" }, secret: authSecret(), jwt: { decode: decodeSessionToken } });

const STAFF_AREA = /^\/(dashboard|editor|admin|account)(\/|$)/;
const ARTICLE = /^\/articles\/[^/]+\/?$/;

export default async function proxy(req: NextRequestWithAuth, event: NextFetchEvent) {
  if (STAFF_AREA.test(req.nextUrl.pathname)) {
    const redirect = await staffGate(req, event);
    if (redirect) return redirect;
  }
  const response = withPageCsp(req);
  if (ARTICLE.test(req.nextUrl.pathname)) {
    const choice = chooseAudience(req.nextUrl.searchParams.get("audience"), req.cookies.get(AUDIENCE_COOKIE)?.value);
    if (choice.remember) response.cookies.set(AUDIENCE_COOKIE, choice.remember, audienceCookieOptions());
  }
  return response;
}

export const config = {
  matcher: [
    // Pages only: not static assets, API routes (JSON needs no CSP) or the cached reader pages,
    // whose fixed policy comes from next.config.js headers().
    // Server action POSTs are skipped too: each action checks session and permission itself, and
    // its answer is an RSC payload, not a page that needs a policy (autosave runs several a second).
    {
      source:
        "/((?!_next/static|_next/image|api/|favicon.ico|icon.svg|robots.txt|sitemap.xml|sitemaps/|feed.xml|articles/|topics/|reader/|static/|bench-baseline/|board$|policy$).+)",
      missing: [{ type: "header", key: "next-action" }],
    },
    // An article request that chooses an audience: remember the choice in a cookie.
    { source: "/articles/:slug", has: [{ type: "query", key: "audience" }] },
  ],
};
