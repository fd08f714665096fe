"use server";

import { revalidatePath } from "next/cache";
import { forbidden, invalid, unauthenticated, type ActionResult } from "@/lib/action-result";
import { getCurrentUser } from "@/lib/dal/session";
import { saveSiteSettings } from "@/lib/dal/settings";
import { canEditSettings } from "@/lib/permissions";
import { revalidateAllReaderPages } from "@/lib/reader-cache";
import { siteSettingsSchema } from "@/lib/validations/settings";

export async function saveSiteSettingsAction(input: unknown): Promise<ActionResult> {
  const actor = await getCurrentUser();
  if (!actor) return unauthenticated();
  if (!canEditSettings(actor)) return forbidden("change site settings");
  const parsed = siteSettingsSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error.flatten().fieldErrors);
  const changed = saveSiteSettings(actor, parsed.data);
  if (changed.length === 0) return { ok: true, message: "Nothing changed." };
  // Disclaimers, policy and publish rules show on reader pages: take effect at once.
  revalidateAllReaderPages();
  revalidatePath("/admin/settings");
  return { ok: true, message: `Settings saved (${changed.length} changed). Reader pages now use them.` };
}
