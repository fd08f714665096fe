import Link from "next/link";
import type { CurrentUser } from "@/lib/dal/session";
import { ROLE_LABELS } from "@/lib/domain";
import {
  canCreateArticle,
  canManageJobs,
  canManageReferences,
  canManageUsers,
  canResolveErrorReports,
  canTriageQuestions,
} from "@/lib/permissions";
import { SignOutButton } from "./sign-out-button";

export function EditorNav({ user }: { user: CurrentUser }) {
  const links: { href: string; label: string }[] = [
    { href: "/dashboard", label: "Dashboard" },
    { href: "/editor/articles", label: "Articles" },
  ];
  if (canCreateArticle(user)) links.push({ href: "/editor/articles/new", label: "New article" });
  if (canManageReferences(user)) links.push({ href: "/editor/references", label: "References" });
  if (canTriageQuestions(user)) links.push({ href: "/editor/questions", label: "Questions" });
  if (canResolveErrorReports(user)) links.push({ href: "/editor/error-reports", label: "Error reports" });
  if (canManageUsers(user))
    links.push(
      { href: "/admin/users", label: "Users" },
      { href: "/admin/settings", label: "Settings" },
      { href: "/admin/audit", label: "Audit log" },
    );
  if (canManageJobs(user)) links.push({ href: "/admin/jobs", label: "Jobs" }, { href: "/admin/mail", label: "Mail" });
  links.push({ href: "/account", label: "Account" }, { href: "/account/notifications", label: "Notifications" });
  return (
    <header className="bg-brand-800 text-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/dashboard" className="text-lg font-semibold text-white no-underline">
          Vetted <span className="font-normal text-brand-100">Studio</span>
        </Link>
        <nav aria-label="Staff" className="flex flex-1 flex-wrap gap-1">
          {links.map((l) => (
            <Link key={l.href} href={l.href} className="rounded-md px-3 py-1.5 text-sm text-slate-100 no-underline hover:bg-brand-700">
              {l.label}
            </Link>
          ))}
        </nav>
        <div className="flex items-center gap-2 text-sm">
          <Link href="/account/password" className="text-slate-100 no-underline hover:underline" title="Your account">
            {user.name} <span className="text-brand-100">· {ROLE_LABELS[user.role]}</span>
          </Link>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
