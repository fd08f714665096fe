"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { saveNotificationPreferences } from "@/lib/dal/notifications";
import { canChangeOwnNotifications } from "@/lib/permissions";
import { notificationPreferencesSchema } from "@/lib/validations/notification-preferences";

/** The user's own email choices per notification kind (the session names the user; no id is taken). */
export const saveNotificationPreferencesAction = defineAction({
  schema: notificationPreferencesSchema,
  can: canChangeOwnNotifications,
  forbidden: "change these notification settings",
  run: ({ user, input }) => saveNotificationPreferences(user, input),
  refresh: () => revalidatePath("/account/notifications"),
  message: (changed) => (changed === 0 ? "Nothing changed." : "Your notification settings are saved."),
});
