import { describe, expect, test } from "vitest";
import { diffHtml, diffToHtml, diffWords } from "@/lib/diff";

describe("diffWords", () => {
  test("a changed word is a delete and an insert between equal runs", () => {
    expect(diffWords("Walk 3000 steps daily.", "Walk 5000 steps daily.")).toEqual([
      { type: "equal", text: "Walk " },
      { type: "delete", text: "3000" },
      { type: "insert", text: "5000" },
      { type: "equal", text: " steps daily." },
    ]);
  });

  test("added and removed words, with their spacing", () => {
    expect(diffWords("Stretch gently.", "Stretch very gently.")).toEqual([
      { type: "equal", text: "Stretch " },
      { type: "insert", text: "very " },
      { type: "equal", text: "gently." },
    ]);
    expect(diffWords("Rest, then walk.", "Rest.")).toEqual([
      { type: "equal", text: "Rest" },
      { type: "delete", text: ", then walk" },
      { type: "equal", text: "." },
    ]);
  });

  test("a new paragraph shows as inserted line breaks and words", () => {
    expect(diffWords("One.", "One.\n\nTwo.")).toEqual([
      { type: "equal", text: "One." },
      { type: "insert", text: "\n\nTwo." },
    ]);
  });

  test("the segments rebuild both texts", () => {
    const before = "Begin with walking [@mottola2018], aiming for 3000 steps.";
    const after = "Begin with brisk walking [@mottola2018; @who2020], aiming for 5000 steps daily.";
    const segments = diffWords(before, after);
    expect(
      segments
        .filter((s) => s.type !== "insert")
        .map((s) => s.text)
        .join(""),
    ).toBe(before);
    expect(
      segments
        .filter((s) => s.type !== "delete")
        .map((s) => s.text)
        .join(""),
    ).toBe(after);
  });

  test("identical and empty texts", () => {
    expect(diffWords("Same text.", "Same text.")).toEqual([{ type: "equal", text: "Same text." }]);
    expect(diffWords("", "")).toEqual([]);
    expect(diffWords("", "New.")).toEqual([{ type: "insert", text: "New." }]);
  });
});

describe("diffToHtml", () => {
  test("marks changes with ins/del and visually hidden labels for screen readers", () => {
    expect(diffHtml("Walk 3000 steps.", "Walk 5000 steps.")).toBe(
      'Walk <del><span class="sr-only">[removed: </span>3000<span class="sr-only">]</span></del>' +
        '<ins><span class="sr-only">[added: </span>5000<span class="sr-only">]</span></ins> steps.',
    );
  });

  test("escapes the text of every segment", () => {
    const html = diffToHtml([
      { type: "equal", text: "<b>a</b> & " },
      { type: "insert", text: '<script>alert("x")</script>' },
      { type: "delete", text: "<img src=x onerror=alert(1)>" },
    ]);
    expect(html).toBe(
      "&lt;b&gt;a&lt;/b&gt; &amp; " +
        '<ins><span class="sr-only">[added: </span>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;<span class="sr-only">]</span></ins>' +
        '<del><span class="sr-only">[removed: </span>&lt;img src=x onerror=alert(1)&gt;<span class="sr-only">]</span></del>',
    );
  });
});
