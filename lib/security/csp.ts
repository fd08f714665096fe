/**
 * Content-Security-Policy, pure. Dynamic pages get a fresh nonce per request and
 * 'strict-dynamic', so only scripts Next renders with that nonce (and what they load) run.
 * Pages served from the static/ISR cache can't carry a per-request nonce (their HTML was
 * rendered once, before the request), and Next's own inline bootstrap scripts differ per page,
 * so no fixed hash list fits them either. Those pages get a static policy: scripts from our own
 * origin and inline ones, nothing from anywhere else, no plugins, no <base>, no framing, forms
 * and fetches only to us. On them the sanitiser (lib/markdown.ts, property-tested) and React's
 * escaping are the defence against injected markup; the CSP limits what an injection could reach.
 * See SECURITY.md.
 */

export type CspOptions = {
  /** `next dev` needs eval for React's debugging tools; never in a production build. */
  development?: boolean;
  /** Served over https: ask browsers to upgrade any stray http: subresource. */
  https?: boolean;
};

/** Directives every page shares: no plugins, no <base> hijack, no framing, forms post only to us. */
const COMMON: [string, string][] = [
  ["default-src", "'self'"],
  // Radix positions popovers with style attributes; styles can't run code, so inline styles stay.
  ["style-src", "'self' 'unsafe-inline'"],
  ["img-src", "'self' data: blob:"],
  ["font-src", "'self'"],
  ["connect-src", "'self'"],
  ["object-src", "'none'"],
  ["base-uri", "'none'"],
  ["form-action", "'self'"],
  ["frame-ancestors", "'none'"],
  ["frame-src", "'none'"],
  ["worker-src", "'self'"],
  ["manifest-src", "'self'"],
];

function serialise(directives: [string, string][], options: CspOptions): string {
  const all = options.https ? [...directives, ["upgrade-insecure-requests", ""] as [string, string]] : directives;
  return all.map(([name, value]) => (value ? `${name} ${value}` : name)).join("; ");
}

const NONCE = /^[A-Za-z0-9+/_-]{16,}={0,2}$/;

/** The policy for a page rendered on this request. */
export function nonceCsp(nonce: string, options: CspOptions = {}): string {
  // The nonce is spliced into a header: refuse anything that could end the directive.
  if (!NONCE.test(nonce)) throw new Error("CSP nonce must be base64 of at least 12 random bytes");
  const eval_ = options.development ? " 'unsafe-eval'" : "";
  // 'self' and https: are ignored by browsers that understand 'strict-dynamic'; kept for old ones.
  const script = `'nonce-${nonce}' 'strict-dynamic' 'self'${eval_}`;
  return serialise([["script-src", script], ...COMMON], options);
}

/** The policy for pages served from the static cache (no nonce possible): same-origin and inline scripts only. */
export function staticCsp(options: CspOptions = {}): string {
  const eval_ = options.development ? " 'unsafe-eval'" : "";
  return serialise([["script-src", `'self' 'unsafe-inline'${eval_}`], ...COMMON], options);
}

/**
 * Paths whose HTML is served from the static/ISR cache. The reader article page is built to be
 * static; add a pattern here when another page is made static (a nonce policy on a cached
 * page would block Next's own inline scripts, and the page would not hydrate).
 */
export const STATIC_PAGE_PATTERNS: readonly RegExp[] = [
  /^\/$/,
  /^\/(board|policy)\/?$/,
  /^\/(articles|topics)\/[^/]+\/?$/,
  // A topic's later pages (next.config.js rewrites /topics/<topic>?page=N here).
  /^\/topics\/[^/]+\/page\/[^/]+\/?$/,
  /^\/reader\/[^/]+\/[^/]+\/?$/,
  // An article's public version history, as readers type it and as rewritten.
  /^\/articles\/[^/]+\/history\/?$/,
  /^\/reader\/[^/]+\/[^/]+\/history\/?$/,
  /^\/static\/[^/]+\/?$/,
  // The benchmark's static baseline page (404 unless VETTED_BENCH=1) is served like the reader pages.
  /^\/bench-baseline\/[^/]+\/?$/,
];

export function isStaticPage(pathname: string, patterns: readonly RegExp[] = STATIC_PAGE_PATTERNS): boolean {
  return patterns.some((p) => p.test(pathname));
}

/** 16 random bytes, base64: unguessable, and only header-safe characters. */
export function generateNonce(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const bytes = random(new Uint8Array(16));
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

export type PageCsp = { policy: string; nonce: string | null };

/** The policy (and nonce, for dynamic pages) a request for pathname should get. */
export function cspForPath(pathname: string, options: CspOptions = {}, nonce: () => string = generateNonce): PageCsp {
  if (isStaticPage(pathname)) return { policy: staticCsp(options), nonce: null };
  const value = nonce();
  return { policy: nonceCsp(value, options), nonce: value };
}

/** Parses a policy into directive → sources, for tests and for checking a served header. */
export function parseCsp(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name && !out.has(name.toLowerCase())) out.set(name.toLowerCase(), values);
  }
  return out;
}
