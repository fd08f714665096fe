"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { deleteReferenceAction } from "@/lib/actions/references";
import type { CitingArticle } from "@/lib/dal/references-read";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

export function ReferenceDelete({ referenceId, citekey }: { referenceId: number; citekey: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [refusal, setRefusal] = useState<{ message: string; articles: CitingArticle[] } | null>(null);

  const run = () =>
    startTransition(async () => {
      setRefusal(null);
      const result = await deleteReferenceAction({ id: referenceId });
      if (result.ok) {
        router.push(`/editor/references?deleted=${encodeURIComponent(citekey)}`);
        return;
      }
      setRefusal({ message: result.message, articles: "citingArticles" in result ? result.citingArticles : [] });
    });

  return (
    <div className="space-y-3">
      <ConfirmDialog
        trigger={
          <Button variant="danger" disabled={pending}>
            {pending ? "Deleting…" : "Delete reference"}
          </Button>
        }
        title={`Delete ${citekey}?`}
        description="The reference leaves the library for good. A reference that any article cites (now or in an earlier revision) can't be deleted."
        confirmLabel="Delete"
        onConfirm={run}
      />
      {refusal && (
        <Alert tone="error">
          <p>{refusal.message}</p>
          {refusal.articles.length > 0 && (
            <ul className="mt-2 list-disc pl-5">
              {refusal.articles.map((a) => (
                <li key={a.articleId}>
                  <Link href={`/editor/articles/${a.articleId}`}>{a.question || a.slug}</Link>
                </li>
              ))}
            </ul>
          )}
        </Alert>
      )}
    </div>
  );
}
