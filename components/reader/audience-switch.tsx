import { clsx } from "clsx";
import { AUDIENCE_LABELS, READER_AUDIENCES, type ReaderAudience } from "@/lib/reader/audience";
import { articlePath } from "@/lib/reader/site-url";

/**
 * "Which best describes you?" as plain links, so it works without JavaScript; the link's
 * ?audience= is remembered in a cookie by proxy.ts, and the URL can be shared as is.
 */
export function AudienceSwitch({
  slug,
  current,
  hrefFor = (audience) => articlePath(slug, audience),
}: {
  slug: string;
  current: ReaderAudience;
  /** Where each choice leads: the article's public address, or a preview link's own (app/preview). */
  hrefFor?: (audience: ReaderAudience) => string;
}) {
  return (
    <section aria-labelledby="audience-heading" className="rounded-md border border-brand-100 bg-brand-50 px-4 py-3 print:hidden">
      <h2 id="audience-heading" className="font-semibold">
        Which best describes you?
      </h2>
      <p className="text-sm text-muted">Your choice sets the wording of this answer; we remember it on this device.</p>
      <ul className="mt-3 flex flex-wrap gap-2">
        {READER_AUDIENCES.map((audience) => {
          const selected = audience === current;
          return (
            <li key={audience}>
              <a
                href={hrefFor(audience)}
                aria-current={selected ? "true" : undefined}
                className={clsx(
                  "inline-flex items-center gap-1 rounded-md border px-3 py-1.5 text-sm font-medium no-underline",
                  selected ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-brand-800 hover:bg-slate-50",
                )}
              >
                {selected && <span aria-hidden="true">✓</span>}
                {AUDIENCE_LABELS[audience]}
                {selected && <span className="sr-only-text"> (selected)</span>}
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
