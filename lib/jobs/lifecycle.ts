import "server-only";
import { z } from "zod";
import { writeTransaction } from "@/db";
import { PUBLISH_JOB, runScheduledExpiry, runScheduledPublication, UNPUBLISH_JOB } from "@/lib/dal/publication";
import { defineJob } from "@/lib/jobs/definition";
import { requestReaderRefresh } from "@/lib/reader-refresh-request";

/**
 * Scheduled publication and expiry (lib/dal/publication.ts): one job per revision and time,
 * enqueued with runAt = that time in the transaction that set it or approved the revision. The
 * database work is idempotent; the reader refresh after it is asked on every run, so a run whose
 * refresh failed is retried until the pages are fresh.
 */
const iso = z.string().refine((s) => !Number.isNaN(Date.parse(s)), "an ISO time");

export const publishJob = defineJob({
  kind: PUBLISH_JOB,
  payload: z.object({ revisionId: z.number().int().positive(), publishAt: iso }),
  run: async ({ revisionId, publishAt }) => {
    const run = writeTransaction((tx) => runScheduledPublication(tx, revisionId, publishAt));
    if (run) await requestReaderRefresh({ slugs: [run.slug], articleIds: [run.articleId] });
  },
});

export const unpublishJob = defineJob({
  kind: UNPUBLISH_JOB,
  payload: z.object({ revisionId: z.number().int().positive(), unpublishAt: iso }),
  run: async ({ revisionId, unpublishAt }) => {
    const run = writeTransaction((tx) => runScheduledExpiry(tx, revisionId, unpublishAt));
    if (run) await requestReaderRefresh({ slugs: [run.slug], articleIds: [run.articleId] });
  },
});
