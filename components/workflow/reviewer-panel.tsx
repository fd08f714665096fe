"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { inputClass } from "@/components/ui/field";
import { addReviewerAction, removeReviewerAction } from "@/lib/actions/workflow";
import { formatDate } from "@/lib/dates";
import { ActionMessage } from "@/components/ui/action-message";
import type { Candidate } from "./assign-reviewers-form";
import { useWorkflowAction } from "./use-workflow-action";

type Member = { reviewerId: number; name: string; credentials: string; dueAt: string | null; approvedCurrentText: boolean };

const inTwoWeeks = () => new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);

/** The assigned reviewers with their due dates; editors can add and remove while the review is open. */
export function ReviewerPanel({
  revisionId,
  members,
  candidates,
  canChange,
}: {
  revisionId: number;
  members: Member[];
  candidates: Candidate[];
  canChange: boolean;
}) {
  const { pending, message, run } = useWorkflowAction();
  const [reviewerId, setReviewerId] = useState("");
  const [dueDate, setDueDate] = useState(inTwoWeeks);
  const now = new Date().toISOString();

  return (
    <section aria-labelledby="panel-heading" className="space-y-3">
      <h2 id="panel-heading" className="text-lg font-semibold">
        Reviewers
      </h2>
      {members.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 bg-white px-4 py-4 text-sm text-muted">No reviewers are assigned.</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white">
          {members.map((m) => {
            const overdue = !!m.dueAt && m.dueAt < now && !m.approvedCurrentText;
            return (
              <li key={m.reviewerId} data-reviewer={m.name} className="flex flex-wrap items-center gap-3 px-4 py-2.5 text-sm">
                <span className="flex-1 font-medium">
                  {m.name}
                  {m.credentials && <span className="font-normal text-muted">, {m.credentials}</span>}
                </span>
                {m.approvedCurrentText ? (
                  <span className="text-emerald-800">Approved this text</span>
                ) : (
                  <span className={overdue ? "font-semibold text-red-800" : "text-muted"}>
                    {overdue ? "Overdue, was due " : "Due "}
                    {formatDate(m.dueAt)}
                  </span>
                )}
                {canChange && (
                  <ConfirmDialog
                    trigger={
                      <Button variant="ghost" className="px-2 py-1" disabled={pending} aria-label={`Remove ${m.name}`}>
                        Remove
                      </Button>
                    }
                    title={`Remove ${m.name} from this review?`}
                    description="Their approval, if any, stops counting towards the quorum. Their sign-offs stay on the record."
                    confirmLabel="Remove reviewer"
                    onConfirm={() => run(() => removeReviewerAction({ revisionId, reviewerId: m.reviewerId }))}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
      {canChange && candidates.length > 0 && (
        <form
          className="flex flex-wrap items-end gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            run(() => addReviewerAction({ revisionId, reviewerId: Number(reviewerId), dueDate }));
          }}
        >
          <div className="space-y-1">
            <label htmlFor="add-reviewer" className="block text-sm font-medium">
              Add a reviewer
            </label>
            <select id="add-reviewer" required value={reviewerId} onChange={(e) => setReviewerId(e.target.value)} className={inputClass()}>
              <option value="">Choose a board member</option>
              {candidates.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                  {c.credentials ? `, ${c.credentials}` : ""}
                </option>
              ))}
            </select>
          </div>
          <div className="space-y-1">
            <label htmlFor="add-due" className="block text-sm font-medium">
              Due by
            </label>
            <input
              id="add-due"
              type="date"
              required
              value={dueDate}
              onChange={(e) => setDueDate(e.target.value)}
              className={inputClass()}
            />
          </div>
          <Button type="submit" variant="secondary" disabled={pending || !reviewerId}>
            Add reviewer
          </Button>
        </form>
      )}
      <ActionMessage message={message} />
    </section>
  );
}
