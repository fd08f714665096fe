/**
 * The states a revision moves through and their labels, declared in lib/domain.ts (which
 * db/schema.ts builds its column from) and re-exported here as part of the workflow.
 */
import { WORKFLOW_STATES, type WorkflowState } from "@/lib/domain";

export { STATE_LABELS, WORKFLOW_STATES, type WorkflowState } from "@/lib/domain";

export const isWorkflowState = (value: unknown): value is WorkflowState => (WORKFLOW_STATES as readonly unknown[]).includes(value);
