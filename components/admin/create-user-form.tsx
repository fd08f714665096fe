"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { createUserAction } from "@/lib/actions/users";
import { createUserSchema, type CreateUserInput } from "@/lib/validations/user";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, TextInput, applyFieldErrors, describedBy, inputClass } from "@/components/ui/field";
import { TemporaryPasswordInput } from "./temporary-password-input";

export function CreateUserForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<CreateUserInput>({
    resolver: zodResolver(createUserSchema),
    defaultValues: { name: "", email: "", role: "reviewer", temporaryPassword: "" },
  });
  const {
    register,
    handleSubmit,
    setValue,
    formState: { errors, isSubmitting },
  } = form;

  async function onSubmit(values: CreateUserInput) {
    setError(null);
    const result = await createUserAction(values);
    if (!result.ok) {
      applyFieldErrors(result, form.setError);
      setError(result.message);
      return;
    }
    router.push(`/admin/users/${result.data?.userId}?created=1`);
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="max-w-xl space-y-5">
      {error && <Alert tone="error">{error}</Alert>}
      <Field id="name" label="Full name" error={errors.name?.message} hint="As readers and colleagues should see it, e.g. “Dr. Ana Ruiz”.">
        <TextInput id="name" autoComplete="off" invalid={!!errors.name} {...describedBy("name", errors.name)} {...register("name")} />
      </Field>
      <Field id="email" label="Email" error={errors.email?.message}>
        <TextInput
          id="email"
          type="email"
          autoComplete="off"
          invalid={!!errors.email}
          {...describedBy("email", errors.email)}
          {...register("email")}
        />
      </Field>
      <Field
        id="role"
        label="Role"
        error={errors.role?.message}
        hint="Board reviewers review and sign off assigned articles; editors write articles and assign reviewers; administrators can also manage users and settings."
      >
        <select id="role" className={inputClass(!!errors.role)} aria-describedby="role-hint" {...register("role")}>
          <option value="reviewer">Board reviewer</option>
          <option value="editor">Editor</option>
          <option value="admin">Administrator</option>
        </select>
      </Field>
      <Field
        id="temporaryPassword"
        label="Temporary password"
        error={errors.temporaryPassword?.message}
        hint="12–128 characters. Give it to the person privately; they must choose their own at first sign-in."
      >
        <TemporaryPasswordInput
          id="temporaryPassword"
          error={errors.temporaryPassword}
          registration={register("temporaryPassword")}
          onSuggest={(password) => setValue("temporaryPassword", password, { shouldValidate: true })}
        />
      </Field>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Creating…" : "Create user"}
      </Button>
    </form>
  );
}
