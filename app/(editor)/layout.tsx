import type { Metadata } from "next";
import { EditorNav } from "@/components/editor/editor-nav";
import { requireUser } from "@/lib/dal/session";

export const metadata: Metadata = { robots: { index: false, follow: false } };

export default async function EditorLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser({ allowPasswordChange: true });
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <EditorNav user={user} />
      <main id="main" className="mx-auto max-w-7xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
