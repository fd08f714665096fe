import { getSiteSettings } from "@/lib/dal/settings";
import { errorReportTargetSentence } from "@/lib/error-reports";
import { renderWording } from "@/lib/markdown";

export function PolicyView() {
  const { editorialPolicy, errorReportTargetDays } = getSiteSettings();
  const { html } = renderWording(editorialPolicy, []);
  return (
    <div>
      <h1 className="mb-4 text-3xl font-semibold tracking-tight">Editorial policy</h1>
      <div className="prose-article" dangerouslySetInnerHTML={{ __html: html }} />
      <section aria-labelledby="corrections-heading" className="prose-article mt-8">
        <h2 id="corrections-heading">Reporting errors and corrections</h2>
        <p data-testid="error-report-target">
          Every article has a “Report an error” form. {errorReportTargetSentence(errorReportTargetDays)} Reports still open after that are
          escalated to our senior editors. If you leave an email address, we write to you with what we found or changed, and every approved
          version of an article stays readable in its version history.
        </p>
      </section>
    </div>
  );
}
