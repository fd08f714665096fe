import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/dal/session";
import { canManageReferences } from "@/lib/permissions";
import { NewReferencePanel } from "@/components/references/new-reference-panel";

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
      <NewReferencePanel />
    </div>
  );
}
