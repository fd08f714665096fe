import { NextResponse, type NextFetchEvent } from "next/server";
import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import { authSecret } from "@/lib/auth-secret";
import { decodeSessionToken } from "@/lib/auth-jwt";
import { AUDIENCE_COOKIE, audienceCookieOptions, chooseAudience } from "@/lib/reader/audience";
import { withPageCsp } from "@/lib/security/page-headers";
import { readerStandingOf } from "@/lib/dal/reader-standing";
import { getSiteSettings } from "@/lib/dal/settings";
import { GONE_PAGE_CSP, goneDate, gonePageHtml } from "@/lib/reader/gone-page";

/**
 * Four cheap jobs; only the first reads the database, one indexed point read:
 * - Articles taken down: every reader URL of a withdrawn or archived article (/articles/<slug> in
 *   each audience, the internal /reader/<audience>/<slug>, their RSC and prefetch requests) answers
 *   410 with the notice, or 301 to an archived article's successor, before any cached page is served.
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
/** Every address that serves an article's page: the public one and the internal static route, with an RSC suffix or not. */
const ARTICLE_PAGE = /^\/(?:articles|reader\/[^/]+)\/([^/]+?)(?:\.rsc|\.prefetch\.rsc|\.segments\/.*)?\/?$/;

function takenDownResponse(req: NextRequestWithAuth): NextResponse | null {
  const match = ARTICLE_PAGE.exec(req.nextUrl.pathname);
  if (!match) return null;
  let slug: string;
  try {
    slug = decodeURIComponent(match[1]);
  } catch {
    return null;
  }
  const standing = readerStandingOf(slug);
  if (!standing) return null;
  if (standing.kind === "moved") {
    const to = new URL(`/articles/${encodeURIComponent(standing.successorSlug)}`, req.nextUrl);
    const audience = req.nextUrl.searchParams.get("audience");
    if (audience) to.searchParams.set("audience", audience);
    return NextResponse.redirect(to, 301);
  }
  if (standing.kind !== "gone") return null;
  const settings = getSiteSettings();
  const html = gonePageHtml({
    siteName: settings.siteName,
    archived: standing.archived,
    date: goneDate(standing.at, settings.timeZone),
    reason: standing.reason,
  });
  return new NextResponse(html, {
    status: 410,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "content-security-policy": GONE_PAGE_CSP },
  });
}

export default async function proxy(req: NextRequestWithAuth, event: NextFetchEvent) {
  const takenDown = takenDownResponse(req);
  if (takenDown) return takenDown;
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
    // Every article request: a withdrawn or archived article answers 410 or 301 here, and a
    // request that chooses an audience has the choice remembered in a cookie.
    "/articles/:slug",
    "/reader/:audience/:slug",
    "/reader/:audience/:slug/:rest*",
  ],
};
