/**
 * Type-level checks. Vitest does not run this file (it is not *.test.ts); `npm run typecheck`
 * (tsc over tests/ too) does, and any expectTypeOf below that doesn't hold is a compile error.
 */
import { expectTypeOf } from "vitest";
import type { revisions, signOffs, users } from "@/db/schema";
import type { ActionErrorCode } from "@/lib/action-result";
import type { Role, SignOffDecision, WorkflowState } from "@/lib/domain";
import type { TransitionRefusal } from "@/lib/workflow";

// The columns are typed from lib/domain's tuples, so rows and the workflow speak of the same values.
expectTypeOf<(typeof revisions.$inferSelect)["state"]>().toEqualTypeOf<WorkflowState>();
expectTypeOf<(typeof users.$inferSelect)["role"]>().toEqualTypeOf<Role>();
expectTypeOf<(typeof signOffs.$inferSelect)["decision"]>().toEqualTypeOf<SignOffDecision>();

// A refused transition can be returned by a server action as it is.
expectTypeOf<TransitionRefusal>().toExtend<ActionErrorCode>();
