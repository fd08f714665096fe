"use client";

import { Button } from "@/components/ui/button";
import { markNotificationsReadAction } from "@/lib/actions/workflow";
import { useWorkflowAction } from "./use-workflow-action";

export function MarkNotificationsRead() {
  const { pending, run } = useWorkflowAction();
  return (
    <Button variant="ghost" className="px-2 py-1" disabled={pending} onClick={() => run(() => markNotificationsReadAction())}>
      Mark all read
    </Button>
  );
}
