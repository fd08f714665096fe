import { z } from "@/lib/validations/zod";
import { CITEKEY_PATTERN } from "@/lib/citations/citekey";
import { parseAuthorLines } from "@/lib/citations/author-lines";
import { isValidDoi, isValidPmid, normalizeDoi, normalizePmid, parseLookupQuery } from "@/lib/citations/identifiers";
import { REFERENCE_NOTICE_KINDS, REFERENCE_TYPES } from "@/lib/citations/reference";

/**
 * One reference of the citation library, as the reference form, the server action and the
 * importer accept it. Blank optional fields become null; DOIs and PMIDs are normalised before
 * they are checked, so "https://doi.org/10.1136/X" and "PMID: 123" are accepted as typed.
 */

const blankToNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);

const optionalText = (label: string, max: number) =>
  z.preprocess(blankToNull, z.string().trim().max(max, `${label} is at most ${max} characters`).nullable().optional());

export const referenceAuthorSchema = z
  .object({
    family: z.string().trim().max(100, "A family name is at most 100 characters").optional(),
    given: z.string().trim().max(100, "Given names are at most 100 characters").optional(),
    literal: z.string().trim().max(300, "An organisation name is at most 300 characters").optional(),
  })
  .strict()
  .superRefine((author, ctx) => {
    if (!author.family && !author.literal) {
      ctx.addIssue({ code: "custom", message: "Each author needs a family name or an organisation name" });
    }
  })
  .transform((author) =>
    author.literal
      ? { literal: author.literal }
      : author.given
        ? { family: author.family, given: author.given }
        : { family: author.family },
  );

/** Years are checked when validating, not when this module loads, so "next year" stays right. */
const yearSchema = z.preprocess(
  (value) => {
    const blank = blankToNull(value);
    return typeof blank === "string" && /^\s*\d+\s*$/.test(blank) ? Number(blank) : blank;
  },
  z
    .number({ error: "Enter the year as a number, like 2018" })
    .int("Enter the year as a whole number")
    .min(1800, "The year must be 1800 or later")
    .refine((year) => year <= new Date().getUTCFullYear() + 1, "The year can be at most next year")
    .nullable()
    .optional(),
);

const doiSchema = z.preprocess(
  (value) => (typeof value === "string" ? blankToNull(normalizeDoi(value)) : value),
  z
    .string()
    .max(300, "A DOI is at most 300 characters")
    .refine(isValidDoi, "Enter a DOI like 10.1136/bjsports-2018-100056")
    .nullable()
    .optional(),
);

const pmidSchema = z.preprocess(
  (value) => (typeof value === "number" ? String(value) : typeof value === "string" ? blankToNull(normalizePmid(value)) : value),
  z.string().refine(isValidPmid, "A PMID is digits only, like 30337460").nullable().optional(),
);

export const referenceSchema = z
  .object({
    citekey: z.preprocess(
      blankToNull,
      z
        .string()
        .trim()
        .max(64, "A citekey is at most 64 characters")
        .regex(CITEKEY_PATTERN, "A citekey starts with a letter or digit and has no spaces")
        .nullable()
        .optional(),
    ),
    type: z.enum(REFERENCE_TYPES, { error: "Choose the type of reference" }),
    // One line: a title pasted from a PDF arrives with line breaks.
    title: z
      .string()
      .trim()
      .max(1000, "The title is at most 1000 characters")
      .transform((title) => title.replace(/\s+/g, " "))
      .default(""),
    // The form sends the authors as lines of text (see author-lines.ts); imports send a list.
    authors: z.preprocess(
      (value) => (typeof value === "string" ? parseAuthorLines(value) : value),
      z.array(referenceAuthorSchema, { error: "Enter the authors, one per line" }).max(500, "At most 500 authors").default([]),
    ),
    source: z.string().trim().max(500, "The source is at most 500 characters").default(""),
    sourceAbbrev: optionalText("The abbreviated source", 200),
    publisher: optionalText("The publisher", 300),
    year: yearSchema,
    volume: optionalText("The volume", 50),
    issue: optionalText("The issue", 50),
    pages: optionalText("The pages", 50),
    doi: doiSchema,
    pmid: pmidSchema,
    url: z.preprocess(
      blankToNull,
      z
        .url({ protocol: /^https?$/, error: "Enter a web address starting with https:// or http://" })
        .max(2000, "The web address is at most 2000 characters")
        .nullable()
        .optional(),
    ),
    accessedAt: z.preprocess(blankToNull, z.iso.date({ error: "Enter the date as YYYY-MM-DD" }).nullable().optional()),
  })
  .strict()
  .superRefine((ref, ctx) => {
    if (!ref.title && !ref.source) {
      ctx.addIssue({ code: "custom", path: ["title"], message: "Enter a title or a source" });
    }
  });

export type ReferenceInput = z.input<typeof referenceSchema>;
export type ReferenceValues = z.output<typeof referenceSchema>;

const referenceId = z.number({ error: "Choose a reference" }).int().positive();

/** Editing keeps the citekey: articles cite it, so it never changes once given. */
export const updateReferenceSchema = z.object({ id: referenceId, reference: referenceSchema }).strict();

export const deleteReferenceSchema = z.object({ id: referenceId }).strict();

export const RETRACTION_NOTE_MAX = 1000;

export const retractionSchema = z
  .object({
    id: referenceId,
    retracted: z.boolean(),
    note: z.string().trim().max(RETRACTION_NOTE_MAX, `The note is at most ${RETRACTION_NOTE_MAX} characters`).default(""),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.retracted && !value.note) {
      ctx.addIssue({
        code: "custom",
        path: ["note"],
        message: "Say where the retraction was published (the retraction notice, its DOI or date)",
      });
    }
  });

/** Imports are saved in batches so the editor sees progress and no request nears the 1 MB action body limit. */
export const IMPORT_BATCH_SIZE = 250;
/** Batches are also cut by size: a reference with hundreds of authors is large. */
export const IMPORT_BATCH_BYTES = 512 * 1024;

/**
 * What an imported record said about itself (lib/citations/integrity.ts): the reference is saved
 * retracted, or with a notice, and the note quotes the record. The editor may mark a reference
 * retracted by hand anyway, so taking this from the client grants nothing new.
 */
export const importedIntegritySchema = z.discriminatedUnion("status", [
  z
    .object({ citekey: z.string().min(1), status: z.literal("retracted"), note: z.string().trim().min(1).max(RETRACTION_NOTE_MAX) })
    .strict(),
  z
    .object({
      citekey: z.string().min(1),
      status: z.literal("notice"),
      kind: z.enum(REFERENCE_NOTICE_KINDS),
      note: z.string().trim().min(1).max(RETRACTION_NOTE_MAX),
    })
    .strict(),
]);
export type ImportedIntegrity = z.output<typeof importedIntegritySchema>;

export const importBatchSchema = z
  .object({
    references: z
      .array(referenceSchema.and(z.object({ citekey: z.string().regex(/.+/) })))
      .min(1, "Choose at least one reference to import")
      .max(IMPORT_BATCH_SIZE, `At most ${IMPORT_BATCH_SIZE} references per batch`),
    /** By citekey, for the references of this batch whose records carry a retraction or a notice. */
    integrity: z.array(importedIntegritySchema).max(IMPORT_BATCH_SIZE).default([]),
  })
  .strict();

export type RetractionInput = z.input<typeof retractionSchema>;

/** "Add by DOI or PMID": one identifier in any form an editor pastes. */
export const lookupReferenceSchema = z
  .object({
    query: z
      .string()
      .trim()
      .min(1, "Enter a DOI or a PMID")
      .max(300, "A DOI is at most 300 characters")
      .refine((q) => parseLookupQuery(q) !== null, "Enter a DOI like 10.1056/NEJMoa1511939 or a PMID like 26551272"),
  })
  .strict();
export type LookupReferenceInput = z.input<typeof lookupReferenceSchema>;
