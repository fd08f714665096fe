import { z } from "@/lib/validations/zod";
import { MAX_SLUG_LENGTH, SLUG_PATTERN } from "@/lib/slug";

/**
 * The article editor's fields, shared by the react-hook-form form (zodResolver) and the server
 * actions. Every schema is strict: a field the form doesn't have is refused, not ignored.
 */

export const MAX_QUESTION = 300;
export const MAX_TOPIC = 80;
export const MAX_BODY = 100_000;
export const MAX_DISCLOSURE = 4000;

const question = z
  .string()
  .trim()
  .min(1, "Enter the question this article answers")
  .max(MAX_QUESTION, `The question is at most ${MAX_QUESTION} characters`);
const topic = z.string().trim().max(MAX_TOPIC, `The topic is at most ${MAX_TOPIC} characters`);
const slug = z
  .string()
  .trim()
  .min(1, "Enter a slug")
  .max(MAX_SLUG_LENGTH, `A slug is at most ${MAX_SLUG_LENGTH} characters`)
  .regex(SLUG_PATTERN, "Use lower-case letters, digits and single hyphens, like back-pain-after-birth");
// Bodies are not trimmed: the editor's text is saved exactly as typed.
const body = (label: string) => z.string().max(MAX_BODY, `${label} is at most ${MAX_BODY.toLocaleString("en")} characters`);
const id = z.number().int().positive();

export const newArticleSchema = z.object({ question, topic }).strict();
export type NewArticleInput = z.infer<typeof newArticleSchema>;

/** What the editor form holds. The question may be blank while drafting; submitting checks it. */
export const revisionFieldsSchema = z
  .object({
    question: z.string().trim().max(MAX_QUESTION, `The question is at most ${MAX_QUESTION} characters`),
    slug,
    topic,
    clinicianBody: body("The clinician wording"),
    patientBody: body("The patient wording"),
    disclosure: z.string().max(MAX_DISCLOSURE, `The disclosure is at most ${MAX_DISCLOSURE} characters`),
  })
  .strict();
export type RevisionFields = z.infer<typeof revisionFieldsSchema>;

/** One save: the fields plus which revision, at which version, they were edited from. */
export const saveRevisionSchema = revisionFieldsSchema
  .extend({ articleId: id, revisionId: id, version: z.number().int().positive() })
  .strict();
export type SaveRevisionInput = z.infer<typeof saveRevisionSchema>;

export const duplicateArticleSchema = z.object({ articleId: id }).strict();

/** The live preview's request body (route handler). */
export const previewSchema = z.object({ clinicianBody: body("The clinician wording"), patientBody: body("The patient wording") }).strict();
