import { serverEnv } from "@/lib/env";

/**
 * Whether the site is served over https (NEXTAUTH_URL says so, as in production): cookies are
 * then marked Secure. Plain http here in development and tests, where a Secure cookie would be
 * dropped by the browser.
 */
export function isHttpsSite(url = serverEnv().NEXTAUTH_URL): boolean {
  return (url ?? "").startsWith("https://");
}
