import "server-only";
import { fromDoiCsl, fromEsummary, type LookupFound, type LookupQuery } from "@/lib/citations/lookup";
import { serverEnv } from "@/lib/env";

/**
 * Fetching a reference by DOI (content negotiation, `Accept: application/vnd.citationstyles.csl+json`)
 * or PMID (NCBI E-utilities esummary). Each request gives up after 5 s; NCBI is asked at most 3
 * times a second without an API key (10 with one), as its usage policy requires; answers (found
 * or not found) are kept in memory for an hour, so a second look-up of the same identifier costs
 * nothing. A failure is a LookupError whose message tells the editor what to do instead.
 */

export class LookupError extends Error {
  constructor(
    message: string,
    readonly reason: "unreachable" | "not_found" | "unreadable",
  ) {
    super(message);
    this.name = "LookupError";
  }
}

export type LookupConfig = {
  doiResolverUrl: string;
  eutilsUrl: string;
  apiKey?: string;
  timeoutMs?: number;
  cacheMs?: number;
};

const TIMEOUT_MS = 5_000;
const CACHE_MS = 60 * 60 * 1000;
const CACHE_MAX = 500;
const USER_AGENT = "Vetted reference library (DOI and PMID lookup)";

const enterByHand = "enter the reference by hand or import a file";

/** Spaces calls at least `gapMs` apart, in call order: NCBI's 3 (or 10) requests a second. */
function createSpacer(gapMs: number) {
  let next = 0;
  return async () => {
    const now = Date.now();
    const at = Math.max(now, next);
    next = at + gapMs;
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
  };
}

export function createReferenceLookup(config: LookupConfig) {
  const timeoutMs = config.timeoutMs ?? TIMEOUT_MS;
  const cacheMs = config.cacheMs ?? CACHE_MS;
  const cache = new Map<string, { at: number; found: LookupFound | null }>();
  const ncbiTurn = createSpacer(config.apiKey ? 100 : 334);

  async function request(url: string, accept: string, service: string): Promise<Response> {
    try {
      return await fetch(url, {
        headers: { Accept: accept, "User-Agent": USER_AGENT },
        redirect: "follow",
        signal: AbortSignal.timeout(timeoutMs),
        cache: "no-store",
      });
    } catch {
      throw new LookupError(`Couldn't reach ${service} — ${enterByHand}.`, "unreachable");
    }
  }

  async function readJson(response: Response, service: string): Promise<unknown> {
    try {
      return (await response.json()) as unknown;
    } catch {
      throw new LookupError(`${service} answered with something that isn't citation data — ${enterByHand}.`, "unreadable");
    }
  }

  async function byDoi(doi: string): Promise<LookupFound | null> {
    const service = "doi.org";
    const response = await request(
      `${config.doiResolverUrl.replace(/\/$/, "")}/${encodeURI(doi).replace(/[?#]/g, encodeURIComponent)}`,
      "application/vnd.citationstyles.csl+json",
      service,
    );
    if (response.status === 404) return null;
    if (!response.ok) throw new LookupError(`${service} answered ${response.status} — ${enterByHand}.`, "unreachable");
    const found = fromDoiCsl(await readJson(response, service), doi);
    if (!found) throw new LookupError(`${service} has no citation data for this DOI — ${enterByHand}.`, "unreadable");
    return found;
  }

  async function byPmid(pmid: string): Promise<LookupFound | null> {
    const service = "PubMed";
    const params = new URLSearchParams({ db: "pubmed", id: pmid, retmode: "json", tool: "vetted" });
    if (config.apiKey) params.set("api_key", config.apiKey);
    await ncbiTurn();
    const response = await request(`${config.eutilsUrl.replace(/\/$/, "")}/esummary.fcgi?${params}`, "application/json", service);
    if (!response.ok) throw new LookupError(`${service} answered ${response.status} — ${enterByHand}.`, "unreachable");
    return fromEsummary(await readJson(response, service), pmid);
  }

  return {
    /** The reference the identifier names, null when none is registered; throws LookupError when the service can't answer. */
    async lookup(query: LookupQuery): Promise<LookupFound | null> {
      const key = query.kind === "doi" ? `doi:${query.doi.toLowerCase()}` : `pmid:${query.pmid}`;
      const hit = cache.get(key);
      if (hit && Date.now() - hit.at < cacheMs) return hit.found;
      const found = query.kind === "doi" ? await byDoi(query.doi) : await byPmid(query.pmid);
      if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
      cache.set(key, { at: Date.now(), found });
      return found;
    },
  };
}

let shared: { key: string; lookup: ReturnType<typeof createReferenceLookup> } | null = null;

/** The process's lookup, configured from the environment (one cache and one NCBI spacing per process). */
export function referenceLookup(): ReturnType<typeof createReferenceLookup> {
  const env = serverEnv();
  const key = `${env.DOI_RESOLVER_URL}\n${env.NCBI_EUTILS_URL}\n${env.NCBI_API_KEY ?? ""}`;
  if (shared?.key !== key) {
    shared = {
      key,
      lookup: createReferenceLookup({ doiResolverUrl: env.DOI_RESOLVER_URL, eutilsUrl: env.NCBI_EUTILS_URL, apiKey: env.NCBI_API_KEY }),
    };
  }
  return shared.lookup;
}
