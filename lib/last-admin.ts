import type { Role } from "@/lib/permissions";

/**
 * The site must always keep one active administrator, or nobody could manage users or
 * settings again. Pure: the caller counts the other active admins inside its transaction.
 */
export type AdminChange = { kind: "deactivate" } | { kind: "role"; to: Role };

export function lastAdminProblem(target: { role: Role; active: boolean }, otherActiveAdmins: number, change: AdminChange): string | null {
  if (target.role !== "admin" || !target.active || otherActiveAdmins > 0) return null;
  if (change.kind === "deactivate") return "You can't deactivate the last active administrator.";
  if (change.to !== "admin") return "You can't change the role of the last active administrator.";
  return null;
}
