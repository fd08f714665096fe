"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { saveSiteSettingsAction } from "@/lib/actions/settings";
import {
  siteSettingsSchema,
  TWO_FACTOR_REQUIREMENT_LABELS,
  TWO_FACTOR_REQUIREMENTS,
  type SiteSettings,
  type SiteSettingsFormValues,
} from "@/lib/validations/settings";
import { ActionMessage, messageOf, type ActionMessageValue } from "@/components/ui/action-message";
import { Button } from "@/components/ui/button";
import { Field, TextInput, applyFieldErrors, describedBy, inputClass } from "@/components/ui/field";
import { timeZoneChoices } from "@/lib/time-zone";
import { ApprovalSettings } from "./approval-settings";

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <fieldset className="space-y-5 rounded-md border border-slate-200 bg-white p-5">
      <legend className="px-1 text-base font-semibold">{title}</legend>
      {children}
    </fieldset>
  );
}

export function SettingsForm({ settings }: { settings: SiteSettings }) {
  const [message, setMessage] = useState<ActionMessageValue | null>(null);
  const form = useForm<SiteSettingsFormValues, unknown, SiteSettings>({
    resolver: zodResolver(siteSettingsSchema),
    defaultValues: settings,
  });
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = form;
  const err = (key: keyof SiteSettings) => errors[key]?.message;

  async function onSubmit(values: SiteSettings) {
    setMessage(null);
    const result = await saveSiteSettingsAction(values);
    applyFieldErrors(result, form.setError);
    setMessage(messageOf(result));
  }
  const onInvalid = () => setMessage({ ok: false, text: "Please correct the highlighted fields. Nothing was saved." });

  return (
    <form onSubmit={handleSubmit(onSubmit, onInvalid)} noValidate className="max-w-3xl space-y-6">
      <ActionMessage message={message} variant="box" />
      <Section title="Site">
        <Field id="siteName" label="Site name" error={err("siteName")}>
          <TextInput
            id="siteName"
            invalid={!!errors.siteName}
            {...describedBy("siteName", errors.siteName)}
            defaultValue={settings.siteName}
            {...register("siteName")}
          />
        </Field>
        <Field
          id="defaultAudience"
          label="Default audience"
          error={err("defaultAudience")}
          hint="The wording readers see until they choose one."
        >
          <select
            id="defaultAudience"
            className={inputClass(!!errors.defaultAudience)}
            defaultValue={settings.defaultAudience}
            {...register("defaultAudience")}
          >
            <option value="patient">Patients and caregivers</option>
            <option value="clinician">Healthcare professionals</option>
          </select>
        </Field>
      </Section>

      <Section title="Review and publishing">
        <div className="grid gap-5 sm:grid-cols-2">
          <Field id="requiredApprovals" label="Approvals required" error={err("requiredApprovals")} hint="Distinct board reviewers (1–5).">
            <TextInput
              id="requiredApprovals"
              type="number"
              inputMode="numeric"
              min={1}
              max={5}
              invalid={!!errors.requiredApprovals}
              {...describedBy("requiredApprovals", errors.requiredApprovals)}
              defaultValue={settings.requiredApprovals}
              {...register("requiredApprovals")}
            />
          </Field>
          <Field
            id="reviewIntervalMonths"
            label="Re-review interval (months)"
            error={err("reviewIntervalMonths")}
            hint="Approved articles fall due for review after this (1–60)."
          >
            <TextInput
              id="reviewIntervalMonths"
              type="number"
              inputMode="numeric"
              min={1}
              max={60}
              invalid={!!errors.reviewIntervalMonths}
              {...describedBy("reviewIntervalMonths", errors.reviewIntervalMonths)}
              defaultValue={settings.reviewIntervalMonths}
              {...register("reviewIntervalMonths")}
            />
          </Field>
          <Field
            id="readabilityTarget"
            label="Readability target (grade)"
            error={err("readabilityTarget")}
            hint="Patient wordings above this Flesch-Kincaid grade get a warning (3–16)."
          >
            <TextInput
              id="readabilityTarget"
              type="number"
              inputMode="decimal"
              step="0.5"
              min={3}
              max={16}
              invalid={!!errors.readabilityTarget}
              {...describedBy("readabilityTarget", errors.readabilityTarget)}
              defaultValue={settings.readabilityTarget}
              {...register("readabilityTarget")}
            />
          </Field>
          <Field
            id="guidelineMaxAgeYears"
            label="Guideline age limit (years)"
            error={err("guidelineMaxAgeYears")}
            hint="Citing a guideline older than this is a submission warning (1–30)."
          >
            <TextInput
              id="guidelineMaxAgeYears"
              type="number"
              inputMode="numeric"
              min={1}
              max={30}
              invalid={!!errors.guidelineMaxAgeYears}
              {...describedBy("guidelineMaxAgeYears", errors.guidelineMaxAgeYears)}
              defaultValue={settings.guidelineMaxAgeYears}
              {...register("guidelineMaxAgeYears")}
            />
          </Field>
          <Field
            id="unsourcedStatements"
            label="Clinician statements citing no source"
            error={err("unsourcedStatements")}
            hint="Paragraphs and list items of the clinician wording without a citation."
          >
            <select
              id="unsourcedStatements"
              className={inputClass(!!errors.unsourcedStatements)}
              {...describedBy("unsourcedStatements", errors.unsourcedStatements, true)}
              defaultValue={settings.unsourcedStatements}
              {...register("unsourcedStatements")}
            >
              <option value="warn">Warn editors and reviewers</option>
              <option value="block">Block submission</option>
            </select>
          </Field>
        </div>
        <fieldset className="space-y-2" aria-describedby={errors.publishPolicy ? "publishPolicy-error" : undefined}>
          <legend className="text-sm font-medium">Publish policy</legend>
          <label className="flex items-start gap-3 text-sm">
            <input
              type="radio"
              value="on-submit"
              className="mt-1"
              defaultChecked={settings.publishPolicy === "on-submit"}
              {...register("publishPolicy")}
            />
            <span>
              <span className="font-medium">Show submitted articles</span>
              <span className="block text-muted">
                Readers see a submitted article with its review status and a “pending review” notice until it is approved.
              </span>
            </span>
          </label>
          <label className="flex items-start gap-3 text-sm">
            <input
              type="radio"
              value="approved-only"
              className="mt-1"
              defaultChecked={settings.publishPolicy === "approved-only"}
              {...register("publishPolicy")}
            />
            <span>
              <span className="font-medium">Approved articles only</span>
              <span className="block text-muted">Readers see only revisions the board has approved.</span>
            </span>
          </label>
          {err("publishPolicy") && (
            <p id="publishPolicy-error" className="text-sm text-red-700">
              {err("publishPolicy")}
            </p>
          )}
        </fieldset>
      </Section>

      <Section title="Change classes and approver mix">
        <ApprovalSettings form={form} settings={settings} />
      </Section>
      <Section title="Publishing lifecycle">
        <div className="grid gap-5 sm:grid-cols-2">
          <Field
            id="withdrawBy"
            label="Who may withdraw articles"
            error={err("withdrawBy")}
            hint="Withdrawing, republishing and archiving a live article."
          >
            <select
              id="withdrawBy"
              className={inputClass(!!errors.withdrawBy)}
              {...describedBy("withdrawBy", errors.withdrawBy)}
              defaultValue={settings.withdrawBy}
              {...register("withdrawBy")}
            >
              <option value="admins">Admins only (editor-in-chief)</option>
              <option value="admins-and-editors">Admins and editors</option>
            </select>
          </Field>
        </div>
      </Section>

      <Section title="Notifications and reminders">
        <div className="grid gap-5 sm:grid-cols-2">
          <Field
            id="timeZone"
            label="Site time zone"
            error={err("timeZone")}
            hint="Digests, daily reminders and scheduled times follow this zone’s calendar."
          >
            <select
              id="timeZone"
              className={inputClass(!!errors.timeZone)}
              {...describedBy("timeZone", errors.timeZone)}
              defaultValue={settings.timeZone}
              {...register("timeZone")}
            >
              {timeZoneChoices().map((zone) => (
                <option key={zone} value={zone}>
                  {zone.replace(/_/g, " ")}
                </option>
              ))}
            </select>
          </Field>
          <Field id="digestHour" label="Daily digest hour" error={err("digestHour")} hint="0–23, in the site time zone.">
            <TextInput
              id="digestHour"
              type="number"
              inputMode="numeric"
              min={0}
              max={23}
              invalid={!!errors.digestHour}
              {...describedBy("digestHour", errors.digestHour)}
              defaultValue={settings.digestHour}
              {...register("digestHour")}
            />
          </Field>
          <Field
            id="reminderDaysBefore"
            label="Remind reviewers (days before due)"
            error={err("reminderDaysBefore")}
            hint="0–30; 0 sends no early reminder. Overdue reviews are reminded daily."
          >
            <TextInput
              id="reminderDaysBefore"
              type="number"
              inputMode="numeric"
              min={0}
              max={30}
              invalid={!!errors.reminderDaysBefore}
              {...describedBy("reminderDaysBefore", errors.reminderDaysBefore)}
              defaultValue={settings.reminderDaysBefore}
              {...register("reminderDaysBefore")}
            />
          </Field>
          <Field
            id="escalateAfterDays"
            label="Escalate after (days overdue)"
            error={err("escalateAfterDays")}
            hint="1–60; then the admins and the assigning editor are told too."
          >
            <TextInput
              id="escalateAfterDays"
              type="number"
              inputMode="numeric"
              min={1}
              max={60}
              invalid={!!errors.escalateAfterDays}
              {...describedBy("escalateAfterDays", errors.escalateAfterDays)}
              defaultValue={settings.escalateAfterDays}
              {...register("escalateAfterDays")}
            />
          </Field>
          <Field
            id="errorReportTargetDays"
            label="Answer error reports within (days)"
            error={err("errorReportTargetDays")}
            hint="1–60; stated on the policy page. Reports still open after it are escalated to the editors."
          >
            <TextInput
              id="errorReportTargetDays"
              type="number"
              inputMode="numeric"
              min={1}
              max={60}
              invalid={!!errors.errorReportTargetDays}
              {...describedBy("errorReportTargetDays", errors.errorReportTargetDays)}
              defaultValue={settings.errorReportTargetDays}
              {...register("errorReportTargetDays")}
            />
          </Field>
        </div>
      </Section>

      <Section title="Sign-in security">
        <div className="grid gap-5 sm:grid-cols-2">
          <Field
            id="requireTwoFactor"
            label="Two-factor sign-in required for"
            error={err("requireTwoFactor")}
            hint="Users of these roles must set it up before anything else."
          >
            <select
              id="requireTwoFactor"
              className={inputClass(!!errors.requireTwoFactor)}
              {...describedBy("requireTwoFactor", errors.requireTwoFactor, true)}
              defaultValue={settings.requireTwoFactor}
              {...register("requireTwoFactor")}
            >
              {TWO_FACTOR_REQUIREMENTS.map((choice) => (
                <option key={choice} value={choice}>
                  {TWO_FACTOR_REQUIREMENT_LABELS[choice]}
                </option>
              ))}
            </select>
          </Field>
          <Field
            id="staffIdleMinutes"
            label="Sign staff out after (minutes without activity)"
            error={err("staffIdleMinutes")}
            hint="1–480. Every session also ends 8 hours after sign-in."
          >
            <TextInput
              id="staffIdleMinutes"
              type="number"
              inputMode="numeric"
              min={1}
              max={480}
              invalid={!!errors.staffIdleMinutes}
              {...describedBy("staffIdleMinutes", errors.staffIdleMinutes, true)}
              defaultValue={settings.staffIdleMinutes}
              {...register("staffIdleMinutes")}
            />
          </Field>
        </div>
      </Section>

      <Section title="Disclaimers and policy">
        <Field id="clinicianDisclaimer" label="Disclaimer for healthcare professionals" error={err("clinicianDisclaimer")}>
          <textarea
            id="clinicianDisclaimer"
            rows={4}
            className={inputClass(!!errors.clinicianDisclaimer)}
            {...describedBy("clinicianDisclaimer", errors.clinicianDisclaimer)}
            defaultValue={settings.clinicianDisclaimer}
            {...register("clinicianDisclaimer")}
          />
        </Field>
        <Field id="patientDisclaimer" label="Disclaimer for patients and caregivers" error={err("patientDisclaimer")}>
          <textarea
            id="patientDisclaimer"
            rows={4}
            className={inputClass(!!errors.patientDisclaimer)}
            {...describedBy("patientDisclaimer", errors.patientDisclaimer)}
            defaultValue={settings.patientDisclaimer}
            {...register("patientDisclaimer")}
          />
        </Field>
        <Field
          id="editorialPolicy"
          label="Editorial policy (Markdown)"
          error={err("editorialPolicy")}
          hint="Shown on the public editorial policy page and linked from every article."
        >
          <textarea
            id="editorialPolicy"
            rows={14}
            className={`${inputClass(!!errors.editorialPolicy)} font-mono text-sm`}
            {...describedBy("editorialPolicy", errors.editorialPolicy)}
            defaultValue={settings.editorialPolicy}
            {...register("editorialPolicy")}
          />
        </Field>
      </Section>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : "Save settings"}
      </Button>
    </form>
  );
}
