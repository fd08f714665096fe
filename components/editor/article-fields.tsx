import type { FieldErrors, UseFormRegister } from "react-hook-form";
import type { RevisionFields } from "@/lib/validations/revision";
import { Field, TextInput } from "@/components/ui/field";

/** The question (the article's title), its slug (locked once published) and its topic. */
export function ArticleFields({
  register,
  errors,
  slug,
  slugLocked,
}: {
  register: UseFormRegister<RevisionFields>;
  errors: FieldErrors<RevisionFields>;
  /** The slug as typed, for the address hint. */
  slug: string;
  slugLocked: boolean;
}) {
  return (
    <div className="space-y-4 rounded-md border border-slate-200 bg-white p-4">
      <Field id="question" label="Question (the article's title)" error={errors.question?.message}>
        <TextInput
          id="question"
          invalid={!!errors.question}
          aria-describedby={errors.question ? "question-error" : undefined}
          {...register("question")}
        />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id="slug"
          label="Slug"
          hint={slugLocked ? "Published: the address can no longer change." : `Address: /articles/${slug || "…"}`}
          error={errors.slug?.message}
        >
          <TextInput
            id="slug"
            readOnly={slugLocked}
            invalid={!!errors.slug}
            aria-describedby={["slug-hint", errors.slug ? "slug-error" : ""].filter(Boolean).join(" ")}
            className={slugLocked ? "bg-slate-50 text-muted" : undefined}
            {...register("slug")}
          />
        </Field>
        <Field id="topic" label="Topic" error={errors.topic?.message}>
          <TextInput
            id="topic"
            invalid={!!errors.topic}
            aria-describedby={errors.topic ? "topic-error" : undefined}
            {...register("topic")}
          />
        </Field>
      </div>
    </div>
  );
}
