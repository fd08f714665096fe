import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getBoardProfile } from "@/lib/dal/board-profiles";
import { requireUser } from "@/lib/dal/session";
import { canEditBoardProfile } from "@/lib/permissions";
import { BoardProfileForm } from "@/components/account/board-profile-form";

export const metadata: Metadata = { title: "Your board profile" };

export default async function OwnProfilePage() {
  const user = await requireUser();
  if (!canEditBoardProfile(user, user.id)) notFound();
  const profile = getBoardProfile(user.id);
  if (!profile) notFound();
  return (
    <div className="max-w-2xl space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">Your board profile</h1>
        <p className="text-sm text-muted">Readers see this on the Medical Advisory Board page and next to the articles you reviewed.</p>
      </div>
      <BoardProfileForm
        own
        profile={{
          userId: profile.userId,
          name: profile.name,
          credentials: profile.credentials,
          specialty: profile.specialty,
          bio: profile.bio,
          isPublic: profile.isPublic,
          credentialClass: profile.credentialClass,
          specialties: profile.specialties,
        }}
      />
    </div>
  );
}
