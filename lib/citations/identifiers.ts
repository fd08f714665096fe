/**
 * DOI and PMID clean-up. Editors paste identifiers in every form they meet them
 * ("https://doi.org/10.1136/…", "doi: 10.1136/….", "PMID: 30337460"). A DOI is stored and shown
 * as registered ("10.1056/NEJMsa0810119"): DOIs are case-insensitive, so identity is decided on
 * its lower-case key (`doiKey`), which the library's unique index holds.
 */

const DOI_PREFIX = /^(?:https?:\/\/(?:dx\.|www\.)?doi\.org\/|(?:dx\.)?doi\.org\/|doi\s*:\s*|info:doi\/|doi\s+)/i;
const DOI_SYNTAX = /^10\.\d{4,9}\/\S+$/;

/** Strips resolver and label prefixes, URL-decoding and trailing sentence punctuation; keeps the case as given. */
export function normalizeDoi(input: string): string {
  let doi = input.trim();
  for (let previous = ""; previous !== doi;) {
    previous = doi;
    doi = doi.replace(DOI_PREFIX, "").trim();
  }
  if (/%[0-9a-f]{2}/i.test(doi)) {
    try {
      doi = decodeURIComponent(doi);
    } catch {
      // A stray "%" that is not an escape: keep the text as typed and let validation judge it.
    }
  }
  // Citations end "… doi:10.1136/x." — the period belongs to the sentence, not the DOI.
  return doi.replace(/[.,;]+$/, "");
}

/** What two DOIs are compared by: "10.1056/NEJMsa0810119" and "https://doi.org/10.1056/nejmsa0810119" are one DOI. */
export function doiKey(input: string): string {
  // ASCII only: DOIs are case-insensitive in ASCII, and SQLite's lower() (the stored doi_key) folds nothing else.
  return normalizeDoi(input).replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** True for a cleaned DOI: "10." + registrant code of 4–9 digits + "/" + a suffix without spaces. */
export function isValidDoi(doi: string): boolean {
  return DOI_SYNTAX.test(doi);
}

/** The cleaned DOI (case kept), or null if the input is not one. */
export function parseDoi(input: string): string | null {
  const doi = normalizeDoi(input);
  return isValidDoi(doi) ? doi : null;
}

const PMID_PREFIX = /^(?:pmid\s*:?\s*|https?:\/\/(?:pubmed\.ncbi\.nlm\.nih\.gov|www\.ncbi\.nlm\.nih\.gov\/pubmed)\/)/i;

export function normalizePmid(input: string): string {
  return input.trim().replace(PMID_PREFIX, "").replace(/\/$/, "").trim();
}

/** PubMed identifiers are positive integers (8 digits today); a leading zero means a typo. */
export function isValidPmid(pmid: string): boolean {
  return /^[1-9]\d{0,9}$/.test(pmid);
}

export function parsePmid(input: string): string | null {
  const pmid = normalizePmid(input);
  return isValidPmid(pmid) ? pmid : null;
}

export type LookupQuery = { kind: "doi"; doi: string } | { kind: "pmid"; pmid: string };

/** What "Add by DOI or PMID" was given: a DOI in any pasted form, or a PMID ("PMID: 9500320", a PubMed URL, digits). */
export function parseLookupQuery(input: string): LookupQuery | null {
  const text = input.trim();
  const doi = parseDoi(text);
  if (doi) return { kind: "doi", doi };
  const pmid = parsePmid(text);
  return pmid ? { kind: "pmid", pmid } : null;
}
