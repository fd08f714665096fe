/**
 * What makes a piece of server-rendered HTML dangerous, checked on the string: a script
 * element, an event-handler attribute, a script-capable URL in a link-like attribute, or an
 * element outside the allowlist the caller expects. Pure, so tests can run it on every
 * renderer's output (Markdown, AMA reference HTML, React-rendered fields).
 */

const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "xlink:href", "srcdoc", "data", "poster", "background"]);

const decodeEntities = (value: string) =>
  value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16) || 0xfffd))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec) <= 0x10ffff ? Number(dec) : 0xfffd))
    .replace(/&colon;/gi, ":")
    .replace(/&tab;|&newline;/gi, "")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");

/** True if a URL would run script or embed a document when followed. */
export function isScriptUrl(raw: string): boolean {
  const value = decodeEntities(raw)
    // eslint-disable-next-line no-control-regex -- browsers ignore control characters in a URL scheme, so they are stripped before the check
    .replace(/[\u0000-\u0020\u007f-\u009f]/g, "")
    .toLowerCase();
  return /^(javascript|vbscript|data|livescript):/.test(value);
}

export type Tag = { name: string; closing: boolean; attributes: { name: string; value: string }[] };

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/g;
const ATTRIBUTE = /\s+([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

export function tagsOf(html: string): Tag[] {
  return [...html.matchAll(TAG)].map(([, closing, name, attrs]) => ({
    name: name.toLowerCase(),
    closing: closing === "/",
    attributes: [...attrs.matchAll(ATTRIBUTE)].map(([, n, a, b, c]) => ({ name: n.toLowerCase(), value: a ?? b ?? c ?? "" })),
  }));
}

/** The problems in html (empty when safe). allowedTags: null allows any tag name except script-capable ones. */
export function unsafeMarkup(html: string, allowedTags: ReadonlySet<string> | null = null): string[] {
  const problems: string[] = [];
  if (/<\s*script/i.test(html)) problems.push("<script");
  for (const tag of tagsOf(html)) {
    if (["script", "iframe", "object", "embed", "base", "frame", "frameset"].includes(tag.name)) problems.push(`<${tag.name}>`);
    else if (allowedTags && !allowedTags.has(tag.name)) problems.push(`tag <${tag.name}> not allowed`);
    for (const attr of tag.attributes) {
      if (attr.name.startsWith("on")) problems.push(`event handler ${attr.name} on <${tag.name}>`);
      if (URL_ATTRIBUTES.has(attr.name) && isScriptUrl(attr.value)) problems.push(`${attr.name}="${attr.value}" on <${tag.name}>`);
      if (attr.name === "style" && /expression\(|url\(\s*['"]?\s*javascript:/i.test(decodeEntities(attr.value)))
        problems.push(`script in style on <${tag.name}>`);
    }
  }
  return problems;
}

/**
 * The element structure of html with all text removed: if a field's value changes this, the
 * value became markup. Comparing it with the skeleton for a harmless value proves escaping.
 */
export function tagSkeleton(html: string, ignoreAttributes: readonly string[] = []): string {
  return tagsOf(html)
    .map(
      (t) =>
        `<${t.closing ? "/" : ""}${t.name}${t.attributes
          .filter((a) => !ignoreAttributes.includes(a.name))
          .map((a) => ` ${a.name}`)
          .join("")}>`,
    )
    .join("");
}
