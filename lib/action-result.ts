/**
 * What every server action returns (lib/actions/define-action.ts builds it): success with an
 * optional message and data, or a refusal with a code, a message and field errors for the form.
 * D is what a few refusals carry besides (the newer copy of a conflicting save, the library entry
 * a duplicate points to, a form's typed values); it is spread into the refusal.
 * Client-safe: forms import the types, the DAL and actions throw ActionError.
 */
export type FieldErrors = Record<string, string[] | undefined>;

export type ActionErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "invalid"
  | "conflict"
  | "not_found"
  | "illegal_transition"
  /** A service the action needs (doi.org, PubMed) could not answer; nothing was changed. */
  | "unavailable";

export type ActionFailure = { ok: false; code: ActionErrorCode; message: string; fieldErrors?: FieldErrors };

export type ActionResult<T = undefined, D extends object = never> =
  { ok: true; message?: string; data?: T } | ActionFailure | (ActionFailure & D);

/**
 * A refusal, thrown anywhere inside an action (its run, its prepare step, the DAL it calls).
 * Inside the action's transaction it rolls everything back; defineAction returns it as
 * { ok: false, code, message, fieldErrors, ...details }. Anything else thrown is a real error and
 * is rethrown, never turned into a message.
 */
export class ActionError<D extends object = object> extends Error {
  constructor(
    readonly code: ActionErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
    readonly details?: D,
  ) {
    super(message);
    this.name = "ActionError";
  }

  /** One field's problem, shown at the field; the form's message defaults to "correct the highlighted fields". */
  static field(field: string, message: string, formMessage = INVALID_FIELDS): ActionError {
    return new ActionError("invalid", formMessage, { [field]: [message] });
  }

  toResult(): ActionFailure & D {
    return {
      ok: false,
      code: this.code,
      message: this.message,
      ...(this.fieldErrors ? { fieldErrors: this.fieldErrors } : {}),
      ...(this.details as D),
    };
  }
}

export const unauthenticated = (): ActionFailure => ({
  ok: false,
  code: "unauthenticated",
  message: "Your session has ended. Sign in again to continue.",
});

export const forbidden = (what = "do that"): ActionFailure => ({
  ok: false,
  code: "forbidden",
  message: `You don't have permission to ${what}.`,
});

export const INVALID_FIELDS = "Please correct the highlighted fields.";
/** For a request no form of ours sends (an unknown field, a missing id): nothing to highlight. */
export const INVALID_REQUEST = "That request was not valid.";

export const invalid = (fieldErrors: FieldErrors, message = INVALID_FIELDS): ActionFailure => ({
  ok: false,
  code: "invalid",
  message,
  fieldErrors,
});
