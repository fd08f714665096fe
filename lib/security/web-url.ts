/**
 * Whether a stored URL may become a link: http(s) only. References are validated on input
 * (zod), but a row written another way (an old import, a direct fix in the database) must not
 * turn into a `javascript:` link on a reader page, whose static CSP allows inline script.
 */
export function isWebUrl(url: string | null | undefined): url is string {
  if (!url) return false;
  try {
    const { protocol } = new URL(url.trim());
    return protocol === "https:" || protocol === "http:";
  } catch {
    return false;
  }
}
