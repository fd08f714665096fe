"use client";

import { useState, useTransition } from "react";
import { duplicateArticleAction } from "@/lib/actions/articles";
import { ActionMessage, messageOf, type ActionMessageValue } from "@/components/ui/action-message";
import { Button } from "@/components/ui/button";

/** "Duplicate as new article": a new draft with this article's current text; opens it in the editor. */
export function DuplicateArticleButton({ articleId }: { articleId: number }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<ActionMessageValue | null>(null);
  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        variant="secondary"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await duplicateArticleAction({ articleId });
            if (result && !result.ok) setError(messageOf(result));
          })
        }
      >
        {pending ? "Duplicating…" : "Duplicate as new article"}
      </Button>
      <ActionMessage message={error} compact />
    </div>
  );
}
