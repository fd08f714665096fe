import { describe, expect, it } from "vitest";
import { PREVIEW_FAILED, PREVIEW_UNREACHABLE, previewFailureMessage, previewRefusal } from "@/lib/editor/live-preview";

describe("live preview messages", () => {
  it("shows the server's reason for refusing a preview, or a general one", () => {
    expect(previewRefusal({ message: "Sign in again to see the preview." })).toBe("Sign in again to see the preview.");
    expect(previewRefusal({})).toBe(PREVIEW_FAILED);
    expect(previewRefusal(null)).toBe(PREVIEW_FAILED);
    expect(previewRefusal({ message: 404 })).toBe(PREVIEW_FAILED);
  });

  it("says the server can't be reached when the request itself failed", () => {
    expect(previewFailureMessage(new TypeError("Failed to fetch"))).toBe(PREVIEW_UNREACHABLE);
    expect(previewFailureMessage("not an error")).toBe(PREVIEW_UNREACHABLE);
    expect(previewFailureMessage(new Error("You can't preview article edits."))).toBe("You can't preview article edits.");
  });
});
