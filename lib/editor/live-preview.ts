/**
 * The editor's live preview, the part that needs no browser: how long it waits after typing
 * and what it says when the server can't render the text.
 */

/** Pause after the last keystroke in a wording before the preview is asked for. */
export const PREVIEW_DELAY_MS = 350;

export const PREVIEW_FAILED = "The preview could not be rendered.";
export const PREVIEW_UNREACHABLE = "The preview is out of date: the server can't be reached.";

/** The server's reason for refusing a preview (its JSON `message`), or a general one. */
export function previewRefusal(body: unknown): string {
  const message = body && typeof body === "object" ? (body as { message?: unknown }).message : undefined;
  return typeof message === "string" ? message : PREVIEW_FAILED;
}

/** What the editor shows when a preview request fails: the reason, or that the server is unreachable. */
export function previewFailureMessage(error: unknown): string {
  return error instanceof Error && error.message !== "Failed to fetch" ? error.message : PREVIEW_UNREACHABLE;
}
