import { JOB_STATUSES } from "@/db/schema";
import { first } from "@/lib/validations/page-param";
import { z } from "@/lib/validations/zod";

/** The job a retry or cancel button acts on. */
export const jobActionSchema = z.object({ jobId: z.number().int().positive() }).strict();

/** `/admin/jobs?status=`: one of the job states, or everything; anything else reads as everything. */
export const jobStatusFilter = z.preprocess(first, z.enum(JOB_STATUSES).optional().catch(undefined));

/** `/admin/mail?id=`: the message to show in full, if any. */
export const mailIdParam = z.preprocess(first, z.coerce.number().int().positive().optional().catch(undefined));
