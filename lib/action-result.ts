/** What every server action returns: success with optional data, or a message and field errors. */
export type ActionResult<T = undefined> =
  | { ok: true; message?: string; data?: T }
  | { ok: false; message: string; fieldErrors?: Record<string, string[] | undefined>; code?: ActionErrorCode };

export type ActionErrorCode = "unauthenticated" | "forbidden" | "invalid" | "conflict" | "not_found" | "illegal_transition";

export const unauthenticated = (): ActionResult<never> => ({
  ok: false,
  code: "unauthenticated",
  message: "Your session has ended. Sign in again to continue.",
});

export const forbidden = (what = "do that"): ActionResult<never> => ({
  ok: false,
  code: "forbidden",
  message: `You don't have permission to ${what}.`,
});

export const invalid = (
  fieldErrors: Record<string, string[] | undefined>,
  message = "Please correct the highlighted fields.",
): ActionResult<never> => ({
  ok: false,
  code: "invalid",
  message,
  fieldErrors,
});

/** A failed schema parse as an action result: the field errors, for the form to show inline. */
export const invalidInput = (error: { flatten(): { fieldErrors: Record<string, string[] | undefined> } }): ActionResult<never> =>
  invalid(error.flatten().fieldErrors);
