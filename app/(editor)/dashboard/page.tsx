import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/dal/session";
import { adminCounts, articlesInState, myAssignments, myDrafts, reReviewQueue, scheduledQueue, stateCounts } from "@/lib/dal/dashboard";
import { getTimeZone } from "@/lib/dal/settings";
import { formatZonedWithUtc } from "@/lib/time-zone";
import { canCreateArticle, canResolveErrorReports } from "@/lib/permissions";
import { listOverdueErrorReports } from "@/lib/dal/error-reports";
import { formatDate } from "@/lib/dates";
import { listNotifications, unreadNotificationCount } from "@/lib/dal/notifications";
import { NotificationInbox } from "@/components/workflow/notification-inbox";
import { ArticleTable } from "@/components/dashboard/article-table";
import { AssignmentList } from "@/components/dashboard/assignment-list";
import { Pager } from "@/components/ui/pager";
import { parseDashboardQuery } from "@/lib/validations/dashboard";
import { buttonClass } from "@/components/ui/button";
import { STATE_LABELS, WORKFLOW_STATES } from "@/lib/domain";

export const metadata: Metadata = { title: "Dashboard" };

function Section({ title, children, id }: { title: string; children: React.ReactNode; id: string }) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export const dynamic = "force-dynamic";

/** Each queue shows its newest few; "See all" opens the article index with the queue's filter. */
const QUEUE_PREVIEW = 10;

function SeeAll({ href, count, label }: { href: string; count?: number; label: string }) {
  return (
    <p className="text-sm">
      <Link href={href}>{count === undefined ? `See all ${label}` : `See all ${count.toLocaleString("en-GB")} ${label}`}</Link>
    </p>
  );
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const inbox = <NotificationInbox items={listNotifications(user)} unread={unreadNotificationCount(user)} />;
  if (user.role === "reviewer") {
    const assigned = myAssignments(user, { page: parseDashboardQuery(await searchParams).page });
    return (
      <div className="space-y-8">
        <h1 className="text-2xl font-semibold">Your reviews</h1>
        <Section title="Assigned to you" id="assigned">
          {assigned.total > 0 && <p className="text-sm text-muted">{plural(assigned.total, "open review", "open reviews")}</p>}
          <AssignmentList rows={assigned.rows} />
          {assigned.pageCount > 1 && (
            <Pager
              page={assigned.page}
              pageCount={assigned.pageCount}
              label="Assigned reviews pages"
              href={(n) => (n > 1 ? `/dashboard?page=${n}` : "/dashboard")}
            />
          )}
        </Section>
        {inbox}
      </div>
    );
  }

  const counts = stateCounts();
  const { rows: overdue, total: overdueCount } = reReviewQueue();
  const admin = user.role === "admin" ? adminCounts() : null;
  const lateReports = canResolveErrorReports(user) ? listOverdueErrorReports(new Date(), QUEUE_PREVIEW) : null;
  return (
    <div className="space-y-10">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold">{user.role === "admin" ? "Editorial overview" : "Your desk"}</h1>
        {canCreateArticle(user) && (
          <Link href="/editor/articles/new" className={buttonClass("primary", "no-underline")}>
            New article
          </Link>
        )}
      </div>

      <dl aria-label="Articles by state" className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        {WORKFLOW_STATES.map((s) => (
          <div key={s} className="rounded-md border border-slate-200 bg-white px-4 py-3">
            <dt className="text-xs uppercase tracking-wide text-muted">{STATE_LABELS[s]}</dt>
            <dd className="text-2xl font-semibold">{counts[s]}</dd>
          </div>
        ))}
        <div className="rounded-md border border-slate-200 bg-white px-4 py-3">
          <dt className="text-xs uppercase tracking-wide text-muted">Due for re-review</dt>
          <dd className="text-2xl font-semibold">{overdueCount}</dd>
        </div>
      </dl>

      {admin && (
        <dl aria-label="Site" className="flex flex-wrap gap-6 text-sm text-muted">
          <div>
            <dt className="inline">Active admins: </dt>
            <dd className="inline font-semibold text-ink">{admin.activeUsers.admin ?? 0}</dd>
          </div>
          <div>
            <dt className="inline">Editors: </dt>
            <dd className="inline font-semibold text-ink">{admin.activeUsers.editor ?? 0}</dd>
          </div>
          <div>
            <dt className="inline">Board reviewers: </dt>
            <dd className="inline font-semibold text-ink">{admin.activeUsers.reviewer ?? 0}</dd>
          </div>
          <div>
            <dt className="inline">Open reader questions: </dt>
            <dd className="inline font-semibold text-ink">{admin.openQuestions}</dd>
          </div>
        </dl>
      )}

      {inbox}

      <Section title="Your drafts" id="drafts">
        <ArticleTable
          rows={myDrafts(user, QUEUE_PREVIEW)}
          caption="Your drafts"
          empty="You have no drafts or revisions returned with changes. Start one with “New article”."
        />
        <SeeAll href={`/editor/articles?author=${user.id}`} label="your articles" />
      </Section>
      <ScheduledQueue />
      <Section title="Due for re-review" id="overdue">
        {overdueCount > overdue.length && (
          <p className="text-sm text-muted">
            Showing the {overdue.length} most recently updated of {overdueCount.toLocaleString("en-GB")}.
          </p>
        )}
        <ArticleTable
          rows={overdue}
          caption="Approved articles due for re-review"
          empty="Every approved article is within its review interval."
        />
        {overdueCount > 0 && <SeeAll href="/editor/articles?due=rereview&sort=due" count={overdueCount} label="due for re-review" />}
      </Section>
      {lateReports && (
        <Section title="Error reports past their response target" id="late-error-reports">
          {lateReports.total === 0 ? (
            <p className="rounded-md border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-muted">
              Every open error report is within its response target.
            </p>
          ) : (
            <ul className="divide-y divide-slate-200 rounded-md border border-red-200 bg-white text-sm">
              {lateReports.rows.map((r) => (
                <li key={r.id} className="flex flex-wrap justify-between gap-2 px-4 py-2">
                  <span className="min-w-0 flex-1 truncate">
                    {r.articleQuestion}: {r.description}
                  </span>
                  <span className="text-red-800">due {formatDate(r.dueAt)}</span>
                </li>
              ))}
            </ul>
          )}
          {lateReports.total > 0 && <SeeAll href="/editor/error-reports" count={lateReports.total} label="past the target" />}
        </Section>
      )}
      {(["submitted", "under_review", "changes_requested", "approved", "draft"] as const).map((state) => (
        <Section key={state} title={STATE_LABELS[state]} id={`state-${state}`}>
          <ArticleTable
            rows={articlesInState(state, QUEUE_PREVIEW)}
            caption={`Articles: ${STATE_LABELS[state]}`}
            empty={`No articles are ${STATE_LABELS[state].toLowerCase()}.`}
          />
          {counts[state] > 0 && (
            <SeeAll
              href={`/editor/articles?state=${state}`}
              count={counts[state]}
              label={state === "draft" ? "drafts" : STATE_LABELS[state].toLowerCase()}
            />
          )}
        </Section>
      ))}
    </div>
  );
}

/** Approved revisions waiting for their publication time, soonest first, in the site's zone with UTC beside. */
function ScheduledQueue() {
  const rows = scheduledQueue(QUEUE_PREVIEW);
  const zone = getTimeZone();
  return (
    <Section title="Scheduled" id="scheduled">
      {rows.length === 0 ? (
        <p className="text-sm text-muted">No approved revision is waiting for a publication time.</p>
      ) : (
        <ul className="space-y-2 text-sm">
          {rows.map((r) => (
            <li key={r.articleId}>
              <Link href={`/editor/articles/${r.articleId}`}>{r.question || r.slug}</Link>{" "}
              <span className="text-muted">— goes live {formatZonedWithUtc(r.publishAt, zone)}</span>
            </li>
          ))}
        </ul>
      )}
      <SeeAll href="/editor/articles?lifecycle=scheduled" label="scheduled articles" />
    </Section>
  );
}
