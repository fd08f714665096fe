import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/dal/session";
import { canManageUsers } from "@/lib/permissions";
import { CreateUserForm } from "@/components/admin/create-user-form";

export const metadata: Metadata = { title: "New user" };

export default async function NewUserPage() {
  const user = await requireUser();
  if (!canManageUsers(user)) notFound();
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/users">← Users</Link>
      </p>
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">New user</h1>
        <p className="text-sm text-muted">
          The new user signs in with the temporary password you set here and must choose their own before doing anything else.
        </p>
      </div>
      <CreateUserForm />
    </div>
  );
}
