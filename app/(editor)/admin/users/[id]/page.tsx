import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/dal/session";
import { getUserDetail } from "@/lib/dal/user-admin";
import { canManageUsers } from "@/lib/permissions";
import { userIdSchema } from "@/lib/validations/user";
import { formatDateTime } from "@/lib/dates";
import { Alert } from "@/components/ui/alert";
import { ROLE_LABELS } from "@/lib/domain";
import { RoleForm } from "@/components/admin/role-form";
import { ResetPasswordForm } from "@/components/admin/reset-password-form";
import { SignOutEverywhereButton } from "@/components/admin/sign-out-everywhere-button";
import { UserActiveToggle } from "@/components/admin/user-active-toggle";
import { BoardProfileForm } from "@/components/account/board-profile-form";
import { ResetTwoFactorButton } from "@/components/admin/reset-two-factor-button";
import { SessionList } from "@/components/account/session-list";
import { twoFactorStatus } from "@/lib/dal/two-factor";
import { listOpenSessions } from "@/lib/dal/user-sessions";

export const metadata: Metadata = { title: "User" };

function Panel({ title, id, children }: { title: string; id: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-4 rounded-md border border-slate-200 bg-white p-5">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function UserPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  if (!canManageUsers(user)) notFound();
  const id = userIdSchema.safeParse((await params).id);
  const target = id.success ? getUserDetail(id.data) : null;
  if (!target) notFound();
  const created = (await searchParams).created === "1";
  const self = target.id === user.id;

  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/users">← Users</Link>
      </p>
      {created && (
        <Alert tone="success" live>
          User created. Give {target.name} the temporary password privately; they must choose their own at first sign-in.
        </Alert>
      )}
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">
          {target.name}
          {target.credentials ? <span className="font-normal text-muted">, {target.credentials}</span> : null}
        </h1>
        <p className="break-all text-muted">{target.email}</p>
      </div>
      <dl className="grid gap-3 text-sm sm:grid-cols-4" aria-label="Account">
        <div>
          <dt className="text-xs uppercase tracking-wide text-muted">Role</dt>
          <dd className="font-medium">{ROLE_LABELS[target.role]}</dd>
        </div>
        <div>
          <dt className="text-xs uppercase tracking-wide text-muted">Status</dt>
          <dd className="font-medium">
            {target.active ? (target.mustChangePassword ? "Active · temporary password" : "Active") : "Deactivated"}
          </dd>
        </div>
        <div>
          <dt className="text-xs uppercase tracking-wide text-muted">Last sign-in</dt>
          <dd>{formatDateTime(target.lastSignInAt)}</dd>
        </div>
        <div>
          <dt className="text-xs uppercase tracking-wide text-muted">Open reviews</dt>
          <dd>{target.openAssignments}</dd>
        </div>
      </dl>

      <div className="grid gap-6 lg:grid-cols-2">
        <Panel title="Role" id="role-heading">
          <RoleForm userId={target.id} name={target.name} role={target.role} openAssignments={target.openAssignments} />
          {self && <p className="text-sm text-muted">This is your own account. The last active administrator can't be demoted.</p>}
        </Panel>
        <Panel title="Access" id="access-heading">
          {self ? (
            <p className="text-sm text-muted">
              To change your own password, use{" "}
              <Link href="/account/password" className="underline">
                your account
              </Link>
              .
            </p>
          ) : (
            <>
              <div className="flex flex-wrap items-start gap-4">
                <UserActiveToggle userId={target.id} name={target.name} active={target.active} />
                {target.active && <SignOutEverywhereButton userId={target.id} name={target.name} />}
              </div>
              <ResetPasswordForm userId={target.id} />
            </>
          )}
        </Panel>
      </div>

      <Panel title="Two-factor sign-in and sessions" id="sessions-heading">
        <UserSecurity userId={target.id} name={target.name} currentSessionId={user.sessionId} self={self} />
      </Panel>

      {(target.role === "reviewer" || target.profile) && (
        <Panel title="Board profile" id="profile-heading">
          <BoardProfileForm
            own={self}
            profile={{
              userId: target.id,
              name: target.name,
              credentials: target.profile?.credentials ?? "",
              specialty: target.profile?.specialty ?? "",
              bio: target.profile?.bio ?? "",
              isPublic: target.profile?.isPublic ?? false,
              credentialClass: target.profile?.credentialClass ?? "other",
              specialties: target.profile?.specialties ?? "",
            }}
          />
        </Panel>
      )}
    </div>
  );
}

function UserSecurity({
  userId,
  name,
  currentSessionId,
  self,
}: {
  userId: number;
  name: string;
  currentSessionId?: string;
  self: boolean;
}) {
  const status = twoFactorStatus(userId);
  return (
    <>
      <div className="flex flex-wrap items-center gap-4 text-sm">
        <p>
          Two-factor sign-in: <strong>{status.enabled ? `on since ${status.enabledAt?.slice(0, 10)}` : "off"}</strong>
          {status.enabled && ` · ${status.recoveryCodesLeft} recovery codes left`}
        </p>
        {status.enabled && !self && <ResetTwoFactorButton userId={userId} name={name} />}
      </div>
      <h3 className="font-medium">Open sessions</h3>
      <SessionList sessions={listOpenSessions(userId)} currentId={currentSessionId} userId={userId} />
    </>
  );
}
