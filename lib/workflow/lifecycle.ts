/**
 * The publishing lifecycle beside the revision workflow (docs/ARCHITECTURE.md has the diagram):
 * when an approved revision goes live (now, or at its `publishAt`), and an article's standing
 * for readers — active, withdrawn (410 with the reason) or archived (301 to its successor, 410
 * without one). Pure: the DAL runs these checks inside its write transactions and the unit tests
 * (workflow-lifecycle*.test.ts) drive them with random sequences.
 */
import type { Actor, ArticleLifecycle, Role, WorkflowState } from "@/lib/domain";

export const LIFECYCLE_ACTIONS = ["schedule_publication", "withdraw_article", "republish", "archive_article"] as const;
export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number];

/**
 * "any": the role may always act; "if_allowed": only when the site setting `editorsMayWithdraw`
 * lets editors take articles down (admins, the editor-in-chief, always may).
 */
export type LifecycleCondition = "any" | "if_allowed";

export type LifecycleRule = {
  /** Article states the action starts from. */
  from: readonly ArticleLifecycle[];
  /** Revision states the action is for (schedule_publication only); null: any revision. */
  revisionStates: readonly WorkflowState[] | null;
  /** Where the article goes; null when its standing is unchanged. */
  to: ArticleLifecycle | null;
  allowed: Readonly<Partial<Record<Role, LifecycleCondition>>>;
  onlyWho: string;
  cant: string;
};

const TAKE_DOWN = { admin: "any", editor: "if_allowed" } as const;

/** Every lifecycle action, who may take it and when: the one place these rules are written. */
export const LIFECYCLE_TRANSITIONS: Readonly<Record<LifecycleAction, LifecycleRule>> = {
  schedule_publication: {
    // Before or after approval, until the revision is live (the DAL refuses a live one).
    from: ["active"],
    revisionStates: ["draft", "submitted", "under_review", "changes_requested", "approved"],
    to: null,
    allowed: { admin: "any", editor: "any" },
    onlyWho: "Only editors and admins can schedule a publication",
    cant: "have its publication scheduled",
  },
  withdraw_article: {
    from: ["active"],
    revisionStates: null,
    to: "withdrawn",
    allowed: TAKE_DOWN,
    onlyWho: "Only the editor-in-chief (an admin) can withdraw an article",
    cant: "be withdrawn",
  },
  republish: {
    from: ["withdrawn"],
    revisionStates: null,
    to: "active",
    allowed: TAKE_DOWN,
    onlyWho: "Only the editor-in-chief (an admin) can republish an article",
    cant: "be republished",
  },
  archive_article: {
    from: ["active", "withdrawn"],
    revisionStates: null,
    to: "archived",
    allowed: TAKE_DOWN,
    onlyWho: "Only the editor-in-chief (an admin) can archive an article",
    cant: "be archived",
  },
};

const LIFECYCLE_PHRASES: Readonly<Record<ArticleLifecycle, string>> = {
  active: "active",
  withdrawn: "withdrawn",
  archived: "archived",
};

export type LifecycleCheck = { ok: true; to: ArticleLifecycle } | { ok: false; code: "forbidden" | "illegal_transition"; reason: string };

/** Whether the actor's role may take the action at all (a server action's cheap first gate). */
export function mayTakeLifecycleAction(action: LifecycleAction, actor: Actor | null, editorsMayWithdraw: boolean): boolean {
  if (!actor?.active || !Object.hasOwn(LIFECYCLE_TRANSITIONS, action)) return false;
  const rule = LIFECYCLE_TRANSITIONS[action];
  const condition = Object.hasOwn(rule.allowed, actor.role) ? rule.allowed[actor.role] : undefined;
  if (condition === "any") return true;
  return condition === "if_allowed" && editorsMayWithdraw;
}

/** The full check against the stored article (and revision, for scheduling): actor first, then state. */
export function checkLifecycleAction(input: {
  action: LifecycleAction;
  actor: Actor;
  editorsMayWithdraw: boolean;
  lifecycle: ArticleLifecycle;
  revisionState?: WorkflowState;
}): LifecycleCheck {
  if (!Object.hasOwn(LIFECYCLE_TRANSITIONS, input.action)) {
    return { ok: false, code: "illegal_transition", reason: `Unknown action "${input.action}"` };
  }
  const rule = LIFECYCLE_TRANSITIONS[input.action];
  if (!input.actor.active) return { ok: false, code: "forbidden", reason: "Your account is deactivated" };
  if (!mayTakeLifecycleAction(input.action, input.actor, input.editorsMayWithdraw)) {
    return { ok: false, code: "forbidden", reason: rule.onlyWho };
  }
  if (!rule.from.includes(input.lifecycle)) {
    return { ok: false, code: "illegal_transition", reason: `An article that is ${LIFECYCLE_PHRASES[input.lifecycle]} can't ${rule.cant}` };
  }
  if (rule.revisionStates && (!input.revisionState || !rule.revisionStates.includes(input.revisionState))) {
    return { ok: false, code: "illegal_transition", reason: `This revision can't ${rule.cant}` };
  }
  return { ok: true, to: rule.to ?? input.lifecycle };
}

/**
 * What happens once a revision's approval quorum is reached — kept apart from how the quorum is
 * counted (quorum.ts): publish now, or wait for a publication time still ahead.
 */
export type PublicationDecision = { kind: "publish_now" } | { kind: "scheduled"; at: string };

export function publicationOnApproval(publishAt: string | null, now: Date): PublicationDecision {
  if (publishAt && Date.parse(publishAt) > now.getTime()) return { kind: "scheduled", at: publishAt };
  return { kind: "publish_now" };
}

/** What a scheduled publication finds at its time; the first problem found refuses it. */
export type PublishTimeFacts = {
  lifecycle: ArticleLifecycle;
  revisionState: WorkflowState;
  /** The revision is already what readers see. */
  alreadyLive: boolean;
  /** It is still the article's working revision (no newer one replaced it). */
  isWorking: boolean;
  /** The content hash recomputed now equals the one the board approved. */
  hashUnchanged: boolean;
  /** Titles of cited references marked retracted since. */
  retractedTitles: readonly string[];
};

export type PublishTimeCheck = { ok: true } | { ok: false; reason: string };

export function checkPublishTime(f: PublishTimeFacts): PublishTimeCheck {
  if (f.lifecycle === "withdrawn") return { ok: false, reason: "The article was withdrawn; republish it before it can go live." };
  if (f.lifecycle === "archived") return { ok: false, reason: "The article was archived." };
  if (f.revisionState !== "approved") return { ok: false, reason: "The revision is no longer approved." };
  if (!f.isWorking) return { ok: false, reason: "A newer revision replaced this one." };
  if (f.retractedTitles.length) {
    return { ok: false, reason: `A cited reference has been marked retracted: ${f.retractedTitles.map((t) => `“${t}”`).join(", ")}.` };
  }
  if (!f.hashUnchanged) return { ok: false, reason: "The approved content changed since the board signed it; it needs a new approval." };
  return { ok: true };
}

/** What a reader URL answers for an article: its page, a 410 notice, a 301 to the successor, or 404. */
export type ReaderStanding =
  | { kind: "readable" }
  | { kind: "gone"; at: string | null; reason: string | null; archived: boolean }
  | { kind: "moved"; successorSlug: string };

export function readerStanding(article: {
  lifecycle: ArticleLifecycle;
  withdrawnAt: string | null;
  withdrawnReason: string | null;
  successorSlug: string | null;
  /** The successor is itself readable (a 301 to a page that is gone helps nobody). */
  successorReadable: boolean;
}): ReaderStanding {
  if (article.lifecycle === "active") return { kind: "readable" };
  if (article.lifecycle === "archived" && article.successorSlug && article.successorReadable) {
    return { kind: "moved", successorSlug: article.successorSlug };
  }
  return { kind: "gone", at: article.withdrawnAt, reason: article.withdrawnReason, archived: article.lifecycle === "archived" };
}
