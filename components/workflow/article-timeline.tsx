import type { TimelineEvent } from "@/lib/dal/review";
import { formatDateTime } from "@/lib/dates";
import { STATE_LABELS, isWorkflowState } from "@/lib/workflow";

const ACTIONS: Record<string, string> = {
  "article.create": "created the article",
  "revision.create": "created a revision",
  "revision.edit": "edited the text",
  "revision.submit": "submitted the revision",
  "revision.withdraw": "withdrew the revision",
  "revision.request_changes": "requested changes",
  "revision.approve": "— the revision was approved and went live",
  "revision.start_re_review": "started a re-review",
  "review.assign": "started the review with the assigned reviewers",
  "review.add_reviewer": "added a reviewer",
  "review.remove_reviewer": "removed a reviewer",
  "review.comment": "commented",
  "review.approve": "signed an approval",
  "review.request_changes": "signed a request for changes",
  "review.sign_refused": "tried to sign with a wrong password (nothing was signed)",
  "review.sign_throttled": "was locked out of signing after repeated wrong passwords",
  "preview_link.created": "created a preview link",
  "preview_link.revoked": "revoked a preview link",
  "preview_link.comment": "left a comment through a preview link",
  "preview_link.refused": "— an expired or revoked preview link was refused",
  "preview_link.comment_refused": "— a comment through an expired or revoked preview link was refused",
};

function stateChange(summary: Record<string, unknown>): string | null {
  const before = (summary.before as { state?: unknown } | undefined)?.state;
  const after = (summary.after as { state?: unknown } | undefined)?.state;
  if (!isWorkflowState(before) || !isWorkflowState(after) || before === after) return null;
  return `${STATE_LABELS[before]} → ${STATE_LABELS[after]}`;
}

/** The article's audit trail, newest first: who did what, when (UTC). */
export function ArticleTimeline({ events }: { events: TimelineEvent[] }) {
  return (
    <section aria-labelledby="timeline-heading" className="space-y-2">
      <h2 id="timeline-heading" className="text-lg font-semibold">
        Timeline
      </h2>
      {events.length === 0 ? (
        <p className="text-sm text-muted">Nothing has happened to this article yet.</p>
      ) : (
        <ol className="space-y-1.5 border-l-2 border-slate-200 pl-4 text-sm">
          {events.map((e) => {
            const change = stateChange(e.summary);
            return (
              <li key={e.id} data-audit-action={e.action}>
                <time dateTime={e.at} className="block text-xs text-muted">
                  {formatDateTime(e.at)}
                </time>
                <span className="font-medium">{e.actorName}</span> {ACTIONS[e.action] ?? e.action}
                {change && <span className="ml-1 text-muted">({change})</span>}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
