"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { convertQuestionAction, dismissQuestionAction } from "@/lib/actions/follow-up-questions";
import { ActionMessage, messageOf } from "@/components/ui/action-message";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

/** Dismiss (confirmed, it can't be undone) or turn the question into a new draft article. */
export function QuestionTriage({ id, question }: { id: number; question: string }) {
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; text: string; articleId?: number } | null>(null);

  const run = (action: typeof dismissQuestionAction) =>
    startTransition(async () => {
      const r = await action({ id });
      setResult({ ...messageOf(r), articleId: r.ok ? r.data?.articleId : undefined });
    });

  if (result?.ok) {
    return (
      <p role="status" className="text-sm text-emerald-800">
        {result.text}{" "}
        {result.articleId && (
          <Link href={`/editor/articles/${result.articleId}`} className="underline">
            Open the draft
          </Link>
        )}
      </p>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button variant="primary" disabled={pending} onClick={() => run(convertQuestionAction)}>
        Turn into draft article
      </Button>
      <ConfirmDialog
        trigger={
          <Button variant="secondary" disabled={pending}>
            Dismiss
          </Button>
        }
        title="Dismiss this question?"
        description={<>“{question.length > 140 ? `${question.slice(0, 140)}…` : question}” leaves the inbox. This can&apos;t be undone.</>}
        confirmLabel="Dismiss question"
        onConfirm={() => run(dismissQuestionAction)}
      />
      {result && (
        <div className="w-full">
          <ActionMessage message={result} />
        </div>
      )}
    </div>
  );
}
