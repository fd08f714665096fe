import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expandPageRange } from "@/lib/citations/lookup";
import { parseLookupQuery } from "@/lib/citations/identifiers";
import { integrityVerdict } from "@/lib/citations/integrity";
import { createReferenceLookup, LookupError } from "@/lib/reference-lookup";
import { startLookupStub } from "../../scripts/e2e-lookup-stub.mjs";

type LookupStub = Awaited<ReturnType<typeof startLookupStub>>;

let stub: LookupStub;
beforeAll(async () => {
  stub = await startLookupStub();
});
afterAll(() => stub.close());

const lookupFor = (extra: { apiKey?: string; timeoutMs?: number } = {}) =>
  createReferenceLookup({ doiResolverUrl: stub.doiResolverUrl, eutilsUrl: stub.eutilsUrl, ...extra });

describe("what the editor types", () => {
  test.each([
    ["https://doi.org/10.1056/NEJMoa1511939", { kind: "doi", doi: "10.1056/NEJMoa1511939" }],
    ["doi:10.1056/NEJMoa1511939.", { kind: "doi", doi: "10.1056/NEJMoa1511939" }],
    ["PMID: 9500320", { kind: "pmid", pmid: "9500320" }],
    ["https://pubmed.ncbi.nlm.nih.gov/9500320/", { kind: "pmid", pmid: "9500320" }],
    ["not an identifier", null],
  ])("%s", (input, expected) => {
    expect(parseLookupQuery(input)).toEqual(expected);
  });

  test("MEDLINE page ranges are written in full", () => {
    expect(expandPageRange("637-41")).toBe("637-641");
    expect(expandPageRange("2103-16")).toBe("2103-2116");
    expect(expandPageRange("e178-e188")).toBe("e178-e188");
    expect(expandPageRange("1339-1346")).toBe("1339-1346");
    expect(expandPageRange("445")).toBe("445");
  });
});

describe("by DOI (content negotiation)", () => {
  test("asks for CSL-JSON and fills the fields, keeping the registered case of the DOI", async () => {
    const lookup = lookupFor();
    const found = await lookup.lookup({ kind: "doi", doi: "10.1056/nejmoa1511939" });
    expect(stub.requests.at(-1)).toMatchObject({ path: "/doi/10.1056/nejmoa1511939", accept: "application/vnd.citationstyles.csl+json" });
    expect(found?.reference).toMatchObject({
      type: "research",
      title: "A Randomized Trial of Intensive versus Standard Blood-Pressure Control",
      source: "New England Journal of Medicine",
      sourceAbbrev: "N Engl J Med",
      year: 2015,
      volume: "373",
      issue: "22",
      pages: "2103-2116",
      doi: "10.1056/NEJMoa1511939",
      url: null,
    });
    expect(found?.reference.authors.slice(0, 2)).toEqual([
      { literal: "The SPRINT Research Group" },
      { family: "Wright", given: "Jackson T." },
    ]);
    expect(integrityVerdict(found!.signals)).toMatchObject({ status: "notice", kind: "correction" });
  });

  test("a DOI nobody registered is null, not an error", async () => {
    expect(await lookupFor().lookup({ kind: "doi", doi: "10.5555/nothing-here" })).toBeNull();
  });

  test("answers are cached: the second look-up sends nothing", async () => {
    const lookup = lookupFor();
    await lookup.lookup({ kind: "doi", doi: "10.1056/NEJMoa1511939" });
    const sent = stub.requests.length;
    await lookup.lookup({ kind: "doi", doi: "10.1056/NEJMOA1511939" });
    expect(stub.requests.length).toBe(sent);
  });
});

describe("by PMID (E-utilities esummary)", () => {
  test("fills the fields and reads the retraction PubMed records", async () => {
    const found = await lookupFor().lookup({ kind: "pmid", pmid: "9500320" });
    const request = stub.requests.at(-1)!;
    expect(request.path).toBe("/eutils/esummary.fcgi");
    expect(Object.fromEntries(request.query)).toMatchObject({ db: "pubmed", id: "9500320", retmode: "json" });
    expect(request.query.has("api_key")).toBe(false);
    expect(found?.reference).toMatchObject({
      title: "Ileal-lymphoid-nodular hyperplasia, non-specific colitis, and pervasive developmental disorder in children",
      source: "Lancet (London, England)",
      sourceAbbrev: "Lancet",
      year: 1998,
      volume: "351",
      issue: "9103",
      pages: "637-641",
      pmid: "9500320",
      doi: "10.1016/s0140-6736(97)11096-0",
    });
    expect(found?.reference.authors[0]).toEqual({ family: "Wakefield", given: "A J" });
    expect(integrityVerdict(found!.signals)).toEqual({
      status: "retracted",
      note: "Retracted, per the record's own metadata (PubMed): “Retraction in: Lancet. 2010 Feb 6;375(9713):445”",
    });
  });

  test("a PMID PubMed doesn't have is null", async () => {
    expect(await lookupFor().lookup({ kind: "pmid", pmid: "99999998" })).toBeNull();
  });

  test("at most 3 requests a second without an API key; the key is sent and allows 10", async () => {
    const slow = lookupFor();
    const from = stub.requests.length;
    await Promise.all(["11111111", "11111112", "11111113"].map((pmid) => slow.lookup({ kind: "pmid", pmid })));
    const times = stub.requests.slice(from).map((r) => r.at);
    expect(times).toHaveLength(3);
    expect(times[2] - times[0]).toBeGreaterThanOrEqual(600);

    const keyed = lookupFor({ apiKey: "test-key" });
    const start = stub.requests.length;
    const began = Date.now();
    await Promise.all(["21111111", "21111112", "21111113"].map((pmid) => keyed.lookup({ kind: "pmid", pmid })));
    expect(Date.now() - began).toBeLessThan(600);
    expect(stub.requests.slice(start).every((r) => r.query.get("api_key") === "test-key")).toBe(true);
  });
});

describe("when the service can't answer", () => {
  test("nothing listening: a clear message naming what to do instead", async () => {
    const closed = await startLookupStub();
    await closed.close();
    const lookup = createReferenceLookup({ doiResolverUrl: closed.doiResolverUrl, eutilsUrl: closed.eutilsUrl });
    const error = await lookup.lookup({ kind: "doi", doi: "10.1056/NEJMoa1511939" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LookupError);
    expect((error as LookupError).message).toBe("Couldn't reach doi.org — enter the reference by hand or import a file.");
    const pubmed = await lookup.lookup({ kind: "pmid", pmid: "9500320" }).catch((e: unknown) => e);
    expect((pubmed as LookupError).message).toBe("Couldn't reach PubMed — enter the reference by hand or import a file.");
  });

  test("an answer slower than the timeout counts as unreachable", async () => {
    stub.hang(true);
    try {
      const began = Date.now();
      const error = await lookupFor({ timeoutMs: 300 })
        .lookup({ kind: "doi", doi: "10.1056/NEJMoa1511939" })
        .catch((e: unknown) => e);
      expect((error as LookupError).reason).toBe("unreachable");
      expect(Date.now() - began).toBeLessThan(3000);
    } finally {
      stub.hang(false);
    }
  });
});
