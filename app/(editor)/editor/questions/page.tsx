import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { QuestionTriage } from "@/components/questions/question-triage";
import { listNewQuestions, listRecentlyTriaged } from "@/lib/dal/follow-up-questions";
import { requireUser } from "@/lib/dal/session";
import { formatDateTime } from "@/lib/dates";
import { canTriageQuestions } from "@/lib/permissions";
import { AUDIENCE_LABELS } from "@/lib/reader/audience";

export const metadata: Metadata = { title: "Reader questions" };

export default async function QuestionsInboxPage() {
  const user = await requireUser();
  if (!canTriageQuestions(user)) notFound();
  const questions = listNewQuestions();
  const triaged = listRecentlyTriaged();
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">Reader questions</h1>
        <p className="text-sm text-muted">
          Follow-up questions readers sent from articles. Dismiss them, or turn one into a new draft article.
        </p>
      </div>
      <section aria-labelledby="new-questions" className="space-y-3">
        <h2 id="new-questions" className="text-lg font-semibold">
          New ({questions.length})
        </h2>
        {questions.length === 0 ? (
          <p className="rounded-md border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-muted">
            No new questions. Questions readers send appear here.
          </p>
        ) : (
          <ul className="space-y-3">
            {questions.map((q) => (
              <li key={q.id} className="space-y-3 rounded-md border border-slate-200 bg-white px-5 py-4" aria-label={`Question ${q.id}`}>
                <p className="whitespace-pre-wrap break-words">{q.question}</p>
                <p className="text-xs text-muted">
                  {formatDateTime(q.createdAt)} · from <a href={`/articles/${q.articleSlug}`}>{q.articleQuestion}</a>
                  {q.audience && <> · {AUDIENCE_LABELS[q.audience]}</>}
                  {q.email && (
                    <>
                      {" "}
                      · reply to <a href={`mailto:${q.email}`}>{q.email}</a>
                    </>
                  )}
                </p>
                <QuestionTriage id={q.id} question={q.question} />
              </li>
            ))}
          </ul>
        )}
      </section>
      {triaged.length > 0 && (
        <section aria-labelledby="triaged-questions" className="space-y-3">
          <h2 id="triaged-questions" className="text-lg font-semibold">
            Recently handled
          </h2>
          <ul className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white text-sm">
            {triaged.map((q) => (
              <li key={q.id} className="flex flex-wrap justify-between gap-2 px-4 py-2">
                <span className="min-w-0 flex-1 truncate">{q.question}</span>
                <span className="text-muted">
                  {q.status === "converted" ? (
                    <a href={`/editor/articles/${q.convertedArticleId}`} className="underline">
                      Draft created
                    </a>
                  ) : (
                    "Dismissed"
                  )}{" "}
                  · {formatDateTime(q.triagedAt)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
