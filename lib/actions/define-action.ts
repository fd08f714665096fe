import "server-only";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { writeTransaction } from "@/db";
import {
  ActionError,
  forbidden,
  INVALID_FIELDS,
  INVALID_REQUEST,
  invalid,
  unauthenticated,
  type ActionFailure,
  type ActionResult,
  type FieldErrors,
} from "@/lib/action-result";
import { getCurrentUser, getEnrollingUser, getSessionUser, type CurrentUser } from "@/lib/dal/session";

/**
 * The one shape of a server action. Every export of a "use server" file is made here, so each
 * reads as its domain step only and the request path is the same for all (docs/ARCHITECTURE.md,
 * "the request path of a staff action"):
 *
 *   1. session    getCurrentUser(): a user who still has to replace a temporary password counts as
 *                 signed out, except for the password change itself (allowTemporaryPassword).
 *                 Public actions (public: true) read no session.
 *   2. can        a named lib/permissions.ts function of the user, asked before the input is read;
 *                 canWithInput, asked after the parse, when the rule needs the input.
 *   3. parse      schema.safeParse (strict schemas in lib/validations: an unknown field is refused).
 *   4. prepare    optional async work the transaction can't hold (argon2, request headers); it may
 *                 commit its own records (a failed password try) and may refuse.
 *   5. run        inside ONE BEGIN IMMEDIATE transaction; DAL writes called here join it
 *                 (db/index.ts writeTransaction). Must be synchronous. An ActionError thrown
 *                 anywhere rolls it all back and becomes the refusal; any other error is rethrown.
 *   6. refresh    after commit: revalidatePath/revalidateTag (and this browser's session cookie).
 *   7. result     { ok: true, message?, data? }, or redirect() after everything, outside any try.
 *
 * A refusal is { ok: false, code, message, fieldErrors?, ...details } (lib/action-result.ts).
 */

type Ctx<I, U> = { user: U; input: I };
type RunCtx<I, U, P> = Ctx<I, U> & { prepared: P };

type Definition<S extends z.ZodType, U, P, Out, T> = {
  schema: S;
  /** The refusal message for input that fails the schema (an unknown field always gets INVALID_REQUEST). */
  invalidMessage?: string | ((error: z.ZodError) => string);
  /** Field errors of a failed parse, keyed as the form's fields; default: by the first path segment. */
  fieldErrorsOf?: (error: z.ZodError) => FieldErrors;
  prepare?: (ctx: Ctx<z.output<S>, U>) => Promise<P>;
  run: (ctx: RunCtx<z.output<S>, U, P>) => Out;
  refresh?: (out: Out, ctx: Ctx<z.output<S>, U>) => void | Promise<void>;
  message?: string | ((out: Out, ctx: Ctx<z.output<S>, U>) => string | undefined);
  data?: (out: Out, ctx: Ctx<z.output<S>, U>) => T;
  /** Where to go on success; redirect() is called after commit and refresh, outside any try. */
  redirect?: (out: Out, ctx: Ctx<z.output<S>, U>) => string;
};

export type StaffActionDefinition<S extends z.ZodType, P, Out, T> = Definition<S, CurrentUser, P, Out, T> & {
  public?: false;
  can: (user: CurrentUser) => boolean;
  canWithInput?: (user: CurrentUser, input: z.output<S>) => boolean;
  /** Completes "You don't have permission to …". */
  forbidden: string;
  /** Only for the password change: a user with a temporary password may call it. */
  allowTemporaryPassword?: true;
  /** Only for two-factor enrolment: a user the site requires to enrol first may call it. */
  allowTwoFactorSetup?: true;
};

export type PublicFormDefinition<S extends z.ZodType, P, Out, T, V extends string> = Definition<S, null, P, Out, T> & {
  public: true;
  /** A (prevState, FormData) form action; refusals carry these fields back as `values` to refill the form. */
  form: { echo: readonly V[] };
};

export type ServerAction<T = undefined, D extends object = never> = (input?: unknown) => Promise<ActionResult<T, D>>;
export type FormValues<V extends string> = { values: Record<V, string> };
export type FormAction<T, V extends string> = (
  prev: ActionResult<T, FormValues<V>> | undefined,
  formData: FormData,
) => Promise<ActionResult<T, FormValues<V>>>;

const DEFINED = Symbol.for("vetted.defineAction");

/** Whether fn was made by defineAction (tests/unit/actions-defined.test.ts checks every built action). */
export function isDefinedAction(fn: unknown): boolean {
  return typeof fn === "function" && (fn as unknown as Record<symbol, unknown>)[DEFINED] === true;
}

function brand<F extends (...args: never[]) => unknown>(fn: F): F {
  Object.defineProperty(fn, DEFINED, { value: true });
  return fn;
}

/** Field errors of a failed parse by the field they belong to (the first path segment). */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path[0];
    if (typeof key === "string") (out[key] ??= []).push(issue.message);
  }
  return out;
}

function invalidInput(
  def: Pick<Definition<z.ZodType, unknown, unknown, unknown, unknown>, "invalidMessage" | "fieldErrorsOf">,
  error: z.ZodError,
): ActionFailure {
  const fieldErrors = (def.fieldErrorsOf ?? fieldErrorsOf)(error);
  // A field no form of ours has is a crafted request: say so, not "correct the highlighted fields".
  if (error.issues.some((i) => i.code === "unrecognized_keys")) return invalid(fieldErrors, INVALID_REQUEST);
  const message = typeof def.invalidMessage === "function" ? def.invalidMessage(error) : (def.invalidMessage ?? INVALID_FIELDS);
  return invalid(fieldErrors, message);
}

async function perform<S extends z.ZodType, U, P, Out, T>(
  def: Definition<S, U, P, Out, T>,
  user: U,
  raw: unknown,
  canWithInput?: (input: z.output<S>) => boolean,
  forbiddenWhat?: string,
): Promise<ActionResult<T>> {
  const parsed = def.schema.safeParse(raw);
  if (!parsed.success) return invalidInput(def, parsed.error);
  const ctx: Ctx<z.output<S>, U> = { user, input: parsed.data };
  if (canWithInput && !canWithInput(ctx.input)) return forbidden(forbiddenWhat);

  let out: Out;
  try {
    const prepared = (def.prepare ? await def.prepare(ctx) : undefined) as P;
    out = writeTransaction(() => def.run({ ...ctx, prepared }));
  } catch (error) {
    if (!(error instanceof ActionError)) throw error;
    const refusal: ActionFailure = (error as ActionError).toResult();
    return refusal;
  }
  await def.refresh?.(out, ctx);
  if (def.redirect) redirect(def.redirect(out, ctx));
  const message = typeof def.message === "function" ? def.message(out, ctx) : def.message;
  const data = def.data?.(out, ctx);
  return { ok: true, ...(message !== undefined ? { message } : {}), ...(data !== undefined ? { data } : {}) };
}

/** A staff action: `(input) => Promise<ActionResult<T>>`, called from client components. */
export function defineAction<S extends z.ZodType, P = undefined, Out = void, T = undefined>(
  def: StaffActionDefinition<S, P, Out, T>,
): ServerAction<T>;
/** A public (prevState, FormData) form action, for useActionState; works without JavaScript. */
export function defineAction<S extends z.ZodType, P = undefined, Out = void, T = undefined, V extends string = string>(
  def: PublicFormDefinition<S, P, Out, T, V>,
): FormAction<T, V>;
export function defineAction<S extends z.ZodType, P, Out, T, V extends string>(
  def: StaffActionDefinition<S, P, Out, T> | PublicFormDefinition<S, P, Out, T, V>,
): ServerAction<T> | FormAction<T, V> {
  if (def.public) {
    const { echo } = def.form;
    return brand(async (_prev: unknown, formData: FormData) => {
      const raw = formFields(formData);
      const result = await perform(def, null, raw);
      if (result.ok) return result;
      const values = Object.fromEntries(echo.map((k) => [k, typeof raw[k] === "string" ? raw[k] : ""])) as Record<V, string>;
      return { ...result, values };
    });
  }
  return brand(async (input?: unknown) => {
    const user = await (def.allowTemporaryPassword ? getSessionUser() : def.allowTwoFactorSetup ? getEnrollingUser() : getCurrentUser());
    if (!user) return unauthenticated();
    if (!def.can(user)) return forbidden(def.forbidden);
    const { canWithInput } = def;
    return perform(def, user, input, canWithInput && ((parsed) => canWithInput(user, parsed)), def.forbidden);
  });
}

/** The form's own fields; React's progressive-enhancement fields ($ACTION_…) are not ours to validate. */
function formFields(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue;
    out[key] = typeof value === "string" ? value : "";
  }
  return out;
}
