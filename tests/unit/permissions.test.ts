import { describe, expect, it } from "vitest";
import * as p from "@/lib/permissions";
import type { Actor } from "@/lib/permissions";

const admin: Actor = { id: 1, role: "admin", active: true };
const editor: Actor = { id: 2, role: "editor", active: true };
const reviewer: Actor = { id: 3, role: "reviewer", active: true };
const otherReviewer: Actor = { id: 4, role: "reviewer", active: true };
const inactiveAdmin: Actor = { id: 5, role: "admin", active: false };
const revisionByEditor = { authorId: 2 };
const assignedToReviewer = [{ reviewerId: 3 }];

describe("staff-wide permissions", () => {
  const cases: [string, (a: Actor | null) => boolean, Record<string, boolean>][] = [
    ["canUseEditorArea", p.canUseEditorArea, { admin: true, editor: true, reviewer: true, anonymous: false, inactive: false }],
    ["canCreateArticle", p.canCreateArticle, { admin: true, editor: true, reviewer: false, anonymous: false, inactive: false }],
    ["canAssignReviewers", p.canAssignReviewers, { admin: true, editor: true, reviewer: false, anonymous: false, inactive: false }],
    ["canManageReferences", p.canManageReferences, { admin: true, editor: true, reviewer: false, anonymous: false, inactive: false }],
    ["canTriageQuestions", p.canTriageQuestions, { admin: true, editor: true, reviewer: false, anonymous: false, inactive: false }],
    ["canStartReReview", p.canStartReReview, { admin: true, editor: true, reviewer: false, anonymous: false, inactive: false }],
    ["canManageUsers", p.canManageUsers, { admin: true, editor: false, reviewer: false, anonymous: false, inactive: false }],
    ["canEditSettings", p.canEditSettings, { admin: true, editor: false, reviewer: false, anonymous: false, inactive: false }],
    ["canViewAuditLog", p.canViewAuditLog, { admin: true, editor: false, reviewer: false, anonymous: false, inactive: false }],
    ["canChangeOwnPassword", p.canChangeOwnPassword, { admin: true, editor: true, reviewer: true, anonymous: false, inactive: false }],
    [
      "canChangeOwnNotifications",
      p.canChangeOwnNotifications,
      { admin: true, editor: true, reviewer: true, anonymous: false, inactive: false },
    ],
  ];
  const actors: Record<string, Actor | null> = { admin, editor, reviewer, anonymous: null, inactive: inactiveAdmin };
  for (const [name, fn, expected] of cases) {
    it(name, () => {
      const actual = Object.fromEntries(Object.entries(actors).map(([k, a]) => [k, fn(a)]));
      expect(actual).toEqual(expected);
    });
  }
});

describe("revision permissions", () => {
  it("only editorial staff edit and submit", () => {
    expect([admin, editor, reviewer, null].map((a) => p.canEditRevision(a, revisionByEditor))).toEqual([true, true, false, false]);
    expect([admin, editor, reviewer, null].map((a) => p.canSubmitRevision(a, revisionByEditor))).toEqual([true, true, false, false]);
  });

  it("lets the author or an editor withdraw", () => {
    const byReviewer = { authorId: reviewer.id };
    expect(p.canWithdrawRevision(reviewer, byReviewer)).toBe(true);
    expect(p.canWithdrawRevision(otherReviewer, byReviewer)).toBe(false);
    expect(p.canWithdrawRevision(editor, byReviewer)).toBe(true);
    expect(p.canWithdrawRevision(null, byReviewer)).toBe(false);
  });

  it("lets only an assigned, active, non-author reviewer sign off", () => {
    expect(p.canSignOff(reviewer, revisionByEditor, assignedToReviewer)).toBe(true);
    expect(p.canSignOff(otherReviewer, revisionByEditor, assignedToReviewer)).toBe(false);
    expect(p.canSignOff(reviewer, { authorId: reviewer.id }, assignedToReviewer)).toBe(false);
    expect(p.canSignOff({ ...reviewer, active: false }, revisionByEditor, assignedToReviewer)).toBe(false);
    expect(p.canSignOff(editor, revisionByEditor, [{ reviewerId: editor.id }])).toBe(false);
    expect(p.canSignOff(admin, revisionByEditor, [{ reviewerId: admin.id }])).toBe(false);
  });

  it("shows a revision to editorial staff and its assigned reviewers only", () => {
    expect(p.canViewRevision(editor, revisionByEditor, [])).toBe(true);
    expect(p.canViewRevision(reviewer, revisionByEditor, assignedToReviewer)).toBe(true);
    expect(p.canViewRevision(otherReviewer, revisionByEditor, assignedToReviewer)).toBe(false);
    expect(p.canViewRevision(null, revisionByEditor, assignedToReviewer)).toBe(false);
  });

  it("lets assigned reviewers and editorial staff comment", () => {
    expect(p.canCommentOnReview(reviewer, revisionByEditor, assignedToReviewer)).toBe(true);
    expect(p.canCommentOnReview(otherReviewer, revisionByEditor, assignedToReviewer)).toBe(false);
    expect(p.canCommentOnReview(editor, revisionByEditor, [])).toBe(true);
  });

  it("offers only active reviewers who did not write the revision for assignment", () => {
    expect(p.canBeAssignedReviewer(reviewer, revisionByEditor)).toBe(true);
    expect(p.canBeAssignedReviewer(reviewer, { authorId: reviewer.id })).toBe(false);
    expect(p.canBeAssignedReviewer({ ...reviewer, active: false }, revisionByEditor)).toBe(false);
    expect(p.canBeAssignedReviewer(editor, revisionByEditor)).toBe(false);
  });
});

describe("board profiles", () => {
  it("reviewers edit their own profile, admins anyone's", () => {
    expect(p.canEditBoardProfile(reviewer, reviewer.id)).toBe(true);
    expect(p.canEditBoardProfile(reviewer, otherReviewer.id)).toBe(false);
    expect(p.canEditBoardProfile(admin, otherReviewer.id)).toBe(true);
    expect(p.canEditBoardProfile(editor, editor.id)).toBe(false);
  });
});
