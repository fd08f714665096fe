import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/dal/session";
import { listUsers } from "@/lib/dal/user-admin";
import { canManageUsers } from "@/lib/permissions";
import { UserActiveToggle } from "@/components/admin/user-active-toggle";
import { ROLE_LABELS } from "@/lib/domain";
import { buttonClass } from "@/components/ui/button";
import { formatDateTime } from "@/lib/dates";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const user = await requireUser();
  if (!canManageUsers(user)) notFound();
  const rows = listUsers();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold">Users</h1>
        <Link href="/admin/users/new" className={buttonClass("primary", "no-underline")}>
          New user
        </Link>
      </div>
      <div className="relative overflow-x-auto rounded-md border border-slate-200 bg-white">
        <table className="w-full min-w-[44rem] text-left text-sm">
          <caption className="sr-only-text">Staff accounts</caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-muted">
            <tr>
              <th scope="col" className="px-4 py-2">
                Name
              </th>
              <th scope="col" className="px-4 py-2">
                Email
              </th>
              <th scope="col" className="px-4 py-2">
                Role
              </th>
              <th scope="col" className="px-4 py-2">
                Status
              </th>
              <th scope="col" className="px-4 py-2">
                Last sign-in
              </th>
              <th scope="col" className="px-4 py-2">
                <span className="sr-only-text">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((u) => (
              <tr key={u.id} className="border-b border-slate-100 last:border-0" data-user-email={u.email}>
                <td className="px-4 py-2 font-medium">
                  <Link href={`/admin/users/${u.id}`}>{u.name}</Link>
                  {u.credentials ? <span className="text-muted">, {u.credentials}</span> : null}
                </td>
                <td className="px-4 py-2">{u.email}</td>
                <td className="px-4 py-2">{ROLE_LABELS[u.role]}</td>
                <td className="px-4 py-2">
                  {u.active ? "Active" : "Deactivated"}
                  {u.active && u.mustChangePassword && <span className="block text-xs text-muted">Temporary password</span>}
                </td>
                <td className="px-4 py-2 whitespace-nowrap text-muted">{formatDateTime(u.lastSignInAt)}</td>
                <td className="px-4 py-2 text-right">
                  {u.id !== user.id && <UserActiveToggle userId={u.id} name={u.name} active={u.active} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
