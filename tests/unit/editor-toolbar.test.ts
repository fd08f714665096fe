import { describe, expect, it } from "vitest";
import { applyToolbarCommand, insertCitation, shortcutCommand, type TextSelection } from "@/lib/editor/toolbar";

/** "|" marks the cursor, "[…]" is not used here: selection written as «text». */
function sel(marked: string): TextSelection {
  const start = marked.indexOf("«");
  if (start !== -1) {
    const end = marked.indexOf("»") - 1;
    return { value: marked.replace("«", "").replace("»", ""), start, end };
  }
  const at = marked.indexOf("|");
  return { value: marked.replace("|", ""), start: at, end: at };
}
function show(s: TextSelection): string {
  if (s.start === s.end) return s.value.slice(0, s.start) + "|" + s.value.slice(s.start);
  return s.value.slice(0, s.start) + "«" + s.value.slice(s.start, s.end) + "»" + s.value.slice(s.end);
}

describe("toolbar commands", () => {
  it("wraps the selection in bold and unwraps it again", () => {
    const bold = applyToolbarCommand(sel("Rest «often» please"), "bold");
    expect(show(bold)).toBe("Rest **«often»** please");
    expect(show(applyToolbarCommand(bold, "bold"))).toBe("Rest «often» please");
  });

  it("inserts selected placeholder text when nothing is selected", () => {
    expect(show(applyToolbarCommand(sel("Say |"), "italic"))).toBe("Say _«italic text»_");
  });

  it("prefixes every selected line for lists and toggles them off", () => {
    const listed = applyToolbarCommand(sel("«walk\nswim»"), "bullets");
    expect(listed.value).toBe("- walk\n- swim");
    expect(applyToolbarCommand({ ...listed, start: 0, end: listed.value.length }, "bullets").value).toBe("walk\nswim");
    expect(applyToolbarCommand(sel("«walk\nswim»"), "numbers").value).toBe("1. walk\n2. swim");
  });

  it("turns the cursor's line into a heading, replacing another heading level", () => {
    expect(applyToolbarCommand(sel("Intro\nAero|bic\nMore"), "heading").value).toBe("Intro\n## Aerobic\nMore");
    expect(applyToolbarCommand(sel("### Ae|robic"), "heading").value).toBe("## Aerobic");
  });

  it("makes a link and selects its address for typing", () => {
    const link = applyToolbarCommand(sel("See «the guideline»."), "link");
    expect(link.value).toBe("See [the guideline](https://).");
    expect(link.value.slice(link.start, link.end)).toBe("https://");
  });
});

describe("insertCitation", () => {
  it("inserts a marker at the cursor with a space before it", () => {
    expect(show(insertCitation(sel("Walking helps|."), "bull2020"))).toBe("Walking helps [@bull2020]|.");
  });

  it("needs no extra space after whitespace or at the start", () => {
    expect(show(insertCitation(sel("|"), "a2020"))).toBe("[@a2020]|");
    expect(show(insertCitation(sel("helps |now"), "a2020"))).toBe("helps [@a2020]|now");
  });

  it("joins a marker right before the cursor", () => {
    expect(show(insertCitation(sel("helps [@a2020]|."), "b2021"))).toBe("helps [@a2020; @b2021]|.");
  });

  it("replaces a selection", () => {
    expect(insertCitation(sel("helps «(ref)»."), "a2020").value).toBe("helps [@a2020].");
  });
});

describe("shortcuts", () => {
  const key = (k: string, extra: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
    key: k,
    ctrlKey: true,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    ...extra,
  });
  it("maps Ctrl/⌘ + B, I, K and the shifted list keys", () => {
    expect(shortcutCommand(key("b"))).toBe("bold");
    expect(shortcutCommand(key("I", { ctrlKey: false, metaKey: true }))).toBe("italic");
    expect(shortcutCommand(key("k"))).toBe("link");
    expect(shortcutCommand(key("*", { shiftKey: true }))).toBe("bullets");
    expect(shortcutCommand(key("b", { ctrlKey: false }))).toBeNull();
    expect(shortcutCommand(key("b", { altKey: true }))).toBeNull();
  });
});
