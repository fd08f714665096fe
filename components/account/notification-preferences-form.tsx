"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { saveNotificationPreferencesAction } from "@/lib/actions/notifications";
import type { NotificationSetting } from "@/lib/dal/notifications";
import { DELIVERY_LABELS, NOTIFICATION_DELIVERIES } from "@/lib/notification-kinds";
import { notificationPreferencesSchema, type NotificationPreferencesInput } from "@/lib/validations/notification-preferences";
import { ActionMessage, messageOf, type ActionMessageValue } from "@/components/ui/action-message";
import { Button } from "@/components/ui/button";
import { applyFieldErrors } from "@/components/ui/field";

/** Per kind: immediately, daily digest or off; security mail is shown as always on. */
export function NotificationPreferencesForm({ settings }: { settings: NotificationSetting[] }) {
  const [message, setMessage] = useState<ActionMessageValue | null>(null);
  const changeable = settings.filter((s) => s.canTurnOff);
  const fixed = settings.filter((s) => !s.canTurnOff);
  const form = useForm<NotificationPreferencesInput>({
    resolver: zodResolver(notificationPreferencesSchema),
    defaultValues: Object.fromEntries(changeable.map((s) => [s.kind, s.delivery])),
  });
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = form;

  async function onSubmit(values: NotificationPreferencesInput) {
    setMessage(null);
    const result = await saveNotificationPreferencesAction(values);
    applyFieldErrors(result, form.setError);
    setMessage(messageOf(result));
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-4">
      <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white">
        {changeable.map((setting) => {
          const error = errors[setting.kind]?.message;
          return (
            <li key={setting.kind} className="px-4 py-3">
              <fieldset aria-describedby={`${setting.kind}-description${error ? ` ${setting.kind}-error` : ""}`}>
                <legend className="font-medium">{setting.label}</legend>
                <div className="mt-0.5 flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between sm:gap-6">
                  <p id={`${setting.kind}-description`} className="min-w-0 text-sm text-muted">
                    {setting.description}
                  </p>
                  <div className="flex shrink-0 flex-wrap gap-x-4 gap-y-1" data-kind={setting.kind}>
                    {NOTIFICATION_DELIVERIES.map((delivery) => (
                      <label key={delivery} className="flex min-h-[2.75rem] items-center gap-2 text-sm sm:min-h-0">
                        <input type="radio" value={delivery} className="h-4 w-4 accent-brand-700" {...register(setting.kind)} />
                        {DELIVERY_LABELS[delivery]}
                      </label>
                    ))}
                  </div>
                </div>
                {error && (
                  <p id={`${setting.kind}-error`} className="mt-1 text-sm text-red-700">
                    {error}
                  </p>
                )}
              </fieldset>
            </li>
          );
        })}
        {fixed.map((setting) => (
          <li key={setting.kind} className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:items-start sm:justify-between sm:gap-6">
            <div className="min-w-0">
              <p className="font-medium">{setting.label}</p>
              <p className="text-sm text-muted">{setting.description}</p>
            </div>
            <p className="shrink-0 text-sm font-medium text-ink" data-kind={setting.kind}>
              Always sent immediately
            </p>
          </li>
        ))}
      </ul>
      <ActionMessage message={message} variant="box" />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : "Save notification settings"}
      </Button>
    </form>
  );
}
