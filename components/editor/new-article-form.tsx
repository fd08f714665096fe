"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { createArticleAction } from "@/lib/actions/articles";
import { newArticleSchema, type NewArticleInput } from "@/lib/validations/revision";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, TextInput, applyFieldErrors } from "@/components/ui/field";

/** Starts an article: its question and topic; the editor opens on the new draft. */
export function NewArticleForm({ topics }: { topics: string[] }) {
  const [error, setError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError: setFieldError,
    formState: { errors, isSubmitting },
  } = useForm<NewArticleInput>({ resolver: zodResolver(newArticleSchema), defaultValues: { question: "", topic: "" } });

  async function onSubmit(values: NewArticleInput) {
    setError(null);
    // On success the action redirects to the editor, so only failures come back.
    const result = await createArticleAction(values);
    if (result && !result.ok) {
      setError(result.message);
      applyFieldErrors(result, setFieldError);
    }
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-4 rounded-md border border-slate-200 bg-white p-5">
      {error && <Alert tone="error">{error}</Alert>}
      <Field
        id="question"
        label="Question"
        hint="The reader's question, used as the title, e.g. “What exercises help postpartum back pain at 3 months?”"
        error={errors.question?.message}
      >
        <TextInput
          id="question"
          invalid={!!errors.question}
          aria-describedby={["question-hint", errors.question ? "question-error" : ""].filter(Boolean).join(" ")}
          autoFocus
          {...register("question")}
        />
      </Field>
      <Field id="topic" label="Topic" hint="Specialty or topic, e.g. Obstetrics" error={errors.topic?.message}>
        <TextInput
          id="topic"
          list="known-topics"
          invalid={!!errors.topic}
          aria-describedby={["topic-hint", errors.topic ? "topic-error" : ""].filter(Boolean).join(" ")}
          {...register("topic")}
        />
      </Field>
      <datalist id="known-topics">
        {topics.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Creating…" : "Create and start writing"}
      </Button>
    </form>
  );
}
