import type { Actor, AssignmentRef, RevisionRef } from "@/lib/domain";
import type { TransitionRule } from "./transitions";

/**
 * How an actor stands to one rule of the transitions table: "ok", or why not. The one evaluator
 * of the table's role and condition columns, used by checkTransition (which words the refusal)
 * and by lib/permissions.ts (which only needs yes or no).
 */
export type ActorStanding =
  | "ok"
  | "inactive"
  /** The role is not listed for the action. */
  | "role"
  /** The action is for the revision's author, and this actor isn't (or no revision was given). */
  | "not_author"
  /** The action is for assigned reviewers other than the author, and this actor wrote the revision. */
  | "author"
  /** The action is for assigned reviewers, and this actor isn't one (or no assignments were given). */
  | "not_assigned";

export function actorStanding(
  rule: TransitionRule,
  actor: Actor,
  revision?: RevisionRef,
  assignments: readonly AssignmentRef[] = [],
): ActorStanding {
  if (!actor.active) return "inactive";
  // Roles can come from old rows or a tampered token: refuse unknown ones rather than find them on Object.prototype.
  const condition = Object.hasOwn(rule.allowed, actor.role) ? rule.allowed[actor.role] : undefined;
  if (condition === undefined) return "role";
  const isAuthor = !!revision && actor.id === revision.authorId;
  const isAssigned = assignments.some((a) => a.reviewerId === actor.id);
  switch (condition) {
    case "any":
      return "ok";
    case "author":
      return isAuthor ? "ok" : "not_author";
    case "assigned_non_author":
      if (isAuthor) return "author";
      // Without the revision nobody can be shown to be on its panel.
      return revision && isAssigned ? "ok" : "not_assigned";
    case "assigned":
      return isAssigned ? "ok" : "not_assigned";
  }
}
