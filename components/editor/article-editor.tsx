"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import type { EditableArticle } from "@/lib/dal/article-authoring";
import { hasUnsavedChanges } from "@/lib/editor/autosave";
import { draftFieldsOf, type DraftBase } from "@/lib/editor/local-draft";
import { revisionFieldsSchema, type RevisionFields } from "@/lib/validations/revision";
import { ArticleFields } from "./article-fields";
import { CitationPicker } from "./citation-picker";
import { ConflictPanel } from "./conflict-panel";
import { DisclosureField } from "./disclosure-field";
import { EditorHeader } from "./editor-header";
import { EditorNotices } from "./editor-notices";
import { useAutosave } from "./hooks/use-autosave";
import { useLivePreview } from "./hooks/use-live-preview";
import { useLocalDraft } from "./hooks/use-local-draft";
import { useWordingToolbar } from "./hooks/use-wording-toolbar";
import { WORDING_LABEL, WordingPanes } from "./wording-panes";

const RECOVERED_CONFLICT =
  "This browser kept changes you made to an older version, and the article has been saved since. Compare and choose what to keep.";

/**
 * The article editor: question, slug, topic, both wordings side by side (tabs on phones) with a
 * toolbar, citation picker, live preview and readability, and the disclosure. Every change is kept
 * in this browser at once (useLocalDraft) and saved to the server about two seconds after typing
 * stops (useAutosave); the preview follows the wordings (useLivePreview).
 */
export function ArticleEditor({ article }: { article: EditableArticle }) {
  const { articleId } = article;
  const serverFields = draftFieldsOf(article.slug, article.topic, article.revision);
  const form = useForm<RevisionFields>({ resolver: zodResolver(revisionFieldsSchema), defaultValues: serverFields, mode: "onChange" });
  const { register, formState } = form;

  /** The revision and version the text on screen was typed on: every save is made on top of it. */
  const baseRef = useRef<DraftBase>({ revisionId: article.revision.id, version: article.revision.version });
  const draft = useLocalDraft(articleId, form, baseRef);
  const livePreview = useLivePreview(form);
  const autosave = useAutosave({
    articleId,
    form,
    baseRef,
    initialMeta: {
      number: article.revision.number,
      state: article.revision.state,
      startedNewRevision: false,
      reviewersMustSignAgain: false,
    },
    draft,
    onTheirsTaken: livePreview.refresh,
  });
  const toolbar = useWordingToolbar(form);
  const [notice, setNotice] = useState<string | null>(null);
  const { keep: keepLocally } = draft;
  const { edited, saveNow } = autosave;
  const refreshPreview = livePreview.refresh;

  useEffect(() => {
    const subscription = form.watch((_values, { name }) => {
      if (!name) return;
      keepLocally();
      edited();
      if (name === "clinicianBody" || name === "patientBody") refreshPreview();
    });
    return () => subscription.unsubscribe();
  }, [form, keepLocally, edited, refreshPreview]);

  useEffect(() => {
    const recovered = draft.recover(serverFields);
    if (recovered === "restore") {
      setNotice("Unsaved changes from this browser were restored and are being saved.");
      edited();
    } else if (recovered === "conflict") {
      autosave.showConflict({
        server: { slug: article.slug, topic: article.topic, revision: article.revision },
        message: RECOVERED_CONFLICT,
      });
    }
    refreshPreview();
    // Runs once on load: the server copy it compares with is the one this page was rendered from.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const errors = formState.errors;
  const { conflict } = autosave;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void saveNow();
      }}
      noValidate
      className="space-y-6"
    >
      <EditorHeader articleId={articleId} meta={autosave.meta} autosave={autosave.state} onSaveNow={() => void saveNow()} />
      <EditorNotices
        meta={autosave.meta}
        notice={notice}
        storageFailed={draft.storageFailed}
        autosave={autosave.state}
        previewError={livePreview.error}
      />

      {conflict && (
        <ConflictPanel
          control={form.control}
          theirs={draftFieldsOf(conflict.server.slug, conflict.server.topic, conflict.server.revision)}
          theirsLabel={`saved version (revision ${conflict.server.revision.number}, version ${conflict.server.revision.version})`}
          message={conflict.message}
          onKeepMine={autosave.keepMine}
          onUseTheirs={autosave.takeTheirs}
        />
      )}

      <ArticleFields register={register} errors={errors} slug={form.watch("slug")} slugLocked={article.slugLocked} />
      <WordingPanes
        register={register}
        errors={errors}
        toolbar={toolbar}
        preview={livePreview.preview}
        readabilityTarget={article.readabilityTarget}
        onSaveNow={() => void saveNow()}
      />
      <DisclosureField register={register} errors={errors} />

      <p className="text-xs text-muted">
        {hasUnsavedChanges(autosave.state)
          ? "Changes are kept in this browser until the server confirms them."
          : "Everything on this page is saved."}{" "}
        Shortcuts: Ctrl+B bold, Ctrl+I italic, Ctrl+K link, Ctrl+Shift+C cite, Ctrl+S save now.
      </p>

      <CitationPicker
        open={toolbar.pickerFor !== null}
        onOpenChange={(open) => !open && toolbar.closePicker()}
        onPick={toolbar.pickCitation}
        wordingLabel={toolbar.pickerFor ? WORDING_LABEL[toolbar.pickerFor] : "wording"}
      />
    </form>
  );
}
