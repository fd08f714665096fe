import { NextResponse } from "next/server";
import { searchReferencesForPicker } from "@/lib/dal/citation-picker";
import { getCurrentUser } from "@/lib/dal/session";
import { canEditRevision } from "@/lib/permissions";

export const dynamic = "force-dynamic";

/** The citation picker's library search (?q=title, author, DOI or PMID). */
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ message: "Sign in again to search the library." }, { status: 401 });
  if (!canEditRevision(user)) return NextResponse.json({ message: "You can't cite references." }, { status: 403 });
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 200);
  return NextResponse.json({ results: searchReferencesForPicker(q) }, { headers: { "Cache-Control": "no-store" } });
}
