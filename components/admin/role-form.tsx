"use client";

import { useState, useTransition } from "react";
import { changeUserRoleAction } from "@/lib/actions/users";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/domain";
import { ActionMessage, messageOf, type ActionMessageValue } from "@/components/ui/action-message";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

export function RoleForm({ userId, name, role, openAssignments }: { userId: number; name: string; role: Role; openAssignments: number }) {
  const [next, setNext] = useState<Role>(role);
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<ActionMessageValue | null>(null);
  const leavesReviews = role === "reviewer" && next !== "reviewer" && openAssignments > 0;

  const save = () =>
    startTransition(async () => {
      const result = await changeUserRoleAction({ userId, role: next });
      setMessage(messageOf(result));
    });

  return (
    <div className="space-y-2">
      <label htmlFor="role" className="block text-sm font-medium">
        Role
      </label>
      <div className="flex flex-wrap gap-2">
        <select id="role" value={next} onChange={(e) => setNext(e.target.value as Role)} className={`${inputClass()} w-auto`}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
        <ConfirmDialog
          trigger={
            <Button variant="secondary" disabled={pending || next === role}>
              Change role
            </Button>
          }
          title={`Make ${name} ${ROLE_LABELS[next].toLowerCase()}?`}
          description={
            leavesReviews
              ? `They will be removed from ${openAssignments} open review${openAssignments === 1 ? "" : "s"} (the assigning editors are told). The change applies on their next request.`
              : "The change applies on their next request."
          }
          confirmLabel="Change role"
          tone="primary"
          onConfirm={save}
        />
      </div>
      <ActionMessage message={message} />
    </div>
  );
}
