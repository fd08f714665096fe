import { authSecret } from "@/lib/auth-secret";
import { PREFERENCES_PATH, unsubscribeFromKind, unsubscribeSubject } from "@/lib/dal/notifications";
import { getSiteName } from "@/lib/dal/settings";
import { DELIVERY_LABELS } from "@/lib/notification-kinds";
import { readUnsubscribeToken } from "@/lib/notifications/unsubscribe-token";

/**
 * One-click unsubscribe from a notification email, no sign-in needed: the link carries a token
 * signed with the auth secret over (user, kind) (lib/notifications/unsubscribe-token.ts), which is
 * the whole authorisation and reaches one kind of one user's mail, nothing else.
 * GET shows what the link will do and a confirm button (a link scanner's GET changes nothing);
 * POST — the button, or a mail provider's RFC 8058 `List-Unsubscribe=One-Click` — turns that kind
 * off, audited. A forged or altered token gets a 400 page.
 */
export const dynamic = "force-dynamic";

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

function page(status: number, title: string, body: string): Response {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)} · ${escapeHtml(getSiteName())}</title>
<style>
body{margin:0;padding:0 1rem;background:#f3f4f6;color:#1f2937;font-family:-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;line-height:1.5}
main{max-width:32rem;margin:3rem auto;padding:1.5rem;background:#fff;border-radius:.5rem}
h1{font-size:1.4rem;margin:0 0 1rem}
.brand{font-size:.875rem;font-weight:700;letter-spacing:.04em;color:#1d4ed8;margin:0 0 1rem}
p{margin:0 0 1rem}
button{font:inherit;font-weight:600;background:#1d4ed8;color:#fff;border:0;border-radius:.375rem;padding:.75rem 1.25rem;cursor:pointer}
button:focus-visible,a:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
a{color:#1d4ed8}
</style></head>
<body><main>
<p class="brand">${escapeHtml(getSiteName())}</p>
<h1>${escapeHtml(title)}</h1>
${body}
</main></body></html>
`;
  return new Response(html, {
    status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" },
  });
}

const settingsLink = `<p>To change any of your email notifications, sign in and open <a href="${PREFERENCES_PATH}">your notification settings</a>.</p>`;

const invalidLink = () =>
  page(
    400,
    "This unsubscribe link is not valid",
    `<p>The link may have been cut short or changed when it was copied. Nothing was changed.</p>${settingsLink}`,
  );

const tokenOf = (request: Request) => new URL(request.url).searchParams.get("token");

export function GET(request: Request): Response {
  const token = tokenOf(request);
  const claim = readUnsubscribeToken(authSecret(), token);
  const subject = claim && unsubscribeSubject(claim.userId, claim.kind);
  if (!claim || !subject) return invalidLink();
  if (subject.delivery === "off") {
    return page(200, "Already turned off", `<p>You don't get “${escapeHtml(subject.label)}” emails any more.</p>${settingsLink}`);
  }
  return page(
    200,
    `Stop “${subject.label}” emails?`,
    `<p>You get these emails ${escapeHtml(DELIVERY_LABELS[subject.delivery].toLowerCase())}. After you confirm, they stop; the notifications still appear in your Vetted inbox.</p>
<form method="post" action="/unsubscribe?token=${escapeHtml(encodeURIComponent(token ?? ""))}">
<input type="hidden" name="List-Unsubscribe" value="One-Click">
<p><button type="submit">Turn these emails off</button></p>
</form>
${settingsLink}`,
  );
}

export function POST(request: Request): Response {
  const claim = readUnsubscribeToken(authSecret(), tokenOf(request));
  const outcome = claim ? unsubscribeFromKind(claim.userId, claim.kind) : null;
  if (!outcome?.ok) return invalidLink();
  return page(
    200,
    "You're unsubscribed",
    `<p>You won't get “${escapeHtml(outcome.label)}” emails any more. The notifications still appear in your Vetted inbox.</p>${settingsLink}`,
  );
}
