import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/dal/session";
import { articleTimeline } from "@/lib/dal/review";
import { getArticleOverview } from "@/lib/dal/workflow-overview";
import { listPreviewLinks } from "@/lib/dal/preview-links";
import { canManagePreviewLinks } from "@/lib/permissions";
import { PreviewLinksPanel } from "@/components/preview/preview-links-panel";
import { getSiteSettings } from "@/lib/dal/settings";
import { formatDate } from "@/lib/dates";
import { shortHash } from "@/lib/content-hash";
import { stepperStage } from "@/lib/workflow";
import { StateBadge } from "@/components/ui/state-badge";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { ArticleTimeline } from "@/components/workflow/article-timeline";
import { AssignReviewersForm } from "@/components/workflow/assign-reviewers-form";
import { ReviewStepper } from "@/components/workflow/review-stepper";
import { ReviewerPanel } from "@/components/workflow/reviewer-panel";
import { SignOffList } from "@/components/workflow/sign-off-list";
import { SubmissionChecklist } from "@/components/workflow/submission-checklist";
import { TransitionButtons } from "@/components/workflow/transition-buttons";
import { ChangeClassSummary } from "@/components/workflow/change-class-summary";
import { EscalateClassForm } from "@/components/workflow/escalate-class-form";
import { SubmitWithClassForm } from "@/components/workflow/submit-with-class-form";
import { LifecycleControls } from "@/components/workflow/lifecycle-panel";
import { formatZonedWithUtc } from "@/lib/time-zone";

export const metadata: Metadata = { title: "Article" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export default async function ArticleOverviewPage({ params }: Props) {
  const user = await requireUser();
  const articleId = Number((await params).id);
  if (!Number.isInteger(articleId) || articleId <= 0) notFound();
  const overview = getArticleOverview(user, articleId);
  if (!overview) notFound();
  const { article, revision, live, checklist, quorum, can, lifecycle } = overview;
  const timeline = articleTimeline(articleId);
  // A change to a live article is classed at submission (major or a verified minor).
  const chooseClass = can.submit && !!live && !revision.isLive;
  const settings = getSiteSettings();

  return (
    <div className="space-y-8">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/dashboard">Dashboard</Link> <span aria-hidden="true">/</span> <span className="text-muted">Article</span>
      </nav>

      <header className="space-y-3">
        <p className="text-sm text-muted">
          {article.topic || "No topic"} · /articles/{article.slug}
        </p>
        <h1 className="text-2xl font-semibold">{revision.question || "Untitled article"}</h1>
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <StateBadge state={revision.state} />
          <span className="text-muted">
            Revision {revision.number} by {revision.authorName} · updated {formatDate(revision.updatedAt)} · content hash{" "}
            <code>{shortHash(revision.contentHash)}</code>
          </span>
        </div>
        <ReviewStepper stage={stepperStage(revision.state)} summary={false} />
        <div className="flex flex-wrap gap-2">
          {can.edit && (
            <Link href={`/editor/articles/${article.id}/edit`} className={buttonClass("secondary", "no-underline")}>
              Edit
            </Link>
          )}
          <Link href={`/editor/articles/${article.id}/review`} className={buttonClass("secondary", "no-underline")}>
            {can.signOff ? "Review" : "Review page"}
          </Link>
          <Link href={`/editor/articles/${article.id}/history`} className={buttonClass("secondary", "no-underline")}>
            History
          </Link>
          <Link href={`/editor/articles/${article.id}/signatures`} className={buttonClass("secondary", "no-underline")}>
            Signatures
          </Link>
          {article.readerVisible && (
            <Link href={`/articles/${article.slug}`} className={buttonClass("ghost", "no-underline")}>
              Public page
            </Link>
          )}
        </div>
      </header>

      {lifecycle.lifecycle !== "active" && (
        <Alert tone="warning">
          {lifecycle.lifecycle === "withdrawn" ? "Withdrawn" : "Archived"} on{" "}
          {lifecycle.withdrawnAt ? formatZonedWithUtc(lifecycle.withdrawnAt, lifecycle.timeZone) : "an unknown date"}
          {lifecycle.withdrawnBy ? ` by ${lifecycle.withdrawnBy}` : " by the scheduler"}
          {lifecycle.withdrawnReason ? ` because: ${lifecycle.withdrawnReason}` : ""}
          {lifecycle.successorSlug ? ` Readers are sent to /articles/${lifecycle.successorSlug}.` : " Readers get a “gone” notice (410)."}
        </Alert>
      )}
      {lifecycle.publishBlockedReason && (
        <Alert tone="warning">Not published at its scheduled time: {lifecycle.publishBlockedReason}</Alert>
      )}
      {live && !revision.isLive && (
        <Alert tone="info">
          Readers see revision {live.number}, approved {formatDate(live.approvedAt)}. Revision {revision.number} replaces it once the board
          approves it.
        </Alert>
      )}
      {article.overdue && (
        <Alert tone="warning">
          Due for re-review{article.reReviewReason ? `: ${article.reReviewReason}` : ""}. Review was due {formatDate(article.reviewDueAt)}.
        </Alert>
      )}

      <div className="grid gap-8 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="space-y-8">
          <section aria-labelledby="status-heading" className="space-y-3">
            <h2 id="status-heading" className="text-lg font-semibold">
              Status
            </h2>
            <dl className="grid grid-cols-1 gap-2 text-sm sm:grid-cols-2">
              <div>
                <dt className="text-muted">Approvals on the current text</dt>
                <dd className="font-semibold">
                  {quorum.counted} of {quorum.required} needed
                </dd>
              </div>
              <div>
                <dt className="text-muted">Last reviewed</dt>
                <dd className="font-semibold">{formatDate(article.lastReviewedAt)}</dd>
              </div>
              <div>
                <dt className="text-muted">Review due</dt>
                <dd className="font-semibold">{formatDate(article.reviewDueAt)}</dd>
              </div>
              <div>
                <dt className="text-muted">Live revision</dt>
                <dd className="font-semibold">{live ? `Revision ${live.number}` : "Not published yet"}</dd>
              </div>
            </dl>
            {revision.state !== "draft" && <ChangeClassSummary quorum={quorum} />}
            {can.escalate && quorum.changeClass.changeClass === "minor" && <EscalateClassForm revisionId={revision.id} />}
            {chooseClass && (
              <SubmitWithClassForm
                revisionId={revision.id}
                submitBlocked={!checklist.canSubmit}
                minorApprovals={settings.minorApprovals}
                maxChangedWords={settings.minorMaxChangedWords}
                changeSummary={revision.changeSummary}
              />
            )}
            <TransitionButtons
              revisionId={revision.id}
              articleId={article.id}
              canSubmit={can.submit && !chooseClass}
              submitBlocked={!checklist.canSubmit}
              canWithdraw={can.withdraw}
              canReReview={can.reReview}
              changeSummary={revision.changeSummary}
            />
          </section>

          <section aria-labelledby="lifecycle-heading" className="space-y-3">
            <h2 id="lifecycle-heading" className="text-lg font-semibold">
              Lifecycle
            </h2>
            <dl className="grid grid-cols-1 gap-2 text-sm sm:grid-cols-2">
              <div>
                <dt className="text-muted">On the site</dt>
                <dd className="font-semibold" data-testid="lifecycle-status">
                  {lifecycleLine(lifecycle, !!live, revision.state, revision.isLive)}
                </dd>
              </div>
              <div>
                <dt className="text-muted">Expires</dt>
                <dd className="font-semibold">{lifecycle.unpublishAtText ?? "No expiry"}</dd>
              </div>
            </dl>
            <LifecycleControls
              articleId={article.id}
              revisionId={revision.id}
              question={revision.question || article.slug}
              isLive={revision.isLive}
              hasLive={!!live}
              lifecycle={lifecycle.lifecycle}
              publishAt={lifecycle.publishAt}
              unpublishAt={lifecycle.unpublishAt}
              timeZone={lifecycle.timeZone}
              canSchedule={can.schedule}
              canTakeDown={can.takeDown}
            />
          </section>

          {can.assign && (
            <AssignReviewersForm revisionId={revision.id} candidates={overview.candidates} hasPanel={overview.panel.length > 0} />
          )}

          {(revision.state === "under_review" || overview.panel.length > 0) && (
            // While the assign form is shown it is where reviewers are added, so the panel offers removal only.
            <ReviewerPanel
              revisionId={revision.id}
              members={overview.panel}
              candidates={can.assign ? [] : overview.candidates}
              canChange={can.changePanel}
            />
          )}

          <SubmissionChecklist checklist={checklist} />
          <SignOffList items={overview.signOffs} />
          {canManagePreviewLinks(user) && (
            <PreviewLinksPanel articleId={article.id} revisionNumber={revision.number} links={listPreviewLinks(article.id)} />
          )}
        </div>
        <ArticleTimeline events={timeline} />
      </div>
    </div>
  );
}

/** One line for the overview: scheduled for…, live since…, withdrawn, archived. */
function lifecycleLine(
  lifecycle: { lifecycle: string; publishAtText: string | null; liveSince: string | null; publishBlockedReason: string | null },
  hasLive: boolean,
  state: string,
  isLive: boolean,
): string {
  if (lifecycle.lifecycle === "withdrawn") return "Withdrawn";
  if (lifecycle.lifecycle === "archived") return "Archived";
  const live = hasLive ? `Live since ${formatDate(lifecycle.liveSince)}` : "Not published";
  if (isLive) return live;
  if (lifecycle.publishBlockedReason) return `${live}; the scheduled publication was refused`;
  if (state === "approved") {
    return lifecycle.publishAtText
      ? `Approved, scheduled for ${lifecycle.publishAtText}`
      : `Approved, not scheduled (${live.toLowerCase()})`;
  }
  return lifecycle.publishAtText ? `${live}; this revision is scheduled for ${lifecycle.publishAtText} once approved` : live;
}
