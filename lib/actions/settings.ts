"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { rescheduleDigest } from "@/lib/dal/notification-digest";
import { saveSiteSettings } from "@/lib/dal/settings";
import { canEditSettings } from "@/lib/permissions";
import { revalidateAllReaderPages } from "@/lib/reader-cache";
import { siteSettingsSchema } from "@/lib/validations/settings";

export const saveSiteSettingsAction = defineAction({
  schema: siteSettingsSchema,
  can: canEditSettings,
  forbidden: "change site settings",
  run: ({ user, input }) => {
    const changed = saveSiteSettings(user, input);
    // The digest already queued for the old hour would still run then: move it, in this transaction.
    if (changed.includes("digestHour") || changed.includes("timeZone")) rescheduleDigest();
    return changed;
  },
  refresh: (changed) => {
    if (changed.length === 0) return;
    // Disclaimers, policy and publish rules show on reader pages: take effect at once.
    revalidateAllReaderPages();
    revalidatePath("/admin/settings");
  },
  message: (changed) =>
    changed.length === 0 ? "Nothing changed." : `Settings saved (${changed.length} changed). Reader pages now use them.`,
});
