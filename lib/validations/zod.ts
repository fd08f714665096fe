import { z } from "zod";

/**
 * Zod as every schema here uses it. Zod 4 tries `Function("")` once to decide whether to compile
 * its parsers; our Content-Security-Policy has no 'unsafe-eval', so in the browser that probe is
 * refused and Chrome logs a CSP issue on every page with a form (Lighthouse counts it against best
 * practices). Jitless mode skips the probe; parsing stays the same.
 */
z.config({ jitless: true });

export { z };
