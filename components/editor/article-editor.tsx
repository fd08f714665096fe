"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { Tabs } from "radix-ui";
import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { saveRevisionAction } from "@/lib/actions/revisions";
import type { EditableArticle } from "@/lib/dal/article-authoring";
import type { ServerCopy } from "@/lib/dal/revision-editing";
import type { WordingPreview as Preview } from "@/lib/dal/revision-preview";
import { autosaveReducer, hasUnsavedChanges, initialAutosaveState, nextSaveDelay } from "@/lib/editor/autosave";
import {
  clearDraft,
  draftKey,
  readDraft,
  recoverDraft,
  removeDraftKey,
  sameFields,
  writeDraft,
  type DraftBase,
  type DraftFields,
} from "@/lib/editor/local-draft";
import { applyToolbarCommand, insertCitation, type TextSelection, type ToolbarCommand } from "@/lib/editor/toolbar";
import { revisionFieldsSchema, type RevisionFields } from "@/lib/validations/revision";
import type { RevisionState } from "@/db/schema";
import { Alert } from "@/components/ui/alert";
import { Field, TextInput, inputClass } from "@/components/ui/field";
import { StateBadge } from "@/components/ui/state-badge";
import { CitationPicker } from "./citation-picker";
import { DuplicateArticleButton } from "./duplicate-article-button";
import { ConflictPanel } from "./conflict-panel";
import { MarkdownField } from "./markdown-field";
import { ReadabilityPanel } from "./readability-panel";
import { SaveStatus } from "./save-status";
import { WordingPreview } from "./wording-preview";

type Wording = "clinicianBody" | "patientBody";
type PreviewState = { clinician: Preview; patient: Preview };
type RevisionMeta = { number: number; state: RevisionState; startedNewRevision: boolean; reviewersMustSignAgain: boolean };

const PREVIEW_DELAY_MS = 350;

const TAB_ID_KEY = "vetted:tab-id";

/** This tab's id, kept in sessionStorage so it survives reloads of the tab but not other tabs. */
function currentTabId(): string {
  try {
    let id = window.sessionStorage.getItem(TAB_ID_KEY);
    if (!id) {
      id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
      window.sessionStorage.setItem(TAB_ID_KEY, id);
    }
    return id;
  } catch {
    return "tab";
  }
}

const fieldsOf = (slug: string, topic: string, r: EditableArticle["revision"]): DraftFields => ({
  question: r.question,
  slug,
  topic,
  clinicianBody: r.clinicianBody,
  patientBody: r.patientBody,
  disclosure: r.disclosure,
});

const WORDING_LABEL: Record<Wording, string> = { clinicianBody: "clinician wording", patientBody: "patient wording" };

/**
 * The article editor: question, slug, topic, both wordings side by side (tabs on phones) with a
 * toolbar, citation picker, live preview and readability, and the disclosure. Every change is kept
 * in this browser at once and saved to the server about two seconds after typing stops.
 */
export function ArticleEditor({ article }: { article: EditableArticle }) {
  const { articleId } = article;
  const serverFields = fieldsOf(article.slug, article.topic, article.revision);
  const form = useForm<RevisionFields>({ resolver: zodResolver(revisionFieldsSchema), defaultValues: serverFields, mode: "onChange" });
  const { register, formState } = form;

  const base = useRef<DraftBase>({ revisionId: article.revision.id, version: article.revision.version });
  const [meta, setMeta] = useState<RevisionMeta>({
    number: article.revision.number,
    state: article.revision.state,
    startedNewRevision: false,
    reviewersMustSignAgain: false,
  });
  const [autosave, dispatch] = useReducer(autosaveReducer, undefined, () => initialAutosaveState());
  const [conflict, setConflict] = useState<{ server: ServerCopy; message: string } | null>(null);
  const conflictRef = useRef(conflict);
  conflictRef.current = conflict;
  const [notice, setNotice] = useState<string | null>(null);
  const [storageFailed, setStorageFailed] = useState(false);
  const inFlight = useRef(false);
  const textareas = useRef<Record<Wording, HTMLTextAreaElement | null>>({ clinicianBody: null, patientBody: null });
  const [pickerFor, setPickerFor] = useState<Wording | null>(null);
  const [preview, setPreview] = useState<PreviewState | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [tab, setTab] = useState<"clinician" | "patient">("clinician");

  const tabId = useRef("");
  const tab_ = () => (tabId.current ||= currentTabId());
  const keepLocally = useCallback(() => {
    const ok = writeDraft(window.localStorage, articleId, tab_(), {
      base: base.current,
      fields: form.getValues(),
      updatedAt: new Date().toISOString(),
    });
    setStorageFailed(!ok);
  }, [articleId, form]);

  // ---- live preview -------------------------------------------------------------------------
  const previewSeq = useRef(0);
  const previewTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const refreshPreview = useCallback(() => {
    if (previewTimer.current) clearTimeout(previewTimer.current);
    previewTimer.current = setTimeout(async () => {
      const seq = ++previewSeq.current;
      const { clinicianBody, patientBody } = form.getValues();
      try {
        const response = await fetch("/api/editor/preview", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ clinicianBody, patientBody }),
        });
        if (seq !== previewSeq.current) return;
        if (!response.ok)
          throw new Error(
            ((await response.json().catch(() => ({}))) as { message?: string }).message ?? "The preview could not be rendered.",
          );
        setPreview((await response.json()) as PreviewState);
        setPreviewError(null);
      } catch (e) {
        if (seq === previewSeq.current)
          setPreviewError(
            e instanceof Error && e.message !== "Failed to fetch" ? e.message : "The preview is out of date: the server can't be reached.",
          );
      }
    }, PREVIEW_DELAY_MS);
  }, [form]);

  // ---- saving -------------------------------------------------------------------------------
  const saveNow = useCallback(async () => {
    if (inFlight.current || conflictRef.current) return;
    const valid = await form.trigger();
    if (!valid) {
      dispatch({ type: "save_invalid", message: "Correct the highlighted fields; your text is kept in this browser meanwhile." });
      return;
    }
    const sent = form.getValues();
    inFlight.current = true;
    dispatch({ type: "save_started" });
    let result: Awaited<ReturnType<typeof saveRevisionAction>>;
    try {
      result = await saveRevisionAction({ ...sent, articleId, revisionId: base.current.revisionId, version: base.current.version });
    } catch {
      inFlight.current = false;
      dispatch({ type: "save_failed", message: "The server can't be reached. Your text is kept in this browser and saving is retried." });
      return;
    }
    inFlight.current = false;
    if (result.ok && result.data) {
      const saved = result.data;
      base.current = { revisionId: saved.revisionId, version: saved.version };
      setMeta((m) => ({
        number: saved.revisionNumber,
        state: saved.state,
        startedNewRevision: m.startedNewRevision || saved.startedNewRevision,
        reviewersMustSignAgain: m.reviewersMustSignAgain || saved.reviewersMustSignAgain,
      }));
      // Only text the server now holds may leave the browser's copy.
      if (sameFields(form.getValues(), sent)) clearDraft(window.localStorage, articleId, tab_());
      else keepLocally();
      dispatch({ type: "save_succeeded", at: saved.savedAt });
      return;
    }
    if (!result.ok && result.code === "conflict" && "server" in result) {
      keepLocally();
      setConflict({ server: result.server, message: result.message });
      dispatch({ type: "conflict", message: result.message });
      return;
    }
    if (!result.ok && result.code === "invalid") {
      for (const [name, messages] of Object.entries(result.fieldErrors ?? {})) {
        if (messages?.[0]) form.setError(name as keyof RevisionFields, { type: "server", message: messages[0] });
      }
      dispatch({ type: "save_invalid", message: result.message });
      return;
    }
    if (!result.ok && result.code === "unauthenticated") {
      dispatch({ type: "save_failed", message: `${result.message} Your text is kept in this browser.` });
      return;
    }
    dispatch({ type: "save_invalid", message: result.ok ? "Unexpected reply from the server." : result.message });
  }, [articleId, form, keepLocally]);

  useEffect(() => {
    const delay = nextSaveDelay(autosave);
    if (delay === null) return;
    const timer = setTimeout(() => void saveNow(), delay);
    return () => clearTimeout(timer);
  }, [autosave, saveNow]);

  // ---- changes and recovery -----------------------------------------------------------------
  useEffect(() => {
    const subscription = form.watch((_values, { name }) => {
      if (!name) return;
      keepLocally();
      dispatch({ type: "edit" });
      if (name === "clinicianBody" || name === "patientBody") refreshPreview();
    });
    return () => subscription.unsubscribe();
  }, [form, keepLocally, refreshPreview]);

  useEffect(() => {
    const found = readDraft(window.localStorage, articleId, tab_());
    const recovery = recoverDraft(found?.draft ?? null, { base: base.current, fields: serverFields });
    if (recovery.kind === "restore") {
      form.reset(recovery.fields, { keepDefaultValues: true });
      setNotice("Unsaved changes from this browser were restored and are being saved.");
      dispatch({ type: "edit" });
    } else if (recovery.kind === "conflict") {
      form.reset(recovery.fields, { keepDefaultValues: true });
      const message =
        "This browser kept changes you made to an older version, and the article has been saved since. Compare and choose what to keep.";
      setConflict({ server: { slug: article.slug, topic: article.topic, revision: article.revision }, message });
      dispatch({ type: "conflict", message });
    }
    if (recovery.kind !== "none") {
      // Adopt a copy another (closed) tab left: it lives on under this tab's key from now on.
      keepLocally();
      if (found && found.key !== draftKey(articleId, tab_())) removeDraftKey(window.localStorage, found.key);
    } else if (found) {
      removeDraftKey(window.localStorage, found.key);
    }
    refreshPreview();
    // Runs once on load: the server copy it compares with is the one this page was rendered from.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    // Warn before leaving only while the server doesn't have the text (the local copy still does).
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (autosave.status === "saving") event.preventDefault();
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [autosave.status]);

  const keepMine = () => {
    if (!conflict) return;
    base.current = { revisionId: conflict.server.revision.id, version: conflict.server.revision.version };
    setMeta((m) => ({ ...m, number: conflict.server.revision.number, state: conflict.server.revision.state }));
    conflictRef.current = null;
    setConflict(null);
    keepLocally();
    dispatch({ type: "conflict_resolved", kept: "mine" });
    void saveNow();
  };
  const useTheirs = () => {
    if (!conflict) return;
    const theirs = fieldsOf(conflict.server.slug, conflict.server.topic, conflict.server.revision);
    base.current = { revisionId: conflict.server.revision.id, version: conflict.server.revision.version };
    setMeta((m) => ({ ...m, number: conflict.server.revision.number, state: conflict.server.revision.state }));
    conflictRef.current = null;
    setConflict(null);
    form.reset(theirs);
    clearDraft(window.localStorage, articleId, tab_());
    dispatch({ type: "conflict_resolved", kept: "theirs" });
    refreshPreview();
  };

  // ---- toolbar ------------------------------------------------------------------------------
  const transform = (wording: Wording, change: (sel: TextSelection) => TextSelection) => {
    const el = textareas.current[wording];
    if (!el) return;
    const next = change({ value: el.value, start: el.selectionStart, end: el.selectionEnd });
    form.setValue(wording, next.value, { shouldDirty: true, shouldValidate: true });
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(next.start, next.end);
    });
  };
  const command = (wording: Wording) => (c: ToolbarCommand) => transform(wording, (sel) => applyToolbarCommand(sel, c));
  const pickCitation = (citekey: string) => {
    if (pickerFor) transform(pickerFor, (sel) => insertCitation(sel, citekey));
    setPickerFor(null);
  };

  const errors = formState.errors;
  const target = article.readabilityTarget;
  const approvedLive = meta.state === "approved";
  const wordingColumn = (wording: Wording, audience: "clinician" | "patient") => (
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
        textareaRef={(el) => {
          textareas.current[wording] = el;
        }}
        onCommand={command(wording)}
        onCite={() => setPickerFor(wording)}
        onSaveShortcut={() => void saveNow()}
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
      {preview && <ReadabilityPanel readability={preview[audience].readability} target={target} audience={audience} />}
    </div>
  );

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void saveNow();
      }}
      noValidate
      className="space-y-6"
    >
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-1">
          <p className="text-sm">
            <Link href={`/editor/articles/${articleId}`}>Article overview</Link>
            <span className="text-muted"> · </span>
            <Link href={`/editor/articles/${articleId}/history`}>History</Link>
          </p>
          <h1 className="text-2xl font-semibold">Edit article</h1>
          <p className="flex items-center gap-2 text-sm text-muted">
            <StateBadge state={meta.state} /> Revision {meta.number}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <div className="rounded-md bg-white px-3 py-2 shadow-sm">
            <SaveStatus state={autosave} onSaveNow={() => void saveNow()} />
          </div>
          <DuplicateArticleButton articleId={articleId} />
        </div>
      </div>

      {approvedLive && (
        <Alert tone="info">
          This revision is approved and live. Your first change starts revision {meta.number + 1} as a draft; readers keep seeing the
          approved text until the new revision is approved.
        </Alert>
      )}
      {meta.startedNewRevision && !approvedLive && (
        <Alert tone="info" live>
          You are editing revision {meta.number}, a new draft. The approved revision stays live until this one is approved.
        </Alert>
      )}
      {(meta.state === "submitted" || meta.state === "under_review") && (
        <Alert tone="warning">
          This revision is {meta.state === "submitted" ? "submitted" : "under review"}. Saving a change alters its content hash, so
          approvals given so far stop counting and reviewers must sign again.
        </Alert>
      )}
      {notice && (
        <Alert tone="info" live>
          {notice}
        </Alert>
      )}
      {storageFailed && (
        <Alert tone="warning">
          This browser can&apos;t keep a local copy (storage full or disabled): don&apos;t close the page until it says “Saved”.
        </Alert>
      )}
      {(autosave.status === "retrying" || autosave.status === "invalid") && autosave.message && (
        <Alert tone="warning">{autosave.message}</Alert>
      )}
      {previewError && <Alert tone="warning">{previewError}</Alert>}

      {conflict && (
        <ConflictPanel
          control={form.control}
          theirs={fieldsOf(conflict.server.slug, conflict.server.topic, conflict.server.revision)}
          theirsLabel={`saved version (revision ${conflict.server.revision.number}, version ${conflict.server.revision.version})`}
          message={conflict.message}
          onKeepMine={keepMine}
          onUseTheirs={useTheirs}
        />
      )}

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
            hint={article.slugLocked ? "Published: the address can no longer change." : `Address: /articles/${form.watch("slug") || "…"}`}
            error={errors.slug?.message}
          >
            <TextInput
              id="slug"
              readOnly={article.slugLocked}
              invalid={!!errors.slug}
              aria-describedby={["slug-hint", errors.slug ? "slug-error" : ""].filter(Boolean).join(" ")}
              className={article.slugLocked ? "bg-slate-50 text-muted" : undefined}
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

      <Tabs.Root value={tab} onValueChange={(v) => setTab(v as "clinician" | "patient")} className="space-y-4">
        <Tabs.List aria-label="Wordings" className="flex gap-1 rounded-md border border-slate-200 bg-white p-1 md:hidden">
          <Tabs.Trigger
            value="clinician"
            className="flex-1 rounded px-3 py-2 text-sm font-medium data-[state=active]:bg-brand-700 data-[state=active]:text-white"
          >
            Clinician
          </Tabs.Trigger>
          <Tabs.Trigger
            value="patient"
            className="flex-1 rounded px-3 py-2 text-sm font-medium data-[state=active]:bg-brand-700 data-[state=active]:text-white"
          >
            Patient
          </Tabs.Trigger>
        </Tabs.List>
        <div className="md:grid md:grid-cols-2 md:gap-6">
          {/* Both stay mounted: side by side from tablet width up, one at a time on phones. */}
          <Tabs.Content value="clinician" forceMount className="data-[state=inactive]:hidden md:data-[state=inactive]:block">
            {wordingColumn("clinicianBody", "clinician")}
          </Tabs.Content>
          <Tabs.Content value="patient" forceMount className="data-[state=inactive]:hidden md:data-[state=inactive]:block">
            {wordingColumn("patientBody", "patient")}
          </Tabs.Content>
        </div>
      </Tabs.Root>

      <div className="rounded-md border border-slate-200 bg-white p-4">
        <Field
          id="disclosure"
          label="Author's conflict-of-interest disclosure"
          hint="Required before submitting, e.g. “The author reports no conflicts of interest.”"
          error={errors.disclosure?.message}
        >
          <textarea
            id="disclosure"
            rows={3}
            className={inputClass(!!errors.disclosure)}
            aria-describedby="disclosure-hint"
            {...register("disclosure")}
          />
        </Field>
      </div>

      <p className="text-xs text-muted">
        {hasUnsavedChanges(autosave)
          ? "Changes are kept in this browser until the server confirms them."
          : "Everything on this page is saved."}{" "}
        Shortcuts: Ctrl+B bold, Ctrl+I italic, Ctrl+K link, Ctrl+Shift+C cite, Ctrl+S save now.
      </p>

      <CitationPicker
        open={pickerFor !== null}
        onOpenChange={(open) => !open && setPickerFor(null)}
        onPick={pickCitation}
        wordingLabel={pickerFor ? WORDING_LABEL[pickerFor] : "wording"}
      />
    </form>
  );
}
