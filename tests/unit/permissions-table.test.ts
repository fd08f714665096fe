import { afterEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/domain";
import { permissionsFor } from "@/lib/permissions";
import type * as transitions from "@/lib/workflow/transitions";
import { TRANSITIONS, type ActorCondition, type TransitionTable, type WorkflowAction } from "@/lib/workflow/transitions";
import type { ArticleFixture } from "../security/fixtures";

/**
 * The transitions table is the one place revision permissions are written: change one cell and
 * the named permission function, checkTransition and the access matrix's expectation all follow.
 */

type Role = Actor["role"];

/** The table with one cell changed: `role` may take `action` under `condition` (undefined: may not). */
function withCell(action: WorkflowAction, role: Role, condition: ActorCondition | undefined): TransitionTable {
  const allowed: Partial<Record<Role, ActorCondition>> = { ...TRANSITIONS[action].allowed };
  if (condition === undefined) delete allowed[role];
  else allowed[role] = condition;
  return { ...TRANSITIONS, [action]: { ...TRANSITIONS[action], allowed } };
}

const editor: Actor = { id: 2, role: "editor", active: true };
const reviewer: Actor = { id: 3, role: "reviewer", active: true };
/** A submitted revision someone else wrote, as the access matrix's "other" subject is. */
const othersSubmitted: ArticleFixture = { articleId: 1, revisionId: 1, slug: "s", question: "q", authorId: 20, state: "submitted" };

/** The modules as they would be built from `table` (the table module replaced, everything else fresh). */
async function loadWith(table: TransitionTable | null) {
  vi.resetModules();
  if (table) {
    vi.doMock("@/lib/workflow/transitions", async (importOriginal) => ({
      ...(await importOriginal<typeof transitions>()),
      TRANSITIONS: table,
    }));
  }
  const [{ ACTION_ROWS }, permissions, workflow] = await Promise.all([
    import("../security/access-table"),
    import("@/lib/permissions"),
    import("@/lib/workflow"),
  ]);
  const row = (action: string) => {
    const found = ACTION_ROWS.find((r) => r.action === action);
    if (!found) throw new Error(`No access-matrix row for ${action}`);
    return found;
  };
  return { row, permissions, workflow };
}

afterEach(() => {
  vi.doUnmock("@/lib/workflow/transitions");
  vi.resetModules();
});

describe("one cell of the transitions table decides", () => {
  it("letting any reviewer withdraw (not only the author) changes canWithdrawRevision, checkTransition and the matrix row", async () => {
    const table = withCell("withdraw", "reviewer", "any");
    expect(permissionsFor(TRANSITIONS).canWithdrawRevision(reviewer, othersSubmitted)).toBe(false);
    expect(permissionsFor(table).canWithdrawRevision(reviewer, othersSubmitted)).toBe(true);

    const request = { action: "withdraw", state: "submitted", actor: reviewer, revision: othersSubmitted, assignments: [] } as const;
    const before = await loadWith(null);
    expect(before.permissions.canWithdrawRevision(reviewer, othersSubmitted)).toBe(false);
    expect(before.workflow.checkTransition(request).ok).toBe(false);
    expect(before.row("lib/actions/workflow.ts#withdrawRevisionAction").allowed(reviewer, othersSubmitted)).toBe(false);

    const after = await loadWith(table);
    expect(after.permissions.canWithdrawRevision(reviewer, othersSubmitted)).toBe(true);
    expect(after.workflow.checkTransition(request).ok).toBe(true);
    expect(after.row("lib/actions/workflow.ts#withdrawRevisionAction").allowed(reviewer, othersSubmitted)).toBe(true);
  });

  it("dropping editors from submit changes canSubmitRevision, canAttemptRevisionAction, checkTransition and the matrix row", async () => {
    const table = withCell("submit", "editor", undefined);
    const draft = { ...othersSubmitted, state: "draft" };
    expect(permissionsFor(TRANSITIONS).canSubmitRevision(editor, draft)).toBe(true);
    expect(permissionsFor(table).canSubmitRevision(editor, draft)).toBe(false);
    expect(permissionsFor(table).canAttemptRevisionAction(editor, "submit")).toBe(false);

    const request = { action: "submit", state: "draft", actor: editor, revision: draft, assignments: [] } as const;
    const before = await loadWith(null);
    expect(before.workflow.checkTransition(request).ok).toBe(true);
    expect(before.row("lib/actions/workflow.ts#submitRevisionAction").allowed(editor, draft)).toBe(true);

    const after = await loadWith(table);
    expect(after.permissions.canSubmitRevision(editor, draft)).toBe(false);
    expect(after.permissions.canAttemptRevisionAction(editor, "submit")).toBe(false);
    expect(after.workflow.checkTransition(request)).toMatchObject({ ok: false, code: "forbidden" });
    expect(after.row("lib/actions/workflow.ts#submitRevisionAction").allowed(editor, draft)).toBe(false);
  });

  it("letting editors approve makes them assignable reviewers, since eligibility is the sign-off rule", () => {
    const approveOnly = withCell("approve", "editor", "assigned_non_author");
    const bothDecisions: TransitionTable = {
      ...approveOnly,
      request_changes: withCell("request_changes", "editor", "assigned_non_author").request_changes,
    };
    const revision = { authorId: 20 };
    expect(permissionsFor(TRANSITIONS).canBeAssignedReviewer(editor, revision)).toBe(false);
    // Signing off is both decisions: one cell alone doesn't make editors board reviewers.
    expect(permissionsFor(approveOnly).canBeAssignedReviewer(editor, revision)).toBe(false);
    expect(permissionsFor(bothDecisions).canBeAssignedReviewer(editor, revision)).toBe(true);
    expect(permissionsFor(bothDecisions).canBeAssignedReviewer(editor, { authorId: editor.id })).toBe(false);
  });

  it("reads the state column too: availableRevisionActions follows a cell's `from`", () => {
    const table: TransitionTable = { ...TRANSITIONS, withdraw: { ...TRANSITIONS.withdraw, from: ["submitted", "under_review"] } };
    const revision = { authorId: 20 };
    expect(permissionsFor(TRANSITIONS).availableRevisionActions(editor, revision, [], "under_review").withdraw).toBe(false);
    expect(permissionsFor(table).availableRevisionActions(editor, revision, [], "under_review").withdraw).toBe(true);
  });
});
