"use server";

import { revalidatePath } from "next/cache";
import { ActionError, INVALID_REQUEST } from "@/lib/action-result";
import { defineAction } from "@/lib/actions/define-action";
import { createPreviewLink, leaveGuestComment, refuseStaleToken, revokePreviewLink } from "@/lib/dal/preview-links";
import { canManagePreviewLinks } from "@/lib/permissions";
import { requestClientIp } from "@/lib/security/request-ip";
import { createPreviewLinkSchema, guestCommentSchema, revokePreviewLinkSchema } from "@/lib/validations/preview-link";

/** Makes a link; its URL (with the token) is in the result once and never again. */
export const createPreviewLinkAction = defineAction({
  schema: createPreviewLinkSchema,
  can: canManagePreviewLinks,
  forbidden: "make preview links",
  run: ({ user, input }) => createPreviewLink(user, input),
  refresh: (out) => revalidatePath(`/editor/articles/${out.articleId}`),
  message: "Preview link created. Copy it now: it is shown only once.",
  data: (out) => ({ url: out.url, expiresAt: out.expiresAt }),
});

export const revokePreviewLinkAction = defineAction({
  schema: revokePreviewLinkSchema,
  invalidMessage: INVALID_REQUEST,
  can: canManagePreviewLinks,
  forbidden: "revoke preview links",
  run: ({ user, input }) => revokePreviewLink(user, input.linkId),
  refresh: (out) => revalidatePath(`/editor/articles/${out.articleId}`),
  message: "Preview link revoked. It stopped working at once.",
});

const GONE = "This preview link has expired or was revoked, so it can't take comments.";

/** Public: the link's token is the only authorisation. Works as a plain form post without JavaScript. */
export const leaveGuestCommentAction = defineAction({
  public: true,
  form: { echo: ["name", "comment"] },
  schema: guestCommentSchema,
  invalidMessage: "Please check your comment.",
  prepare: async ({ input }) => {
    const ip = await requestClientIp();
    // Audited in a transaction of its own, so the refusal below doesn't roll the record back.
    if (refuseStaleToken(input.token, ip)) throw new ActionError("not_found", GONE);
    return { ip };
  },
  run: ({ input, prepared }) => {
    // A filled honeypot is a bot: answer as if stored, keep nothing.
    if (input.website) return;
    const result = leaveGuestComment({ token: input.token, name: input.name, comment: input.comment, ip: prepared.ip });
    if (result === "not_found") throw new ActionError("not_found", GONE);
    if (result === "rate_limited") throw new ActionError("conflict", "You have sent several comments recently. Please try again later.");
  },
  message: "Thank you. Your comment has been sent to the editors.",
});
