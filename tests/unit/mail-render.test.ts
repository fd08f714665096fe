import { describe, expect, it } from "vitest";
import { renderMailHtml, renderMailText } from "@/lib/mail/render";

const content = {
  greeting: "Dr. Osei,",
  paragraphs: ["The text of “Can I take <ibuprofen> & paracetamol?” changed after you signed it."],
  action: { label: "Review and sign again", url: "https://vetted.example/editor/articles/3/review?x=1&y=2" },
  footer: "You get this because you signed this revision.",
  unsubscribeUrl: "https://vetted.example/account/notifications",
};

describe("notification mail", () => {
  it("has a plain-text part with the link written out and the way to turn the mail off", () => {
    const text = renderMailText(content);
    expect(text).toContain("Dr. Osei,\n\nThe text of “Can I take <ibuprofen> & paracetamol?” changed");
    expect(text).toContain("Review and sign again: https://vetted.example/editor/articles/3/review?x=1&y=2");
    expect(text).toContain("Turn these emails off: https://vetted.example/account/notifications");
  });

  it("escapes everything it puts into the HTML part", () => {
    const html = renderMailHtml(content, "Sign again: <b>ibuprofen</b>");
    expect(html).toContain("Can I take &lt;ibuprofen&gt; &amp; paracetamol?");
    expect(html).toContain('href="https://vetted.example/editor/articles/3/review?x=1&amp;y=2"');
    expect(html).toContain("<title>Sign again: &lt;b&gt;ibuprofen&lt;/b&gt;</title>");
    expect(html).not.toContain("<ibuprofen>");
  });

  it("is laid out for a phone: viewport, one column of at most 600px, inline styles only", () => {
    const html = renderMailHtml(content, "Sign again");
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain("max-width:600px");
    expect(html).not.toMatch(/<style|<link/);
  });

  it("leaves out the button and the opt-out when there are none (security mail)", () => {
    const html = renderMailHtml(
      { greeting: "Hello,", paragraphs: ["Your password was changed."], footer: "Security notice." },
      "Password changed",
    );
    expect(html).not.toContain("<a ");
    expect(renderMailText({ greeting: "Hello,", paragraphs: ["x"], footer: "y" })).not.toContain("Turn these emails off");
  });
});
