/**
 * Renders a notification email as plain text and HTML from the same parts. The HTML is one
 * narrow column with inline styles and a large link button, so it reads well in a phone's mail
 * app (which ignores <style> blocks and external CSS). Pure: no framework, no database.
 */
export type MailContent = {
  /** "Dr. Lindqvist," — the first line. */
  greeting: string;
  /** Short paragraphs; plain text, escaped for HTML. */
  paragraphs: string[];
  /** Grouped items under headings (the daily digest), each with its own link. */
  sections?: MailSection[];
  /** The one thing to do, with an absolute deep link. */
  action?: { label: string; url: string };
  /** Why the reader gets this mail and how to change that. */
  footer: string;
  unsubscribeUrl?: string;
};

export type MailSection = { heading: string; items: { text: string; url?: string | null }[] };

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

export function renderMailText(content: MailContent): string {
  const lines = [content.greeting, "", ...content.paragraphs.flatMap((p) => [p, ""])];
  for (const section of content.sections ?? []) {
    lines.push(section.heading, "-".repeat(section.heading.length));
    for (const item of section.items) lines.push(`- ${item.text}`, ...(item.url ? [`  ${item.url}`] : []));
    lines.push("");
  }
  if (content.action) lines.push(`${content.action.label}: ${content.action.url}`, "");
  lines.push("—", content.footer);
  if (content.unsubscribeUrl) lines.push(`Turn these emails off: ${content.unsubscribeUrl}`);
  return `${lines.join("\n")}\n`;
}

export function renderMailHtml(content: MailContent, subject: string): string {
  const p = (text: string) => `<p style="margin:0 0 16px;font-size:16px;line-height:1.5;color:#1f2937">${escapeHtml(text)}</p>`;
  const button = content.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(content.action.url)}" style="display:inline-block;background:#1d4ed8;color:#ffffff;text-decoration:none;font-size:16px;font-weight:600;padding:12px 20px;border-radius:6px">${escapeHtml(content.action.label)}</a></p>
<p style="margin:0 0 16px;font-size:13px;line-height:1.5;color:#4b5563;word-break:break-all">Or open this link: <a href="${escapeHtml(content.action.url)}" style="color:#1d4ed8">${escapeHtml(content.action.url)}</a></p>`
    : "";
  const sections = (content.sections ?? [])
    .map(
      (section) =>
        `<h2 style="margin:24px 0 8px;font-size:17px;line-height:1.3;color:#111827">${escapeHtml(section.heading)}</h2>
<ul style="margin:0 0 16px;padding-left:20px">
${section.items
  .map(
    (item) =>
      `<li style="margin:0 0 8px;font-size:15px;line-height:1.5;color:#1f2937">${
        item.url ? `<a href="${escapeHtml(item.url)}" style="color:#1d4ed8">${escapeHtml(item.text)}</a>` : escapeHtml(item.text)
      }</li>`,
  )
  .join("\n")}
</ul>`,
    )
    .join("\n");
  const unsubscribe = content.unsubscribeUrl
    ? ` <a href="${escapeHtml(content.unsubscribeUrl)}" style="color:#4b5563">Turn these emails off</a>.`
    : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:0;background:#f3f4f6">
<div style="max-width:600px;margin:0 auto;padding:24px 16px;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif">
<div style="background:#ffffff;border-radius:8px;padding:24px">
<p style="margin:0 0 16px;font-size:14px;font-weight:700;letter-spacing:0.04em;color:#1d4ed8">VETTED</p>
${p(content.greeting)}
${content.paragraphs.map(p).join("\n")}
${sections}
${button}
</div>
<p style="margin:16px 0 0;font-size:13px;line-height:1.5;color:#4b5563">${escapeHtml(content.footer)}${unsubscribe}</p>
</div>
</body></html>
`;
}
