import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/dal/session";
import { getSiteSettings } from "@/lib/dal/settings";
import { canEditSettings } from "@/lib/permissions";
import { SettingsForm } from "@/components/admin/settings-form";

export const metadata: Metadata = { title: "Site settings" };

export default async function SettingsPage() {
  const user = await requireUser();
  if (!canEditSettings(user)) notFound();
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">Site settings</h1>
        <p className="text-sm text-muted">Changes apply at once, to reader pages too, and each change is recorded in the audit log.</p>
      </div>
      <SettingsForm settings={getSiteSettings()} />
    </div>
  );
}
