import { parseCitationMarkers, type CitationMarker } from "./markers";

/**
 * Reference numbers for one wording: numbered by order of first appearance, a repeated citation
 * reuses its number, and the list holds only what the wording cites (AMA 11th ed., 3.6).
 */

export type UnknownCitation = { key: string; line: number; column: number };

export type NumberedMarker = {
  marker: CitationMarker;
  /** Distinct numbers this marker cites, ascending (duplicates like `[@a; @a]` collapse). */
  numbers: number[];
  /** Keys of this marker missing from the library, in the order written, each once. */
  unknownKeys: string[];
  /** Display form of `numbers`, e.g. "1-3,5". Empty when every key is unknown. */
  label: string;
};

export type CitationNumbering = {
  /** Known citekeys in order of first appearance; the key at index i has number i + 1. */
  order: string[];
  numberOf: ReadonlyMap<string, number>;
  /** One entry per marker, in source order. */
  markers: NumberedMarker[];
  /** Every occurrence of a key missing from the library, with the position of its `@`. */
  unknown: UnknownCitation[];
};

/**
 * Numbers the citations of a wording. With `knownKeys`, keys outside it are reported as unknown
 * and get no number (they cannot appear in the reference list); without it every key counts.
 */
export function numberCitations(source: string | readonly CitationMarker[], knownKeys?: Iterable<string>): CitationNumbering {
  const markers = typeof source === "string" ? parseCitationMarkers(source) : source;
  const known = knownKeys === undefined ? undefined : knownKeys instanceof Set ? (knownKeys as ReadonlySet<string>) : new Set(knownKeys);
  const numberOf = new Map<string, number>();
  const order: string[] = [];
  const unknown: UnknownCitation[] = [];

  const numbered = markers.map((marker): NumberedMarker => {
    const numbers = new Set<number>();
    const unknownKeys: string[] = [];
    marker.keys.forEach((key, i) => {
      if (known && !known.has(key)) {
        const at = marker.keyPositions[i] ?? { line: marker.line, column: marker.column };
        unknown.push({ key, line: at.line, column: at.column });
        if (!unknownKeys.includes(key)) unknownKeys.push(key);
        return;
      }
      let n = numberOf.get(key);
      if (n === undefined) {
        order.push(key);
        n = order.length;
        numberOf.set(key, n);
      }
      numbers.add(n);
    });
    const sorted = [...numbers].sort((a, b) => a - b);
    return { marker, numbers: sorted, unknownKeys, label: formatCitationNumbers(sorted) };
  });

  return { order, numberOf, markers: numbered, unknown };
}

export type NumberRun = { first: number; last: number };

/** Sorted, de-duplicated numbers grouped into runs of consecutive values. */
export function numberRuns(numbers: readonly number[]): NumberRun[] {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const runs: NumberRun[] = [];
  for (const n of sorted) {
    const last = runs[runs.length - 1];
    if (last && n === last.last + 1) last.last = n;
    else runs.push({ first: n, last: n });
  }
  return runs;
}

/**
 * AMA superscript form: commas between numbers, a hyphen for three or more consecutive ones
 * ([1,2,3,5] → "1-3,5"; [1,2] → "1,2").
 */
export function formatCitationNumbers(numbers: readonly number[]): string {
  return numberRuns(numbers)
    .map(({ first, last }) => (last - first >= 2 ? `${first}-${last}` : last === first ? `${first}` : `${first},${last}`))
    .join(",");
}
