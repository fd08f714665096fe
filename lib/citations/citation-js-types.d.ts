// citation-js ships no type declarations; these cover the calls lib/citations/citation-js.ts makes.
declare module "@citation-js/core" {
  export const plugins: {
    input: {
      chain(data: unknown, options?: { forceType?: string; generateGraph?: boolean; target?: string }): unknown[];
    };
    output: {
      format(name: string, data: readonly unknown[], options?: Record<string, unknown>): unknown;
    };
    config: {
      get(plugin: string): unknown;
    };
  };
}
declare module "@citation-js/plugin-bibtex";
declare module "@citation-js/plugin-ris";
declare module "@citation-js/plugin-csl";
