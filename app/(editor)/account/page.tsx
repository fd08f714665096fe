import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/dal/session";
import { canEditBoardProfile } from "@/lib/permissions";
import { ROLE_LABELS } from "@/lib/domain";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await requireUser();
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-semibold">Your account</h1>
      <dl className="grid gap-3 rounded-md border border-slate-200 bg-white p-5 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-xs uppercase tracking-wide text-muted">Name</dt>
          <dd className="font-medium">{user.name}</dd>
        </div>
        <div>
          <dt className="text-xs uppercase tracking-wide text-muted">Email</dt>
          <dd className="break-all">{user.email}</dd>
        </div>
        <div>
          <dt className="text-xs uppercase tracking-wide text-muted">Role</dt>
          <dd>{ROLE_LABELS[user.role]}</dd>
        </div>
      </dl>
      <ul className="space-y-3">
        <li className="rounded-md border border-slate-200 bg-white p-4">
          <Link href="/account/password" className="font-medium">
            Change your password
          </Link>
          <p className="text-sm text-muted">Changing it signs you out of every other browser.</p>
        </li>
        <li className="rounded-md border border-slate-200 bg-white p-4">
          <Link href="/account/security" className="font-medium">
            Sign-in and security
          </Link>
          <p className="text-sm text-muted">Two-factor sign-in, and the browsers where you are signed in.</p>
        </li>
        <li className="rounded-md border border-slate-200 bg-white p-4">
          <Link href="/account/notifications" className="font-medium">
            Email notifications
          </Link>
          <p className="text-sm text-muted">Choose which notifications are emailed to you at once, in a daily digest, or not at all.</p>
        </li>
        {canEditBoardProfile(user, user.id) && (
          <li className="rounded-md border border-slate-200 bg-white p-4">
            <Link href="/account/profile" className="font-medium">
              Your board profile
            </Link>
            <p className="text-sm text-muted">Your name, credentials, specialty and bio as readers see them on the board page.</p>
          </li>
        )}
      </ul>
    </div>
  );
}
