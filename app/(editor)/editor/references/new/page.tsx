import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/dal/session";
import { canManageReferences } from "@/lib/permissions";
import { EMPTY_REFERENCE_FORM, ReferenceForm } from "@/components/references/reference-form";

export const metadata: Metadata = { title: "Add a reference" };

export default async function NewReferencePage() {
  const user = await requireUser();
  if (!canManageReferences(user)) notFound();
  return (
    <div className="max-w-3xl space-y-6">
      <p className="text-sm">
        <Link href="/editor/references">← Reference library</Link>
      </p>
      <h1 className="text-2xl font-semibold">Add a reference</h1>
      <p className="text-sm text-muted">
        Have a file from Zotero, EndNote or PubMed?{" "}
        <Link href="/editor/references/import" className="underline">
          Import it instead
        </Link>
        .
      </p>
      <div className="rounded-md border border-slate-200 bg-white p-4 sm:p-6">
        <ReferenceForm mode="create" defaults={EMPTY_REFERENCE_FORM} />
      </div>
    </div>
  );
}
