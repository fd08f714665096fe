import { clsx } from "clsx";
import type { Readability } from "@/lib/readability";

const one = (n: number | null) => (n === null ? "—" : n.toFixed(1));

/**
 * Readability of a wording next to the site's target grade. For the patient wording the target is
 * a goal (a warning when above it); for the clinician wording the scores are for information.
 */
export function ReadabilityPanel({
  readability,
  target,
  audience,
}: {
  readability: Readability;
  target: number;
  audience: "clinician" | "patient";
}) {
  const grade = readability.fleschKincaidGrade;
  const above = audience === "patient" && grade !== null && grade > target;
  const headingId = `readability-${audience}`;
  return (
    <section
      aria-labelledby={headingId}
      className={clsx("rounded-md border p-3 text-sm", above ? "border-amber-300 bg-amber-50" : "border-slate-200 bg-white")}
    >
      <h3 id={headingId} className="font-semibold">
        Readability — {audience === "patient" ? "patient" : "clinician"} wording
      </h3>
      {grade === null ? (
        <p className="mt-1 text-muted">Scores appear once the wording has text.</p>
      ) : (
        <>
          {audience === "patient" && (
            <p className={clsx("mt-1 font-medium", above ? "text-amber-950" : "text-emerald-800")}>
              {above
                ? `Above the target: grade ${one(grade)} against a target of grade ${target} or below.`
                : `Within the target of grade ${target} or below.`}
            </p>
          )}
          <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1 sm:grid-cols-3">
            <div>
              <dt className="text-muted">Flesch-Kincaid grade</dt>
              <dd className="font-semibold">{one(grade)}</dd>
            </div>
            <div>
              <dt className="text-muted">Reading ease</dt>
              <dd className="font-semibold">{one(readability.fleschReadingEase)}</dd>
            </div>
            <div>
              <dt className="text-muted">SMOG grade</dt>
              <dd className="font-semibold">{one(readability.smogGrade)}</dd>
            </div>
            <div>
              <dt className="text-muted">Words</dt>
              <dd className="font-semibold">{readability.words}</dd>
            </div>
            <div>
              <dt className="text-muted">Sentences</dt>
              <dd className="font-semibold">{readability.sentences}</dd>
            </div>
          </dl>
          {readability.longestSentences.length > 0 && (
            <details className="mt-2">
              <summary className="cursor-pointer text-muted">Longest sentences</summary>
              <ol className="mt-1 space-y-1">
                {readability.longestSentences.map((s, i) => (
                  <li key={i}>
                    <mark className="bg-amber-100 text-ink">{s.text}</mark> <span className="text-muted">({s.words} words)</span>
                  </li>
                ))}
              </ol>
            </details>
          )}
        </>
      )}
    </section>
  );
}
