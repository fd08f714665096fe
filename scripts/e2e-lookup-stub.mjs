// A local stand-in for doi.org and NCBI E-utilities, answering with the stored response bodies in
// tests/fixtures/lookup: `<origin>/doi/<DOI>` (content negotiation) and `<origin>/eutils/esummary.fcgi`.
// The end-to-end server points DOI_RESOLVER_URL and NCBI_EUTILS_URL here (scripts/e2e-server.mjs);
// the lookup unit test starts its own. Each request is kept in `requests` and, when a log file is
// given, appended to it as a JSON line, so a test in another process can see what was asked.
//
// Besides the stored records: a PMID of the form 77xxxxxx answers a synthetic record (the access
// matrix's probe, a fresh one per call), and a DOI under 10.9999/unreachable has its connection cut
// (the "couldn't reach doi.org" path), so no test has to stop the stub and disturb the others.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";

const FIXTURES = path.join(import.meta.dirname, "..", "tests", "fixtures", "lookup");
const fixture = (/** @type {string} */ name) => fs.readFileSync(path.join(FIXTURES, name), "utf8");

/** DOIs (lower case) and PMIDs the stub knows, with the file that answers each. */
const DOIS = /** @type {Record<string, string>} */ ({
  "10.1056/nejmoa1511939": "doi-10.1056-NEJMoa1511939.json",
  "10.1056/nejmoa1200303": "doi-10.1056-NEJMoa1200303.json",
});
const PMIDS = /** @type {Record<string, string>} */ ({ 9500320: "esummary-9500320.json" });

/** A plain journal article under a probe PMID. */
function probeRecord(/** @type {string} */ pmid) {
  const doc = {
    uid: pmid,
    pubdate: "2021 Mar",
    source: "J Probe Stud",
    fulljournalname: "Journal of Probe Studies",
    authors: [{ name: "Matrix AB", authtype: "Author" }],
    title: `Access matrix probe ${pmid}.`,
    volume: "1",
    issue: "1",
    pages: "1-9",
    pubtype: ["Journal Article"],
    articleids: [{ idtype: "pubmed", value: pmid }],
    references: [],
  };
  return JSON.stringify({ header: { type: "esummary", version: "0.3" }, result: { uids: [pmid], [pmid]: doc } });
}

/**
 * @param {{ port?: number; log?: string }} [options]
 * @returns {Promise<{ origin: string; doiResolverUrl: string; eutilsUrl: string; requests: Array<{ path: string; accept: string | undefined; query: URLSearchParams; at: number }>; hang(on: boolean): void; close(): Promise<void> }>}
 */
export async function startLookupStub({ port = 0, log } = {}) {
  /** @type {Array<{ path: string; accept: string | undefined; query: URLSearchParams; at: number }>} */
  const requests = [];
  let hanging = false;
  if (log) {
    fs.mkdirSync(path.dirname(log), { recursive: true });
    fs.writeFileSync(log, "");
  }
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://stub");
    const entry = { path: url.pathname, accept: req.headers.accept, query: url.searchParams, at: Date.now() };
    requests.push(entry);
    if (log) fs.appendFileSync(log, `${JSON.stringify({ ...entry, query: Object.fromEntries(url.searchParams) })}\n`);
    if (hanging) return;
    if (url.pathname.startsWith("/doi/")) {
      const doi = decodeURIComponent(url.pathname.slice("/doi/".length)).toLowerCase();
      if (doi.startsWith("10.9999/unreachable")) {
        req.socket.destroy();
        return;
      }
      const file = DOIS[doi];
      if (!file || !req.headers.accept?.includes("application/vnd.citationstyles.csl+json")) {
        res.writeHead(404, { "Content-Type": "text/html" }).end("<html><body><h1>DOI Not Found</h1></body></html>");
        return;
      }
      res.writeHead(200, { "Content-Type": "application/vnd.citationstyles.csl+json" }).end(fixture(file));
      return;
    }
    if (url.pathname === "/eutils/esummary.fcgi") {
      const id = url.searchParams.get("id") ?? "";
      const body = PMIDS[id]
        ? fixture(PMIDS[id])
        : /^77\d{6}$/.test(id)
          ? probeRecord(id)
          : fixture("esummary-not-found.json").replaceAll("99999999", id);
      res.writeHead(200, { "Content-Type": "application/json; charset=UTF-8" }).end(body);
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(undefined));
  });
  const address = /** @type {import("node:net").AddressInfo} */ (server.address());
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    doiResolverUrl: `${origin}/doi`,
    eutilsUrl: `${origin}/eutils`,
    requests,
    hang: (on) => {
      hanging = on;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve(undefined));
      }),
  };
}
