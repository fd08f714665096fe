import { describe, expect, it } from "vitest";
import { digestMail, eventMail, groupDigest, type DigestItem } from "@/lib/notifications/mail-content";
import { readUnsubscribeToken, signUnsubscribeToken } from "@/lib/notifications/unsubscribe-token";
import { CONFIGURABLE_NOTIFICATION_KINDS, effectiveDelivery, NOTIFICATION_KIND_INFO, notificationKindsFor } from "@/lib/notification-kinds";
import { renderMailHtml, renderMailText } from "@/lib/mail/render";

/** The words of notification mail, the digest's grouping and the unsubscribe token: pure. */
const item = (id: number, kind: DigestItem["kind"], createdAt: string, url: string | null = null): DigestItem => ({
  id,
  kind,
  message: `Item ${id}`,
  url,
  createdAt,
});

describe("digest grouping", () => {
  it("groups by kind in catalogue order, oldest first within a kind, with a count in each heading", () => {
    const groups = groupDigest([
      item(3, "question", "2026-12-07T10:00:00.000Z"),
      item(1, "review_comment", "2026-12-07T09:00:00.000Z"),
      item(2, "question", "2026-12-07T08:00:00.000Z"),
      item(4, "assigned", "2026-12-07T11:00:00.000Z"),
    ]);
    expect(groups.map((g) => g.kind)).toEqual(["assigned", "question", "review_comment"]);
    expect(groups[1].items.map((i) => i.id)).toEqual([2, 3]);
    expect(groups[1].heading).toBe("Reader question (2)");
  });

  it("lists an item once even if it is passed twice, and nothing for no items", () => {
    const once = item(7, "question", "2026-12-07T10:00:00.000Z");
    expect(groupDigest([once, once])[0].items).toHaveLength(1);
    expect(groupDigest([])).toEqual([]);
  });

  it("renders headings and each item's link in both parts", () => {
    const groups = groupDigest([
      item(1, "question", "2026-12-07T10:00:00.000Z", "https://vetted.example/editor/questions"),
      item(2, "review_comment", "2026-12-07T10:00:00.000Z", "https://vetted.example/editor/articles/9"),
    ]);
    const { subject, content } = digestMail({
      recipientName: "Sam Whitaker",
      groups,
      date: "2026-12-07",
      preferencesUrl: "https://vetted.example/account/notifications",
    });
    expect(subject).toBe("Your Vetted digest for 7 December 2026: 2 updates");
    const text = renderMailText(content);
    expect(text).toContain("Reader question (1)\n");
    expect(text).toContain("- Item 2\n  https://vetted.example/editor/articles/9");
    expect(text).toContain("https://vetted.example/account/notifications");
    const html = renderMailHtml(content, subject);
    expect(html).toContain(">Review comment (1)</h2>");
    expect(html).toContain('<a href="https://vetted.example/editor/questions" style="color:#1d4ed8">Item 1</a>');
  });
});

describe("one event's mail", () => {
  const base = {
    recipientName: "Dr. Rhea Lindqvist",
    message: "Sam Whitaker asked you to review “Is back pain after childbirth normal?”.",
    question: "Is back pain after childbirth normal?",
    dueAt: "2026-12-11T23:59:59.999Z",
    link: "https://vetted.example/editor/articles/7/review",
    preferencesUrl: "https://vetted.example/account/notifications",
    unsubscribeUrl: "https://vetted.example/unsubscribe?token=x",
  };

  it("greets by name, names the question and the due date, links the review page and says why", () => {
    const { subject, content } = eventMail({ ...base, kind: "assigned" });
    expect(subject).toBe("Review requested: Is back pain after childbirth normal?");
    const text = renderMailText(content);
    expect(text).toMatch(/^Hello Dr\. Rhea Lindqvist,\n/);
    expect(text).toContain("The review is due on 11 December 2026.");
    expect(text).toContain("Open the review: https://vetted.example/editor/articles/7/review");
    expect(text).toContain("“Assigned to you” is set to “Immediately”");
    expect(text).toContain("Turn these emails off: https://vetted.example/unsubscribe?token=x");
  });

  it("states a due date only for the kinds about an assignment", () => {
    const text = renderMailText(eventMail({ ...base, kind: "review_comment" }).content);
    expect(text).not.toContain("due on");
    expect(text).toContain("Open the article: ");
  });

  it("offers no unsubscribe for security mail and says it can't be turned off", () => {
    const { content } = eventMail({ ...base, kind: "security", unsubscribeUrl: null, link: null, question: null });
    expect(content.unsubscribeUrl).toBeUndefined();
    expect(content.footer).toContain("can't be turned off");
  });
});

describe("the catalogue", () => {
  it("defaults reader questions and error reports to the digest, the rest to immediate; security is always immediate", () => {
    expect(effectiveDelivery("question", null)).toBe("digest");
    expect(effectiveDelivery("error_report", null)).toBe("digest");
    expect(effectiveDelivery("assigned", null)).toBe("immediate");
    expect(effectiveDelivery("assigned", "off")).toBe("off");
    expect(effectiveDelivery("security", "off")).toBe("immediate");
    expect(CONFIGURABLE_NOTIFICATION_KINDS).not.toContain("security");
  });

  it("shows each role its own kinds, security to everyone", () => {
    expect(notificationKindsFor("reviewer")).toContain("assigned");
    expect(notificationKindsFor("reviewer")).not.toContain("question");
    expect(notificationKindsFor("editor")).toContain("question");
    for (const role of ["admin", "editor", "reviewer"] as const) expect(notificationKindsFor(role)).toContain("security");
    for (const info of Object.values(NOTIFICATION_KIND_INFO)) expect(info.description).toMatch(/\.$/);
  });
});

describe("unsubscribe tokens", () => {
  const secret = "a-test-secret-of-at-least-thirty-two-chars";

  it("names the user and kind they were signed for", () => {
    const token = signUnsubscribeToken(secret, 42, "assigned");
    expect(readUnsubscribeToken(secret, token)).toEqual({ userId: 42, kind: "assigned" });
  });

  it("refuses a changed user, kind or signature, another secret, junk, and security", () => {
    const token = signUnsubscribeToken(secret, 42, "assigned");
    const [, , signature] = token.split(".");
    expect(readUnsubscribeToken(secret, `43.assigned.${signature}`)).toBeNull();
    expect(readUnsubscribeToken(secret, `42.question.${signature}`)).toBeNull();
    expect(readUnsubscribeToken(secret, `42.assigned.${signature.slice(0, -1)}${signature.endsWith("A") ? "B" : "A"}`)).toBeNull();
    expect(readUnsubscribeToken("another-secret-of-at-least-thirty-two-chars", token)).toBeNull();
    for (const junk of ["", null, "42", "42.assigned", "0.assigned.x", `42.nope.${signature}`])
      expect(readUnsubscribeToken(secret, junk)).toBeNull();
    expect(readUnsubscribeToken(secret, signUnsubscribeToken(secret, 42, "security"))).toBeNull();
  });
});
