import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Actor, ArticleLifecycle, Role, WorkflowState } from "@/lib/domain";
import { canSchedulePublication, canTakeDownArticle } from "@/lib/permissions";
import { formatZonedWithUtc, utcToZonedInput, zonedTimeToUtc } from "@/lib/time-zone";
import { scheduleSchema, withdrawArticleSchema } from "@/lib/validations/lifecycle";
import { readerRevisionId, type PublishPolicy } from "@/lib/visibility";
import {
  checkLifecycleAction,
  checkPublishTime,
  LIFECYCLE_ACTIONS,
  LIFECYCLE_TRANSITIONS,
  publicationOnApproval,
  readerStanding,
  type LifecycleAction,
} from "@/lib/workflow/lifecycle";

const actor = (role: Role, active = true): Actor => ({ id: 1, role, active });

describe("the lifecycle table", () => {
  it("lets admins take articles down always and editors only when the setting allows; reviewers never", () => {
    for (const action of ["withdraw_article", "republish", "archive_article"] as const) {
      expect(checkLifecycleAction({ action, actor: actor("admin"), editorsMayWithdraw: false, lifecycle: "active" }).ok).toBe(
        LIFECYCLE_TRANSITIONS[action].from.includes("active"),
      );
      expect(checkLifecycleAction({ action, actor: actor("editor"), editorsMayWithdraw: false, lifecycle: "withdrawn" })).toMatchObject({
        ok: false,
        code: "forbidden",
      });
      expect(checkLifecycleAction({ action, actor: actor("reviewer"), editorsMayWithdraw: true, lifecycle: "withdrawn" })).toMatchObject({
        ok: false,
        code: "forbidden",
      });
    }
    expect(canTakeDownArticle(actor("editor"), true)).toBe(true);
    expect(canTakeDownArticle(actor("editor"), false)).toBe(false);
    expect(canTakeDownArticle(actor("admin", false), true)).toBe(false);
    expect(canSchedulePublication(actor("editor"))).toBe(true);
    expect(canSchedulePublication(actor("reviewer"))).toBe(false);
  });

  it("refuses a withdrawal of a withdrawn article, a republish of an active one, and scheduling a taken-down article", () => {
    const admin = actor("admin");
    expect(checkLifecycleAction({ action: "withdraw_article", actor: admin, editorsMayWithdraw: false, lifecycle: "withdrawn" })).toEqual({
      ok: false,
      code: "illegal_transition",
      reason: "An article that is withdrawn can't be withdrawn",
    });
    expect(checkLifecycleAction({ action: "republish", actor: admin, editorsMayWithdraw: false, lifecycle: "active" }).ok).toBe(false);
    expect(
      checkLifecycleAction({
        action: "schedule_publication",
        actor: admin,
        editorsMayWithdraw: false,
        lifecycle: "withdrawn",
        revisionState: "approved",
      }).ok,
    ).toBe(false);
    expect(
      checkLifecycleAction({ action: "toString" as LifecycleAction, actor: admin, editorsMayWithdraw: true, lifecycle: "active" }).ok,
    ).toBe(false);
  });

  it("publishes on approval unless the time is still ahead", () => {
    const now = new Date("2026-12-07T22:00:00Z");
    expect(publicationOnApproval(null, now)).toEqual({ kind: "publish_now" });
    expect(publicationOnApproval("2026-12-07T21:59:59Z", now)).toEqual({ kind: "publish_now" });
    expect(publicationOnApproval("2026-12-07T22:00:30Z", now)).toEqual({ kind: "scheduled", at: "2026-12-07T22:00:30Z" });
  });

  it("refuses a scheduled publication for a withdrawal, a retraction, a replaced or changed revision", () => {
    const ok = {
      lifecycle: "active",
      revisionState: "approved",
      alreadyLive: false,
      isWorking: true,
      hashUnchanged: true,
      retractedTitles: [],
    } as const;
    expect(checkPublishTime(ok)).toEqual({ ok: true });
    const reasonOf = (check: ReturnType<typeof checkPublishTime>) => (check.ok ? "" : check.reason);
    expect(reasonOf(checkPublishTime({ ...ok, lifecycle: "withdrawn" }))).toContain("withdrawn");
    expect(reasonOf(checkPublishTime({ ...ok, retractedTitles: ["A trial"] }))).toContain("“A trial”");
    expect(checkPublishTime({ ...ok, isWorking: false }).ok).toBe(false);
    expect(checkPublishTime({ ...ok, hashUnchanged: false }).ok).toBe(false);
  });

  it("sends an archived article's readers to a readable successor, otherwise answers gone", () => {
    const base = { withdrawnAt: "2026-12-01T10:00:00Z", withdrawnReason: "Replaced", successorSlug: "next", successorReadable: true };
    expect(readerStanding({ ...base, lifecycle: "active" })).toEqual({ kind: "readable" });
    expect(readerStanding({ ...base, lifecycle: "archived" })).toEqual({ kind: "moved", successorSlug: "next" });
    expect(readerStanding({ ...base, lifecycle: "archived", successorReadable: false })).toMatchObject({ kind: "gone", archived: true });
    expect(readerStanding({ ...base, lifecycle: "withdrawn" })).toMatchObject({ kind: "gone", archived: false, reason: "Replaced" });
  });
});

describe("times in the site's zone", () => {
  it("reads a wall-clock time in a zone, across summer time, and refuses times that don't exist", () => {
    expect(zonedTimeToUtc("2026-12-24T09:30", "Europe/London")?.toISOString()).toBe("2026-12-24T09:30:00.000Z");
    expect(zonedTimeToUtc("2026-07-24T09:30", "Europe/London")?.toISOString()).toBe("2026-07-24T08:30:00.000Z");
    expect(zonedTimeToUtc("2026-07-24T09:30:15", "America/New_York")?.toISOString()).toBe("2026-07-24T13:30:15.000Z");
    // 01:30 on the spring-forward night does not exist in London; on the autumn night it happens twice (the first is taken).
    expect(zonedTimeToUtc("2026-03-29T01:30", "Europe/London")).toBeNull();
    expect(zonedTimeToUtc("2026-10-25T01:30", "Europe/London")?.toISOString()).toBe("2026-10-25T00:30:00.000Z");
    expect(zonedTimeToUtc("2026-02-30T09:30", "UTC")).toBeNull();
    expect(zonedTimeToUtc("next tuesday", "UTC")).toBeNull();
  });

  it("round-trips through the input's format and shows UTC beside the local time", () => {
    const at = new Date("2026-07-24T23:30:00Z");
    expect(utcToZonedInput(at, "Europe/Berlin")).toBe("2026-07-25T01:30");
    expect(zonedTimeToUtc(utcToZonedInput(at, "Europe/Berlin"), "Europe/Berlin")?.getTime()).toBe(at.getTime());
    expect(formatZonedWithUtc(at.toISOString(), "Europe/Berlin")).toBe("25 Jul 2026, 01:30 Europe/Berlin (2026-07-24 23:30 UTC)");
    expect(formatZonedWithUtc(at.toISOString(), "UTC")).toBe("24 Jul 2026, 23:30 UTC");
  });
});

describe("bad schedule input is refused with a field message", () => {
  const future = (ms: number) => utcToZonedInput(new Date(Date.now() + ms), "UTC", false);
  const issue = (input: Record<string, unknown>) => {
    const parsed = scheduleSchema.safeParse({ revisionId: 1, publishAt: "", unpublishAt: "", timeZone: "UTC", ...input });
    return parsed.success ? null : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };
  it("a publication time in the past", () =>
    expect(issue({ publishAt: "2020-01-01T10:00" })).toEqual(["publishAt: Choose a time in the future"]));
  it("an unparsable date", () => expect(issue({ publishAt: "tomorrow-ish" })?.[0]).toMatch(/^publishAt: Enter a date and time/));
  it("an expiry before the publication time", () =>
    expect(issue({ publishAt: future(3 * 3_600_000), unpublishAt: future(2 * 3_600_000) })).toEqual([
      "unpublishAt: The expiry must be after the publication time",
    ]));
  it("a time the zone skips", () =>
    expect(issue({ publishAt: "2030-03-31T02:30", timeZone: "Europe/Berlin" })?.[0]).toMatch(/doesn't exist in Europe\/Berlin/));
  it("accepts future times and an empty form (cancel)", () => {
    expect(issue({ publishAt: future(3_600_000), unpublishAt: future(7_200_000) })).toBeNull();
    expect(issue({})).toBeNull();
  });
  it("a withdrawal needs a reason readers can understand", () => {
    expect(withdrawArticleSchema.safeParse({ articleId: 1, reason: "recall" }).success).toBe(false);
    expect(withdrawArticleSchema.safeParse({ articleId: 1, reason: "The drug was recalled by the regulator." }).success).toBe(true);
  });
});

/**
 * A model of one article through random sequences of workflow and lifecycle steps, each judged by
 * the real rules (checkLifecycleAction, publicationOnApproval, checkPublishTime, readerRevisionId).
 * After every step: readers see nothing of a taken-down article, and whatever they see of it was
 * approved on the text it still has, and went live only through an allowed step.
 */
type Rev = { id: number; state: WorkflowState; hashOk: boolean; publishAt: number | null };
type Model = {
  t: number;
  lifecycle: ArticleLifecycle;
  revs: Map<number, Rev>;
  live: number | null;
  working: number;
  retracted: boolean;
  /** Revisions that ever went live, with the approval they went live on. */
  wentLive: Set<number>;
};

type Step =
  | { kind: "submit" | "review" | "request_changes" | "approve" | "edit" | "retract" | "withdraw" | "republish" | "archive" }
  | { kind: "schedule"; inSeconds: number | null }
  | { kind: "tick"; seconds: number }
  | { kind: "as"; role: Role; action: LifecycleAction; editorsMayWithdraw: boolean };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.constantFrom<Step>(
    { kind: "submit" },
    { kind: "review" },
    { kind: "approve" },
    { kind: "approve" },
    { kind: "request_changes" },
    { kind: "edit" },
    { kind: "retract" },
    { kind: "withdraw" },
    { kind: "republish" },
    { kind: "archive" },
  ),
  fc.record({ kind: fc.constant("schedule" as const), inSeconds: fc.option(fc.integer({ min: 1, max: 120 })) }),
  fc.record({ kind: fc.constant("tick" as const), seconds: fc.integer({ min: 1, max: 90 }) }),
  fc.record({
    kind: fc.constant("as" as const),
    role: fc.constantFrom<Role>("admin", "editor", "reviewer"),
    action: fc.constantFrom(...LIFECYCLE_ACTIONS),
    editorsMayWithdraw: fc.boolean(),
  }),
);

function makeLive(m: Model, rev: Rev) {
  // Going live is allowed only for an approved revision whose approval still holds.
  expect(rev.state).toBe("approved");
  expect(rev.hashOk).toBe(true);
  m.live = rev.id;
  m.wentLive.add(rev.id);
}

function apply(m: Model, s: Step, nextId: () => number): void {
  const working = m.revs.get(m.working)!;
  const admin = actor("admin");
  switch (s.kind) {
    case "submit":
      if (working.state === "draft" || working.state === "changes_requested") working.state = "submitted";
      return;
    case "review":
      if (working.state === "submitted") working.state = "under_review";
      return;
    case "request_changes":
      if (working.state === "under_review") working.state = "changes_requested";
      return;
    case "approve": {
      if (working.state !== "under_review" || !working.hashOk || m.retracted) return;
      working.state = "approved";
      const decision = publicationOnApproval(working.publishAt === null ? null : new Date(working.publishAt).toISOString(), new Date(m.t));
      if (decision.kind === "publish_now" && m.lifecycle === "active") makeLive(m, working);
      return;
    }
    case "edit": {
      // Editing an approved revision starts a new working one; editing one in review changes its hash (approvals lapse).
      if (working.state === "approved") {
        const id = nextId();
        m.revs.set(id, { id, state: "draft", hashOk: true, publishAt: null });
        m.working = id;
      } else if (working.state !== "draft") {
        working.state = "draft";
      }
      return;
    }
    case "retract":
      m.retracted = true;
      // A retraction changes the cited references' data, so no revision's approval holds any more.
      for (const rev of m.revs.values()) rev.hashOk = false;
      return;
    case "schedule": {
      const rule = checkLifecycleAction({
        action: "schedule_publication",
        actor: admin,
        editorsMayWithdraw: false,
        lifecycle: m.lifecycle,
        revisionState: working.state,
      });
      if (!rule.ok || m.live === working.id) return;
      working.publishAt = s.inSeconds === null ? null : m.t + s.inSeconds * 1000;
      return;
    }
    case "tick": {
      m.t += s.seconds * 1000;
      // The job of the working revision's schedule, if its time has come.
      if (working.state === "approved" && working.publishAt !== null && working.publishAt <= m.t && m.live !== working.id) {
        const check = checkPublishTime({
          lifecycle: m.lifecycle,
          revisionState: working.state,
          alreadyLive: false,
          isWorking: true,
          hashUnchanged: working.hashOk,
          retractedTitles: m.retracted ? ["x"] : [],
        });
        if (check.ok) makeLive(m, working);
        working.publishAt = null;
      }
      return;
    }
    case "withdraw":
      if (
        checkLifecycleAction({ action: "withdraw_article", actor: admin, editorsMayWithdraw: false, lifecycle: m.lifecycle }).ok &&
        m.live
      )
        m.lifecycle = "withdrawn";
      return;
    case "archive":
      if (checkLifecycleAction({ action: "archive_article", actor: admin, editorsMayWithdraw: false, lifecycle: m.lifecycle }).ok && m.live)
        m.lifecycle = "archived";
      return;
    case "republish": {
      if (!checkLifecycleAction({ action: "republish", actor: admin, editorsMayWithdraw: false, lifecycle: m.lifecycle }).ok) return;
      const candidate = working.state === "approved" ? working : m.live ? m.revs.get(m.live)! : null;
      if (!candidate || !candidate.hashOk || m.retracted) return;
      m.lifecycle = "active";
      if (candidate.id !== m.live) makeLive(m, candidate);
      return;
    }
    case "as": {
      // Whoever asks, the table alone decides; a reviewer never changes the article's standing.
      const verdict = checkLifecycleAction({
        action: s.action,
        actor: actor(s.role),
        editorsMayWithdraw: s.editorsMayWithdraw,
        lifecycle: m.lifecycle,
        revisionState: working.state,
      });
      if (s.role === "reviewer") expect(verdict.ok).toBe(false);
      if (s.role === "editor" && s.action !== "schedule_publication" && !s.editorsMayWithdraw) expect(verdict.ok).toBe(false);
      return;
    }
  }
}

function readerSees(m: Model, policy: PublishPolicy): number | null {
  const working = m.revs.get(m.working)!;
  return readerRevisionId({ liveRevisionId: m.live, workingRevisionId: m.working, lifecycle: m.lifecycle }, working.state, policy);
}

describe("no sequence of steps publishes unapproved content or shows a taken-down article", () => {
  it("holds for random sequences", () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 60 }), (steps) => {
        let id = 1;
        const m: Model = {
          t: 0,
          lifecycle: "active",
          revs: new Map([[1, { id: 1, state: "draft", hashOk: true, publishAt: null }]]),
          live: null,
          working: 1,
          retracted: false,
          wentLive: new Set(),
        };
        for (const s of steps) {
          apply(m, s, () => ++id);
          for (const policy of ["on-submit", "approved-only"] as const) {
            const seen = readerSees(m, policy);
            if (m.lifecycle !== "active") expect(seen).toBeNull();
            if (seen === null) continue;
            const rev = m.revs.get(seen)!;
            if (seen === m.live) {
              expect(rev.state).toBe("approved");
              expect(m.wentLive.has(seen)).toBe(true);
            } else {
              // Only a pending revision under on-submit, never an approved one that waits for its time.
              expect(policy).toBe("on-submit");
              expect(["submitted", "under_review"]).toContain(rev.state);
            }
          }
        }
      }),
      { numRuns: 400 },
    );
  });
});
