"use client";

import { useWatch, type Control } from "react-hook-form";
import { diffWords } from "@/lib/diff";
import type { DraftFields } from "@/lib/editor/local-draft";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DiffLegend, DiffText } from "./diff-text";

const FIELD_LABELS: [keyof DraftFields, string][] = [
  ["question", "Question"],
  ["slug", "Slug"],
  ["topic", "Topic"],
  ["clinicianBody", "Clinician wording"],
  ["patientBody", "Patient wording"],
  ["disclosure", "Disclosure"],
];

/**
 * Shown when a save was refused because someone saved a newer version. The writer's text stays in
 * the form; this compares it with the saved one, field by field, and lets them choose.
 */
export function ConflictPanel({
  control,
  theirs,
  theirsLabel,
  message,
  onKeepMine,
  onUseTheirs,
}: {
  control: Control<DraftFields>;
  theirs: DraftFields;
  theirsLabel: string;
  message: string;
  onKeepMine: () => void;
  onUseTheirs: () => void;
}) {
  // Live: the writer may keep typing while deciding, and the comparison follows.
  const mine = useWatch({ control }) as DraftFields;
  const differing = FIELD_LABELS.filter(([key]) => mine[key] !== theirs[key]);
  return (
    <section aria-labelledby="conflict-heading" className="space-y-4 rounded-md border-2 border-red-300 bg-red-50/60 p-4">
      <div>
        <h2 id="conflict-heading" className="text-lg font-semibold text-red-950">
          Not saved: a newer version exists
        </h2>
        <p className="mt-1 text-sm text-red-950">{message}</p>
      </div>
      <div className="space-y-1">
        <h3 className="font-medium">Compare: {theirsLabel} → your text</h3>
        <DiffLegend />
      </div>
      {differing.length === 0 ? (
        <p className="text-sm">Your text is the same as the saved version.</p>
      ) : (
        differing.map(([key, label]) => (
          <section key={key} aria-label={`${label} differences`} className="space-y-1">
            <h4 className="text-sm font-semibold">{label}</h4>
            <DiffText segments={diffWords(theirs[key] ?? "", mine[key] ?? "")} />
          </section>
        ))
      )}
      <div className="flex flex-wrap gap-3">
        <Button onClick={onKeepMine}>Keep my text</Button>
        <ConfirmDialog
          trigger={<Button variant="secondary">Use the saved version</Button>}
          title="Discard your text?"
          description="Your unsaved text is replaced by the version saved on the server. This can't be undone."
          confirmLabel="Discard my text"
          onConfirm={onUseTheirs}
        />
      </div>
      <p className="text-xs text-muted">
        “Keep my text” saves your text as the next version on top of the newer one; you can edit it first.
      </p>
    </section>
  );
}
