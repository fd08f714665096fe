import { Tabs } from "radix-ui";
import { useState } from "react";
import type { FieldErrors, UseFormRegister } from "react-hook-form";
import type { RevisionFields } from "@/lib/validations/revision";
import type { PreviewState } from "./hooks/use-live-preview";
import type { Wording, useWordingToolbar } from "./hooks/use-wording-toolbar";
import { MarkdownField } from "./markdown-field";
import { ReadabilityPanel } from "./readability-panel";
import { WordingPreview } from "./wording-preview";

type Audience = "clinician" | "patient";

export const WORDING_LABEL: Record<Wording, string> = { clinicianBody: "clinician wording", patientBody: "patient wording" };

type PaneProps = {
  register: UseFormRegister<RevisionFields>;
  errors: FieldErrors<RevisionFields>;
  toolbar: ReturnType<typeof useWordingToolbar>;
  preview: PreviewState | null;
  readabilityTarget: number;
  onSaveNow: () => void;
};

/** One wording: its Markdown field, the preview as readers will see it, and its readability. */
function WordingColumn({
  wording,
  audience,
  register,
  errors,
  toolbar,
  preview,
  readabilityTarget,
  onSaveNow,
}: PaneProps & { wording: Wording; audience: Audience }) {
  return (
    <div className="space-y-4">
      <MarkdownField
        id={wording}
        label={audience === "clinician" ? "Clinician wording" : "Patient wording"}
        hint={
          audience === "clinician"
            ? "For healthcare professionals. Markdown; cite as [@citekey]."
            : "Plain language for patients and caregivers. Markdown; cite as [@citekey]."
        }
        error={errors[wording]?.message}
        registration={register(wording)}
        textareaRef={toolbar.textareaRef(wording)}
        onCommand={toolbar.command(wording)}
        onCite={() => toolbar.openPicker(wording)}
        onSaveShortcut={onSaveNow}
      />
      {/* Scrolls on its own from tablet width up, so the readability scores stay next to the text. */}
      <section
        aria-label={`Preview of the ${WORDING_LABEL[wording]}`}
        tabIndex={0}
        className="rounded-md border border-slate-200 bg-white p-4 md:max-h-[70vh] md:overflow-y-auto"
      >
        <h2 className="mb-2 text-xs font-semibold uppercase tracking-wide text-muted">Preview — as readers will see it</h2>
        {preview ? (
          <WordingPreview preview={preview[audience]} idPrefix={audience} label={audience === "clinician" ? "Clinician" : "Patient"} />
        ) : (
          <p className="text-sm text-muted">Rendering…</p>
        )}
      </section>
      {preview && <ReadabilityPanel readability={preview[audience].readability} target={readabilityTarget} audience={audience} />}
    </div>
  );
}

const TRIGGER = "flex-1 rounded px-3 py-2 text-sm font-medium data-[state=active]:bg-brand-700 data-[state=active]:text-white";

/** Both wordings side by side from tablet width up, one at a time behind tabs on phones. */
export function WordingPanes(props: PaneProps) {
  const [tab, setTab] = useState<Audience>("clinician");
  return (
    <Tabs.Root value={tab} onValueChange={(v) => setTab(v as Audience)} className="space-y-4">
      <Tabs.List aria-label="Wordings" className="flex gap-1 rounded-md border border-slate-200 bg-white p-1 md:hidden">
        <Tabs.Trigger value="clinician" className={TRIGGER}>
          Clinician
        </Tabs.Trigger>
        <Tabs.Trigger value="patient" className={TRIGGER}>
          Patient
        </Tabs.Trigger>
      </Tabs.List>
      <div className="md:grid md:grid-cols-2 md:gap-6">
        {/* Both stay mounted: side by side from tablet width up, one at a time on phones. */}
        <Tabs.Content value="clinician" forceMount className="data-[state=inactive]:hidden md:data-[state=inactive]:block">
          <WordingColumn {...props} wording="clinicianBody" audience="clinician" />
        </Tabs.Content>
        <Tabs.Content value="patient" forceMount className="data-[state=inactive]:hidden md:data-[state=inactive]:block">
          <WordingColumn {...props} wording="patientBody" audience="patient" />
        </Tabs.Content>
      </div>
    </Tabs.Root>
  );
}
