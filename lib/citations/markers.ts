import { citationNodes, parseWording, type Citation } from "./syntax";

/**
 * Citation markers in Markdown: `[@key]` or `[@a; @b]`. What counts as a marker is decided by the
 * Markdown parser (see syntax.ts): markers in code spans, fenced or indented code, escaped
 * brackets and link destinations are not citations, exactly as the renderer treats them.
 */
export type CitationMarker = {
  /** Offset of `[` in the source. */
  start: number;
  /** Offset just after `]`. */
  end: number;
  keys: string[];
  /** 1-based line and column of the marker, for the editor's error list. */
  line: number;
  column: number;
  /** 1-based line and column of each key's `@`, parallel to `keys`. */
  keyPositions: Array<{ line: number; column: number }>;
};

export function markerFromNode(node: Citation): CitationMarker {
  const start = node.position?.start;
  const end = node.position?.end;
  return {
    start: start?.offset ?? 0,
    end: end?.offset ?? 0,
    keys: node.keys,
    line: start?.line ?? 1,
    column: start?.column ?? 1,
    keyPositions: node.keyPositions,
  };
}

export function parseCitationMarkers(md: string): CitationMarker[] {
  return citationNodes(parseWording(md)).map(markerFromNode);
}

/** Citekeys in order of first appearance, each once. */
export function citedKeys(md: string): string[] {
  const seen = new Set<string>();
  for (const marker of parseCitationMarkers(md)) for (const key of marker.keys) seen.add(key);
  return [...seen];
}
