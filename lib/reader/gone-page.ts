/**
 * The 410 page of a withdrawn or archived article: the date and the public reason, never the
 * article's text. Plain HTML written by proxy.ts (a page rendered by Next can't answer 410), with
 * no script, so it carries its own strict policy. Pure.
 */
export const GONE_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function goneDate(iso: string | null, timeZone: string): string | null {
  if (!iso) return null;
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return null;
  return new Intl.DateTimeFormat("en-GB", { timeZone, day: "numeric", month: "long", year: "numeric" }).format(at);
}

export function gonePageHtml(input: {
  siteName: string;
  archived: boolean;
  suspended?: boolean;
  date: string | null;
  reason: string | null;
}): string {
  const what = input.suspended ? "suspended" : input.archived ? "archived" : "withdrawn";
  const title = input.suspended ? "This article is suspended for review" : `This article was ${what}`;
  const when = input.date ? ` on ${escapeHtml(input.date)}` : "";
  const reason = input.reason ? `<p><strong>Why:</strong> ${escapeHtml(input.reason)}</p>` : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)} · ${escapeHtml(input.siteName)}</title>
<style>body{font-family:system-ui,sans-serif;margin:0;color:#1f2937;background:#fff}main{max-width:40rem;margin:0 auto;padding:3rem 1.25rem}
h1{font-size:1.6rem;margin:0 0 1rem}p{line-height:1.6}a{color:#1d4ed8}.site{font-weight:600;color:#374151;text-decoration:none}</style></head>
<body><main><p><a class="site" href="/">${escapeHtml(input.siteName)}</a></p>
<h1>${escapeHtml(title)}</h1>
<p>This article was ${what}${when} and is no longer available on this site.</p>
${reason}
<p><a href="/">Browse current articles</a> or <a href="/search">search the site</a>.</p></main></body></html>`;
}
