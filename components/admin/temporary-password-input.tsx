"use client";

import type { FieldError, UseFormRegisterReturn } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { TextInput, describedBy } from "@/components/ui/field";
import { suggestTemporaryPassword } from "./temporary-password";

/**
 * A temporary password an admin types or has suggested: shown in the clear (they must pass it on),
 * never autocompleted or spell-checked. Used when creating a user and when resetting a password.
 */
export function TemporaryPasswordInput({
  id,
  error,
  registration,
  onSuggest,
}: {
  id: string;
  error?: FieldError;
  registration: UseFormRegisterReturn;
  onSuggest: (password: string) => void;
}) {
  return (
    <div className="flex gap-2">
      <TextInput
        id={id}
        type="text"
        autoComplete="off"
        spellCheck={false}
        className="font-mono"
        invalid={!!error}
        {...describedBy(id, error)}
        {...registration}
      />
      <Button variant="secondary" className="shrink-0" onClick={() => onSuggest(suggestTemporaryPassword())}>
        Suggest
      </Button>
    </div>
  );
}
