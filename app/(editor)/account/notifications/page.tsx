import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { notificationSettings } from "@/lib/dal/notifications";
import { requireUser } from "@/lib/dal/session";
import { canChangeOwnNotifications } from "@/lib/permissions";
import { NotificationPreferencesForm } from "@/components/account/notification-preferences-form";

export const metadata: Metadata = { title: "Email notifications" };

export default async function NotificationSettingsPage() {
  const user = await requireUser();
  if (!canChangeOwnNotifications(user)) notFound();
  return (
    <div className="max-w-3xl space-y-6">
      <div className="space-y-2">
        <p className="text-sm">
          <Link href="/account">← Your account</Link>
        </p>
        <h1 className="text-2xl font-semibold">Email notifications</h1>
        <p className="text-sm text-muted">
          Choose how each kind of notification reaches <span className="font-medium text-ink">{user.email}</span>:{" "}
          <strong>Immediately</strong> (one email each time), <strong>Daily digest</strong> (one email a day listing them) or{" "}
          <strong>Off</strong> (no email).
        </p>
        <p className="text-sm text-muted">
          Whatever you choose, every notification still appears in your inbox on the dashboard. You are never emailed about your own
          actions.
        </p>
      </div>
      <NotificationPreferencesForm settings={notificationSettings(user)} />
    </div>
  );
}
