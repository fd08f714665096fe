import "server-only";
import { getDb, writeTransaction } from "@/db";
import { appendAuditEvent } from "@/lib/dal/audit";
import { REMINDER_SETTING_KEYS, replanReminders } from "@/lib/dal/reminder-replan";
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

/** One setting, typed by its key. */
export function getSetting<K extends keyof SiteSettings>(key: K): SiteSettings[K] {
  return getSiteSettings()[key];
}

export const getRequiredApprovals = () => getSetting("requiredApprovals");
export const getReviewIntervalMonths = () => getSetting("reviewIntervalMonths");
export const getPublishPolicy = () => getSetting("publishPolicy");
export const getDefaultAudience = () => getSetting("defaultAudience");
export const getReadabilityTarget = () => getSetting("readabilityTarget");
/** The disclaimer shown under an article for one audience. */
export const getDisclaimer = (audience: "clinician" | "patient") =>
  getSetting(audience === "clinician" ? "clinicianDisclaimer" : "patientDisclaimer");
export const getEditorialPolicy = () => getSetting("editorialPolicy");
export const getSiteName = () => getSetting("siteName");
/** The site's IANA time zone: daily digests and "daily" reminders follow its calendar. */
export const getTimeZone = () => getSetting("timeZone");

/**
 * Stores every setting that changed, in one transaction with one audit event naming each
 * change (long texts are summarised by length, the rest by value). Returns the changed keys.
 */
export function saveSiteSettings(actor: { id: number; email: string }, next: SiteSettings): (keyof SiteSettings)[] {
  return writeTransaction((tx) => {
    const current = getSiteSettings();
    // By value: a list setting (the approver mix) is a new array on every save.
    const changed = (Object.keys(next) as (keyof SiteSettings)[]).filter(
      (key) => JSON.stringify(current[key]) !== JSON.stringify(next[key]),
    );
    if (changed.length === 0) return changed;
    const now = new Date().toISOString();
    const summarise = (value: unknown) =>
      typeof value === "string" && value.length > 120 ? `${value.slice(0, 80)}… (${value.length} characters)` : value;
    for (const key of changed) {
      const value = JSON.stringify(next[key]);
      tx.insert(siteSettings)
        .values({ key, value, updatedById: actor.id, updatedAt: now })
        .onConflictDoUpdate({ target: siteSettings.key, set: { value, updatedById: actor.id, updatedAt: now } })
        .run();
    }
    if (changed.some((key) => (REMINDER_SETTING_KEYS as readonly string[]).includes(key))) replanReminders(tx);
    appendAuditEvent(tx, {
      actor,
      action: "settings.update",
      targetType: "site_settings",
      targetId: changed.join(","),
      summary: {
        before: Object.fromEntries(changed.map((k) => [k, summarise(current[k])])),
        after: Object.fromEntries(changed.map((k) => [k, summarise(next[k])])),
      },
    });
    return changed;
  });
}
