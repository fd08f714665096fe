import type { CommentItem } from "@/lib/dal/review";
import { formatDateTime } from "@/lib/dates";

/** The review discussion, oldest first; a quoted passage is shown as a blockquote above the comment. */
export function CommentThread({ comments }: { comments: CommentItem[] }) {
  if (comments.length === 0) return <p className="text-sm text-muted">No comments yet.</p>;
  return (
    <ol className="space-y-3" aria-label="Comments">
      {comments.map((c) => (
        <li
          key={c.id}
          className={
            c.guestName
              ? "rounded-md border border-dashed border-amber-400 bg-amber-50 px-4 py-3 text-sm"
              : "rounded-md border border-slate-200 bg-white px-4 py-3 text-sm"
          }
          data-guest-comment={c.guestName ? "true" : undefined}
        >
          <p className="flex flex-wrap gap-x-2">
            {c.guestName ? (
              <>
                <strong>{c.guestName}</strong>
                <span className="rounded bg-amber-200 px-1.5 text-xs font-semibold text-amber-950">Guest</span>
                <span className="text-xs text-muted">through {c.authorName}&apos;s preview link · not a sign-off</span>
              </>
            ) : (
              <strong>{c.authorName}</strong>
            )}
            <time dateTime={c.createdAt} className="text-muted">
              {formatDateTime(c.createdAt)}
            </time>
            {!c.onCurrentText && <span className="text-xs text-amber-900">on an earlier version</span>}
          </p>
          {c.quote && (
            <blockquote className="mt-2 border-l-4 border-brand-100 pl-3 italic text-muted">
              {c.quoteAudience && <span className="sr-only-text">Quoting the {c.quoteAudience} wording: </span>}“{c.quote}”
            </blockquote>
          )}
          <p className="mt-2 whitespace-pre-wrap break-words">{c.body}</p>
        </li>
      ))}
    </ol>
  );
}
