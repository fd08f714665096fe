import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/dal/session";
import { getReviewPageData } from "@/lib/dal/review";
import { formatDate } from "@/lib/dates";
import { shortHash } from "@/lib/content-hash";
import { stepperStage } from "@/lib/workflow";
import { Alert } from "@/components/ui/alert";
import { StateBadge } from "@/components/ui/state-badge";
import { ApproveDialog } from "@/components/review/approve-dialog";
import { CommentForm } from "@/components/review/comment-form";
import { CommentThread } from "@/components/review/comment-thread";
import { LiveDiff } from "@/components/review/live-diff";
import { ReadabilitySummary } from "@/components/review/readability-summary";
import { RenderedWording } from "@/components/review/rendered-wording";
import { RequestChangesForm } from "@/components/review/request-changes-form";
import { ReviewStepper } from "@/components/workflow/review-stepper";
import { SignOffList } from "@/components/workflow/sign-off-list";
import { SubmissionChecklist } from "@/components/workflow/submission-checklist";
import { ChangeClassSummary } from "@/components/workflow/change-class-summary";
import { EscalateClassForm } from "@/components/workflow/escalate-class-form";

export const metadata: Metadata = { title: "Review" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export default async function ReviewPage({ params }: Props) {
  const user = await requireUser();
  const articleId = Number((await params).id);
  if (!Number.isInteger(articleId) || articleId <= 0) notFound();
  const data = getReviewPageData(user, articleId);
  if (!data) notFound();
  const { revision, viewer, quorum } = data;

  return (
    <div className="space-y-8">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/dashboard">Dashboard</Link> <span aria-hidden="true">/</span>{" "}
        <Link href={`/editor/articles/${data.article.id}`}>Article</Link> <span aria-hidden="true">/</span>{" "}
        <span className="text-muted">Review</span>
      </nav>

      <header className="space-y-3">
        <p className="text-sm text-muted">
          {data.article.topic || "No topic"} · Revision {revision.number} by {revision.authorName} · updated{" "}
          {formatDate(revision.updatedAt)}
        </p>
        <h1 className="text-2xl font-semibold">{revision.question || "Untitled article"}</h1>
        {revision.changeSummary && (
          <p className="text-sm" data-testid="change-summary">
            <span className="font-medium">What changed:</span> {revision.changeSummary}
          </p>
        )}
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <StateBadge state={revision.state} />
          <span>
            {quorum.counted} of {quorum.required} approvals on this text
          </span>
          <span className="text-muted">
            Content hash <code data-testid="content-hash">{shortHash(revision.contentHash)}</code>
          </span>
        </div>
        <ReviewStepper stage={stepperStage(revision.state)} summary={false} />
      </header>

      <section aria-labelledby="class-heading" className="space-y-2 rounded-md border border-slate-200 bg-white p-4">
        <h2 id="class-heading" className="text-lg font-semibold">
          Change class
        </h2>
        <ChangeClassSummary quorum={quorum} />
        {viewer.canEscalate && quorum.changeClass.changeClass === "minor" && <EscalateClassForm revisionId={revision.id} />}
      </section>

      {viewer.mustSignAgain && (
        <Alert tone="warning">
          The text changed after you approved it. Your earlier approval no longer counts: review the changes and sign again.
        </Alert>
      )}
      {viewer.approvedCurrentText && <Alert tone="success">You have approved this exact text.</Alert>}
      {viewer.barredAsAuthor && <Alert tone="info">You wrote this revision, so you can't review it.</Alert>}

      {viewer.canSign && (
        <section aria-labelledby="decision-heading" className="space-y-4 rounded-md border border-brand-100 bg-brand-50/50 p-4">
          <h2 id="decision-heading" className="text-lg font-semibold">
            Your decision
          </h2>
          <ApproveDialog
            revisionId={revision.id}
            contentHash={revision.contentHash}
            signerName={viewer.signerName}
            signerCredentials={viewer.signerCredentials}
            again={viewer.mustSignAgain}
            needsCode={!!user.twoFactorEnabled}
          />
          <details>
            <summary className="cursor-pointer text-sm font-medium">Request changes instead</summary>
            <div className="mt-3">
              <RequestChangesForm revisionId={revision.id} contentHash={revision.contentHash} needsCode={!!user.twoFactorEnabled} />
            </div>
          </details>
        </section>
      )}

      {data.diff && <LiveDiff diff={data.diff} />}

      <div className="grid gap-6 xl:grid-cols-2">
        <RenderedWording id="clinician" title="For healthcare professionals" wording={data.clinician} />
        <RenderedWording id="patient" title="For patients and caregivers" wording={data.patient} />
      </div>

      <section aria-labelledby="disclosure-heading" className="space-y-1">
        <h2 id="disclosure-heading" className="text-lg font-semibold">
          Author&apos;s disclosure
        </h2>
        <p className="text-sm">{revision.disclosure || <span className="text-red-800">No disclosure.</span>}</p>
      </section>

      <div className="grid gap-8 lg:grid-cols-2">
        <ReadabilitySummary readability={data.readability} target={data.readabilityTarget} />
        <SubmissionChecklist checklist={data.checklist} />
      </div>

      <SignOffList items={data.signOffs} />

      <section aria-labelledby="comments-heading" className="space-y-3">
        <h2 id="comments-heading" className="text-lg font-semibold">
          Comments
        </h2>
        <CommentThread comments={data.comments} />
        {viewer.canComment && <CommentForm revisionId={revision.id} />}
      </section>
    </div>
  );
}
