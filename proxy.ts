import { withAuth } from "next-auth/middleware";
import { authSecret } from "@/lib/auth-secret";

/**
 * A cheap early redirect to sign-in for the staff area. It only checks that a signed
 * token exists: every page and action still checks the session and permission itself.
 */
export default withAuth({ pages: { signIn: "/login" }, secret: authSecret() });

export const config = {
  matcher: ["/dashboard/:path*", "/editor/:path*", "/admin/:path*", "/account/:path*"],
};
