import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/dal/session";
import { previewWording } from "@/lib/dal/revision-preview";
import { canEditRevision } from "@/lib/permissions";
import { previewSchema } from "@/lib/validations/revision";

export const dynamic = "force-dynamic";

/** The editor's live preview: both wordings through the reader's server-side renderer. */
export async function POST(request: Request) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ message: "Sign in again to see the preview." }, { status: 401 });
  if (!canEditRevision(user)) return NextResponse.json({ message: "You can't preview article edits." }, { status: 403 });
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return NextResponse.json({ message: "The request body must be JSON." }, { status: 400 });
  }
  const parsed = previewSchema.safeParse(body);
  if (!parsed.success)
    return NextResponse.json({ message: "Invalid preview request.", fieldErrors: parsed.error.flatten().fieldErrors }, { status: 400 });
  return NextResponse.json(
    { clinician: previewWording(parsed.data.clinicianBody), patient: previewWording(parsed.data.patientBody) },
    { headers: { "Cache-Control": "no-store" } },
  );
}
