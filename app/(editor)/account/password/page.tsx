import type { Metadata } from "next";
import { requireUser } from "@/lib/dal/session";
import { Alert } from "@/components/ui/alert";
import { ChangePasswordForm } from "@/components/account/change-password-form";

export const metadata: Metadata = { title: "Change password" };

export default async function ChangePasswordPage() {
  // The one staff page a user with a temporary password may open.
  const user = await requireUser({ allowPasswordChange: true });
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-semibold">{user.mustChangePassword ? "Choose your password" : "Change your password"}</h1>
      {user.mustChangePassword && (
        <Alert tone="warning">
          You signed in with a temporary password. Choose your own password to continue; until then nothing else in Vetted is available to
          you.
        </Alert>
      )}
      <ChangePasswordForm required={user.mustChangePassword} />
    </div>
  );
}
