"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { ActionMessage, messageOf, type ActionMessageValue } from "@/components/ui/action-message";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { inputClass } from "@/components/ui/field";
import { bulkAssignReviewersAction, bulkStartReReviewAction } from "@/lib/actions/bulk-articles";

export const BULK_FORM_ID = "bulk-form";

const articles = (n: number) => `${n.toLocaleString("en-GB")} ${n === 1 ? "article" : "articles"}`;

/**
 * Bulk actions on the ticked rows (their checkboxes belong to this form) or on the whole filtered
 * view, each behind a confirmation that names the count. The server acts on each article with the
 * single-article step and reports which were refused and why.
 */
export function BulkActions({
  viewQuery,
  viewTotal,
  reviewers,
  canReReview,
  canAssign,
}: {
  viewQuery: string;
  viewTotal: number;
  reviewers: { id: number; name: string }[];
  canReReview: boolean;
  canAssign: boolean;
}) {
  const router = useRouter();
  const [selected, setSelected] = useState<number[]>([]);
  const [scope, setScope] = useState<"selected" | "view">("selected");
  const [reviewerIds, setReviewerIds] = useState<number[]>([]);
  const [dueDate, setDueDate] = useState("");
  const [message, setMessage] = useState<ActionMessageValue | null>(null);
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    const read = () =>
      setSelected(
        [...document.querySelectorAll<HTMLInputElement>(`input[name="ids"][form="${BULK_FORM_ID}"]:checked`)].map((i) => Number(i.value)),
      );
    read();
    document.addEventListener("change", read);
    return () => document.removeEventListener("change", read);
  }, []);

  const count = scope === "selected" ? selected.length : viewTotal;
  const target = () =>
    scope === "selected" ? { ids: selected, expected: selected.length } : { view: viewQuery.replace(/^\?/, ""), expected: viewTotal };
  const run = (act: () => ReturnType<typeof bulkStartReReviewAction>) =>
    startTransition(async () => {
      const result = await act();
      setMessage(messageOf(result));
      if (result.ok) router.refresh();
    });

  return (
    <section aria-labelledby="bulk-heading" className="space-y-3 rounded-md border border-slate-200 bg-white p-4">
      <h2 id="bulk-heading" className="text-base font-semibold">
        Bulk actions
      </h2>
      <form id={BULK_FORM_ID} onSubmit={(e) => e.preventDefault()} className="space-y-3">
        <fieldset className="flex flex-wrap gap-4 text-sm">
          <legend className="sr-only-text">Apply to</legend>
          <label className="flex items-center gap-2">
            <input type="radio" name="scope" checked={scope === "selected"} onChange={() => setScope("selected")} />
            The {articles(selected.length)} selected
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="scope" checked={scope === "view"} onChange={() => setScope("view")} />
            All {articles(viewTotal)} in this view
          </label>
        </fieldset>
        <div className="flex flex-wrap items-end gap-3">
          {canReReview && (
            <ConfirmDialog
              trigger={
                <Button variant="secondary" disabled={pending || count === 0}>
                  Start re-review
                </Button>
              }
              title={`Start a re-review of ${articles(count)}?`}
              description="Each approved article gets a new working revision with its live text, submitted for review. Readers keep the approved versions meanwhile. Articles that can't be re-reviewed are skipped and listed."
              confirmLabel={`Start ${articles(count)}`}
              tone="primary"
              onConfirm={() => run(() => bulkStartReReviewAction(target()))}
            />
          )}
          {canAssign && (
            <>
              <div className="space-y-1">
                <label htmlFor="bulk-reviewers" className="block text-sm font-medium">
                  Reviewers
                </label>
                <select
                  id="bulk-reviewers"
                  multiple
                  size={3}
                  value={reviewerIds.map(String)}
                  onChange={(e) => setReviewerIds([...e.target.selectedOptions].map((o) => Number(o.value)))}
                  className={inputClass()}
                >
                  {reviewers.map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.name}
                    </option>
                  ))}
                </select>
              </div>
              <div className="space-y-1">
                <label htmlFor="bulk-due" className="block text-sm font-medium">
                  Review due
                </label>
                <input id="bulk-due" type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} className={inputClass()} />
              </div>
              <ConfirmDialog
                trigger={
                  <Button variant="secondary" disabled={pending || count === 0 || reviewerIds.length === 0 || !dueDate}>
                    Assign reviewers
                  </Button>
                }
                title={`Assign ${reviewerIds.length === 1 ? "this reviewer" : `${reviewerIds.length} reviewers`} to ${articles(count)}?`}
                description="Each submitted article goes under review with these reviewers, due on the date chosen; they are notified. Articles in other states are skipped and listed."
                confirmLabel={`Assign to ${articles(count)}`}
                tone="primary"
                onConfirm={() => run(() => bulkAssignReviewersAction({ ...target(), reviewerIds, dueDate }))}
              />
            </>
          )}
        </div>
      </form>
      <ActionMessage message={message} />
    </section>
  );
}
