import { formatDate } from "@/lib/dates";
import type { MailContent } from "@/lib/mail/render";

/**
 * Pure parts of readers' error reports (lib/dal/error-reports.ts): the response target and the
 * words of the mail that carries an editor's resolution to the reporter.
 */

const DAY_MS = 86_400_000;

/** When a report sent at `sentAt` should have been answered: whole days of 24 hours after it. */
export function errorReportDueAt(sentAt: Date, targetDays: number): Date {
  return new Date(sentAt.getTime() + targetDays * DAY_MS);
}

/** The sentence the policy page and the report form use for the target. */
export function errorReportTargetSentence(targetDays: number): string {
  return `We aim to answer every error report within ${targetDays} ${targetDays === 1 ? "day" : "days"}.`;
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

export function errorReportResolvedMail(input: {
  siteName: string;
  question: string;
  description: string;
  resolution: string;
  articleUrl: string;
  sentAt?: string;
}): { subject: string; content: MailContent } {
  return {
    subject: `Your error report: ${clip(input.question, 90)}`,
    content: {
      greeting: "Hello,",
      paragraphs: [
        `Thank you for telling us about a possible error in “${input.question}”${input.sentAt ? ` on ${formatDate(input.sentAt)}` : ""}. You wrote:`,
        `“${clip(input.description, 600)}”`,
        "Our editors looked into it. Their answer:",
        input.resolution,
      ],
      action: { label: "Read the article", url: input.articleUrl },
      footer: `You get this one email because you left your address when you reported an error on ${input.siteName}. We use it only to answer your report and never publish it.`,
    },
  };
}
