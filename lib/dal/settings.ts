import "server-only";
import { getDb } from "@/db";
import { siteSettings } from "@/db/schema";
import { DEFAULT_SETTINGS, siteSettingsSchema, type SiteSettings } from "@/lib/validations/settings";

/** Stored values over the defaults; a stored value that no longer validates falls back to its default. */
export function getSiteSettings(): SiteSettings {
  const rows = getDb().select({ key: siteSettings.key, value: siteSettings.value }).from(siteSettings).all();
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const row of rows) {
    if (!(row.key in DEFAULT_SETTINGS)) continue;
    try {
      merged[row.key] = JSON.parse(row.value);
    } catch {
      // keep the default
    }
  }
  const parsed = siteSettingsSchema.safeParse(merged);
  if (parsed.success) return parsed.data;
  const result = { ...DEFAULT_SETTINGS } as Record<string, unknown>;
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof SiteSettings)[]) {
    const one = siteSettingsSchema.shape[key].safeParse(merged[key]);
    if (one.success) result[key] = one.data;
  }
  return result as SiteSettings;
}
