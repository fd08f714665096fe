"use server";

import { revalidatePath } from "next/cache";
import { ActionError, INVALID_REQUEST } from "@/lib/action-result";
import { defineAction } from "@/lib/actions/define-action";
import { reportError, resolveErrorReport, startRevisionFromReport, type ErrorReportOutcome } from "@/lib/dal/error-reports";
import { canEditRevision, canResolveErrorReports } from "@/lib/permissions";
import { questionLimit } from "@/lib/reader/question-limit";
import { requestClientIp } from "@/lib/security/request-ip";
import { errorReportIdSchema, errorReportSchema, resolveErrorReportSchema } from "@/lib/validations/error-report";

const THANKS = "Thank you. Your report has been sent to our editors.";

/** Public: any reader may report an error. Works as a plain form post without JavaScript. */
export const reportErrorAction = defineAction({
  public: true,
  form: { echo: ["description", "quote", "email"] },
  schema: errorReportSchema,
  invalidMessage: "Please check your report.",
  // The address every limit uses (never the first, client-written x-forwarded-for hop).
  prepare: async () => ({ ip: await requestClientIp() }),
  run: ({ input, prepared }) => {
    // A filled honeypot is a bot: answer as if stored, keep nothing.
    if (input.website) return;
    const result = reportError({
      slug: input.slug,
      description: input.description,
      quote: input.quote,
      email: input.email,
      audience: input.audience ?? null,
      ip: prepared.ip,
      limit: questionLimit(),
    });
    if (result === "not_found") throw new ActionError("not_found", "This article can't take reports right now.");
    if (result === "rate_limited") {
      throw new ActionError("conflict", "You have sent several reports in the last hour. Please try again later.");
    }
  },
  message: THANKS,
});

function outcome(result: ErrorReportOutcome) {
  if (result.ok) return result;
  if (result.reason === "not_found") throw new ActionError("not_found", "That report no longer exists.");
  throw new ActionError("conflict", "Someone has already resolved that report.");
}

export const resolveErrorReportAction = defineAction({
  schema: resolveErrorReportSchema,
  invalidMessage: "Please check the resolution note.",
  can: canResolveErrorReports,
  forbidden: "resolve error reports",
  run: ({ user, input }) => outcome(resolveErrorReport(user, input.id, input.resolution)),
  refresh: () => revalidatePath("/editor/error-reports"),
  message: (out) =>
    out.mailed ? "Report resolved. The reader will get your note by email." : "Report resolved. The reader left no email address.",
});

/** Opens the editor on a new draft of the article (or the edit already in progress), linked to the report. */
export const startRevisionFromReportAction = defineAction({
  schema: errorReportIdSchema,
  invalidMessage: INVALID_REQUEST,
  can: (user) => canResolveErrorReports(user) && canEditRevision(user),
  forbidden: "start a revision from an error report",
  run: ({ user, input }) => outcome(startRevisionFromReport(user, input.id)),
  refresh: (out) => {
    revalidatePath("/editor/error-reports");
    revalidatePath(`/editor/articles/${out.articleId}`);
  },
  redirect: (out) => `/editor/articles/${out.articleId}/edit`,
});
