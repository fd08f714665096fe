import type { Readability } from "@/lib/readability";

const one = (n: number | null) => (n === null ? "—" : n.toFixed(1));

/** Readability of the patient wording against the site's grade target. */
export function ReadabilitySummary({ readability, target }: { readability: Readability; target: number }) {
  const grade = readability.fleschKincaidGrade;
  const above = grade !== null && Math.round(grade * 10) / 10 > target;
  return (
    <section aria-labelledby="readability-heading" className="space-y-2">
      <h2 id="readability-heading" className="text-lg font-semibold">
        Patient wording readability
      </h2>
      <dl className="grid grid-cols-3 gap-2 rounded-md border border-slate-200 bg-white p-3 text-sm">
        <div>
          <dt className="text-muted">Flesch-Kincaid grade</dt>
          <dd className={above ? "text-lg font-semibold text-amber-900" : "text-lg font-semibold"}>{one(grade)}</dd>
        </div>
        <div>
          <dt className="text-muted">Reading ease</dt>
          <dd className="text-lg font-semibold">{one(readability.fleschReadingEase)}</dd>
        </div>
        <div>
          <dt className="text-muted">SMOG grade</dt>
          <dd className="text-lg font-semibold">{one(readability.smogGrade)}</dd>
        </div>
      </dl>
      <p className="text-sm text-muted">
        Target: grade {target} or below{above ? " — this wording is above it." : "."} {readability.words} words, {readability.sentences}{" "}
        sentences.
      </p>
    </section>
  );
}
