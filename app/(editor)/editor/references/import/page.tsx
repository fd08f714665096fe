import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/dal/session";
import { canManageReferences } from "@/lib/permissions";
import { ImportPanel } from "@/components/references/import-panel";

export const metadata: Metadata = { title: "Import references" };

export default async function ImportReferencesPage() {
  const user = await requireUser();
  if (!canManageReferences(user)) notFound();
  return (
    <div className="max-w-4xl space-y-6">
      <p className="text-sm">
        <Link href="/editor/references">← Reference library</Link>
      </p>
      <h1 className="text-2xl font-semibold">Import references</h1>
      <p className="text-sm text-muted">
        Export from Zotero, EndNote, Mendeley or PubMed as BibTeX, RIS, CSL-JSON or PubMed (MEDLINE) format. You will see every entry as
        new, a duplicate of a library entry, or invalid with the reason, and choose what to import.
      </p>
      <ImportPanel />
    </div>
  );
}
