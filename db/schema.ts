import { sql } from "drizzle-orm";
import { sqliteTable, integer, text, index, uniqueIndex, primaryKey, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { ARTICLE_LIFECYCLES, CHANGE_CLASSES, CREDENTIAL_CLASSES, ROLES, SIGN_OFF_DECISIONS, WORKFLOW_STATES } from "../lib/domain";
import { REFERENCE_NOTICE_KINDS, REFERENCE_STATUS_SOURCES } from "../lib/citations/reference";
import { NOTIFICATION_DELIVERIES } from "../lib/notification-kinds";

/** Roles, states and decisions are declared in lib/domain.ts; these names stay for the code that reads rows. */
export type { Role, SignOffDecision, WorkflowState as RevisionState } from "../lib/domain";

/** Every timestamp is an ISO-8601 UTC string with milliseconds: sortable, readable, hashable. */
const nowUtc = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;
const createdAt = () => text("created_at").notNull().default(nowUtc);
const updatedAt = () => text("updated_at").notNull().default(nowUtc);

export const REFERENCE_TYPES = ["guideline", "research", "systematic_review", "review", "textbook", "other"] as const;
export type ReferenceType = (typeof REFERENCE_TYPES)[number];

export const AUDIENCES = ["clinician", "patient"] as const;
export type Audience = (typeof AUDIENCES)[number];

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    passwordHash: text("password_hash").notNull(),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    /** Bumped to revoke every session the user holds (deactivation, "sign out everywhere", password reset). */
    sessionVersion: integer("session_version").notNull().default(1),
    mustChangePassword: integer("must_change_password", { mode: "boolean" }).notNull().default(false),
    lastSignInAt: text("last_sign_in_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("users_email_unique").on(t.email), index("users_role_active_idx").on(t.role, t.active)],
);

export const boardProfiles = sqliteTable("board_profiles", {
  userId: integer("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  credentials: text("credentials").notNull().default(""),
  specialty: text("specialty").notNull().default(""),
  bio: text("bio").notNull().default(""),
  isPublic: integer("is_public", { mode: "boolean" }).notNull().default(false),
  /** 0013: the professional class approver-mix requirements name, and specialties (JSON array) matched to topics. */
  credentialClass: text("credential_class", { enum: CREDENTIAL_CLASSES }).notNull().default("other"),
  specialties: text("specialties").notNull().default("[]"),
  updatedAt: updatedAt(),
});

export const articles = sqliteTable(
  "articles",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    topic: text("topic").notNull().default(""),
    /** The revision readers see (always an approved one), null until first approval. */
    liveRevisionId: integer("live_revision_id").references((): AnySQLiteColumn => revisions.id),
    /** The revision editors work on; equals liveRevisionId when nothing newer is in progress. */
    workingRevisionId: integer("working_revision_id").references((): AnySQLiteColumn => revisions.id),
    firstPublishedAt: text("first_published_at"),
    lastReviewedAt: text("last_reviewed_at"),
    reviewDueAt: text("review_due_at"),
    /** Set when a cited reference is retracted or an editor asks for re-review ahead of the due date. */
    reReviewFlaggedAt: text("re_review_flagged_at"),
    reReviewReason: text("re_review_reason"),
    /**
     * Review-due notices to the article's editors (lib/reminders.ts): when the minute tick should
     * next look at the article (null: nothing to send until the date or the live revision changes;
     * triggers in migration 0006 keep it in step), and what was sent for which due date.
     */
    reviewReminderAt: text("review_reminder_at"),
    reviewReminderDueAt: text("review_reminder_due_at"),
    reviewReminderStage: text("review_reminder_stage", { enum: ["due_soon", "overdue"] }),
    /** Migration 0010: active, withdrawn (410 with the reason) or archived (301 to the successor, else 410). */
    lifecycle: text("lifecycle", { enum: ARTICLE_LIFECYCLES }).notNull().default("active"),
    /** When, by whom and why the article was withdrawn or archived (the reason is public). */
    withdrawnAt: text("withdrawn_at"),
    withdrawnById: integer("withdrawn_by_id").references(() => users.id),
    withdrawnReason: text("withdrawn_reason"),
    successorArticleId: integer("successor_article_id").references((): AnySQLiteColumn => articles.id),
    createdById: integer("created_by_id").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("articles_slug_unique").on(t.slug),
    index("articles_topic_idx").on(t.topic),
    index("articles_review_due_idx").on(t.reviewDueAt),
    index("articles_live_revision_idx").on(t.liveRevisionId),
    index("articles_working_revision_idx").on(t.workingRevisionId),
    index("articles_updated_idx").on(t.updatedAt),
    // 0002: the re-review queue (flagged, and live articles by due date).
    index("articles_re_review_flagged_idx")
      .on(t.reReviewFlaggedAt)
      .where(sql`re_review_flagged_at IS NOT NULL`),
    index("articles_live_review_due_idx")
      .on(t.reviewDueAt)
      .where(sql`live_revision_id IS NOT NULL`),
    // 0008: topic pages, topic counts and the API's topic filter, index-only.
    index("articles_topic_reader_idx").on(t.topic, t.id, t.liveRevisionId, t.workingRevisionId, t.lifecycle),
    // 0008: keyset orders of the staff article index (updated_at follows the working revision, by trigger).
    index("articles_updated_id_idx").on(t.updatedAt, t.id),
    // 0010: withdrawn and archived articles.
    index("articles_lifecycle_idx")
      .on(t.lifecycle)
      .where(sql`lifecycle <> 'active'`),
    index("articles_due_order_idx").on(sql`review_due_at IS NULL`, t.reviewDueAt, t.id),
  ],
);

export const revisions = sqliteTable(
  "revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    /** 1, 2, 3… within the article. */
    number: integer("number").notNull(),
    question: text("question").notNull().default(""),
    clinicianBody: text("clinician_body").notNull().default(""),
    patientBody: text("patient_body").notNull().default(""),
    disclosure: text("disclosure").notNull().default(""),
    state: text("state", { enum: WORKFLOW_STATES }).notNull().default("draft"),
    /** SHA-256 over the canonical form of what a reviewer approves (see lib/content-hash.ts). */
    contentHash: text("content_hash").notNull(),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    /** Optimistic lock: every save must name the version it was made from. */
    version: integer("version").notNull().default(1),
    basedOnRevisionId: integer("based_on_revision_id").references((): AnySQLiteColumn => revisions.id),
    /** The editor's one line on what changed (0014): shown to reviewers and on the public version history. */
    changeSummary: text("change_summary").notNull().default(""),
    submittedAt: text("submitted_at"),
    approvedAt: text("approved_at"),
    /** 0013: new, major or (claimed and verified) minor; see lib/change-class.ts. */
    changeClass: text("change_class", { enum: CHANGE_CLASSES }).notNull().default("new"),
    /** A minor claim's reason (MINOR_REASONS) and the editor's note. */
    changeReason: text("change_reason").notNull().default(""),
    changeNote: text("change_note").notNull().default(""),
    /** Who escalated a minor claim to major, and why. */
    changeEscalatedById: integer("change_escalated_by_id").references(() => users.id),
    changeEscalationReason: text("change_escalation_reason").notNull().default(""),
    /** Migration 0010: approved before this time, the revision waits ("approved, scheduled") for the lifecycle.publish job. */
    publishAt: text("publish_at"),
    /** An expiry: once live, the article is withdrawn at this time (lifecycle.unpublish). */
    unpublishAt: text("unpublish_at"),
    /** Why the scheduled publication was refused, and when (shown on the revision). */
    publishBlockedReason: text("publish_blocked_reason"),
    publishBlockedAt: text("publish_blocked_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("revisions_article_number_unique").on(t.articleId, t.number),
    index("revisions_state_updated_idx").on(t.state, t.updatedAt),
    index("revisions_author_state_idx").on(t.authorId, t.state),
    // 0002: a working revision's state and date by id, without reading the wide row.
    index("revisions_id_state_updated_idx").on(t.id, t.state, t.updatedAt),
    // 0008: the visibility check of reader lists, and revisions readers could see by date.
    index("revisions_reader_idx").on(t.id, t.articleId, t.state, t.updatedAt),
    index("revisions_reader_updated_idx")
      .on(t.updatedAt, t.id, t.articleId)
      .where(sql`state IN ('submitted', 'under_review', 'approved')`),
    index("revisions_question_idx").on(t.question, t.id),
    // 0010: the dashboard's scheduled queue.
    index("revisions_scheduled_idx")
      .on(t.publishAt)
      .where(sql`publish_at IS NOT NULL AND state = 'approved'`),
  ],
);

export const references = sqliteTable(
  "library_references",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    citekey: text("citekey").notNull(),
    type: text("type", { enum: REFERENCE_TYPES }).notNull(),
    title: text("title").notNull().default(""),
    /** JSON array of CSL-style names: { family, given } for people, { literal } for organisations. */
    authors: text("authors", { mode: "json" })
      .$type<ReferenceAuthor[]>()
      .notNull()
      .default(sql`'[]'`),
    /** Journal or issuing organisation. */
    source: text("source").notNull().default(""),
    /** Abbreviated journal title (NLM), used by AMA formatting. */
    sourceAbbrev: text("source_abbrev"),
    publisher: text("publisher"),
    year: integer("year"),
    volume: text("volume"),
    issue: text("issue"),
    pages: text("pages"),
    /** As registered (case kept), no https://doi.org/ prefix. */
    doi: text("doi"),
    /** `doi` in lower case, generated by SQLite: what duplicates are found by (DOIs are case-insensitive). */
    doiKey: text("doi_key").generatedAlwaysAs(sql`lower(doi)`, { mode: "virtual" }),
    pmid: text("pmid"),
    url: text("url"),
    accessedAt: text("accessed_at"),
    retracted: integer("retracted", { mode: "boolean" }).notNull().default(false),
    retractionNote: text("retraction_note"),
    retractedAt: text("retracted_at"),
    retractionSource: text("retraction_source", { enum: REFERENCE_STATUS_SOURCES }),
    /** A correction (erratum) or expression of concern published about the work. */
    noticeKind: text("notice_kind", { enum: REFERENCE_NOTICE_KINDS }),
    noticeNote: text("notice_note"),
    noticeSource: text("notice_source", { enum: REFERENCE_STATUS_SOURCES }),
    noticeAt: text("notice_at"),
    createdById: integer("created_by_id").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("references_citekey_unique").on(t.citekey),
    uniqueIndex("references_doi_key_unique").on(t.doiKey),
    uniqueIndex("references_pmid_unique").on(t.pmid),
    index("references_type_year_idx").on(t.type, t.year),
    index("references_retracted_idx").on(t.retracted),
  ],
);

export type ReferenceAuthor = { family?: string; given?: string; literal?: string };

/** Which references each wording of a revision cites; kept in step with the bodies on every save. */
export const revisionCitations = sqliteTable(
  "revision_citations",
  {
    revisionId: integer("revision_id")
      .notNull()
      .references(() => revisions.id, { onDelete: "cascade" }),
    referenceId: integer("reference_id")
      .notNull()
      .references(() => references.id),
    audience: text("audience", { enum: AUDIENCES }).notNull(),
    /** 1-based number of the reference in that wording's list. */
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.revisionId, t.audience, t.referenceId] }), index("revision_citations_reference_idx").on(t.referenceId)],
);

export const reviewAssignments = sqliteTable(
  "review_assignments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    revisionId: integer("revision_id")
      .notNull()
      .references(() => revisions.id, { onDelete: "cascade" }),
    reviewerId: integer("reviewer_id")
      .notNull()
      .references(() => users.id),
    assignedById: integer("assigned_by_id").references(() => users.id),
    dueAt: text("due_at"),
    /** Removed assignments are kept for the record; a removed reviewer's approval no longer counts. */
    removedAt: text("removed_at"),
    /**
     * Reminders to the reviewer (lib/reminders.ts): when the minute tick should next look at this
     * assignment (null: closed or undated; triggers in migration 0006 wake it on any change), the
     * stage sent for which due date, and the local date of the last overdue reminder.
     */
    reminderAt: text("reminder_at"),
    reminderDueAt: text("reminder_due_at"),
    reminderStage: text("reminder_stage", { enum: ["due_soon", "overdue", "escalated"] }),
    remindedOn: text("reminded_on"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("review_assignments_revision_reviewer_unique").on(t.revisionId, t.reviewerId),
    index("review_assignments_reviewer_idx").on(t.reviewerId, t.removedAt),
    // 0002: a reviewer's open assignments, index-only.
    index("review_assignments_reviewer_open_idx")
      .on(t.reviewerId, t.revisionId, t.dueAt)
      .where(sql`removed_at IS NULL`),
    // 0003: a reviewer's open assignments soonest due first, undated last (the dashboard's order).
    index("review_assignments_reviewer_due_idx")
      .on(t.reviewerId, sql`due_at IS NULL`, t.dueAt, t.id, t.revisionId, t.removedAt)
      .where(sql`removed_at IS NULL`),
  ],
);

/** Immutable (triggers in the migration refuse UPDATE and DELETE). */
export const signOffs = sqliteTable(
  "sign_offs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    revisionId: integer("revision_id")
      .notNull()
      .references(() => revisions.id),
    reviewerId: integer("reviewer_id")
      .notNull()
      .references(() => users.id),
    decision: text("decision", { enum: SIGN_OFF_DECISIONS }).notNull(),
    meaning: text("meaning").notNull(),
    comment: text("comment").notNull().default(""),
    /** Printed name and credentials as they were when signing. */
    signerName: text("signer_name").notNull(),
    signerCredentials: text("signer_credentials").notNull().default(""),
    contentHash: text("content_hash").notNull(),
    signedAt: text("signed_at").notNull().default(nowUtc),
    /** The identification components the signature used: "password" or "password+totp". */
    factors: text("factors").notNull().default("password"),
    /** 0013: the signer's class and specialties (JSON) when signing, and the revision's change class then. */
    signerClass: text("signer_class", { enum: CREDENTIAL_CLASSES }),
    signerSpecialties: text("signer_specialties"),
    changeClass: text("change_class", { enum: CHANGE_CLASSES }),
  },
  (t) => [index("sign_offs_revision_idx").on(t.revisionId, t.contentHash), index("sign_offs_reviewer_idx").on(t.reviewerId)],
);

export const reviewComments = sqliteTable(
  "review_comments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    revisionId: integer("revision_id")
      .notNull()
      .references(() => revisions.id, { onDelete: "cascade" }),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    body: text("body").notNull(),
    /** A passage the comment quotes, and from which wording. */
    quote: text("quote"),
    quoteAudience: text("quote_audience", { enum: AUDIENCES }),
    contentHash: text("content_hash"),
    /**
     * Set on a comment a preview link's recipient left (lib/dal/preview-links.ts): the guest's name as
     * they gave it. authorId is then the editor who made the link; the comment is never a sign-off.
     */
    guestName: text("guest_name"),
    previewLinkId: integer("preview_link_id").references((): AnySQLiteColumn => previewLinks.id),
    createdAt: createdAt(),
  },
  (t) => [index("review_comments_revision_idx").on(t.revisionId, t.createdAt)],
);

/** Append-only hash chain (triggers refuse UPDATE and DELETE). */
export const auditEvents = sqliteTable(
  "audit_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: text("at").notNull(),
    actorId: integer("actor_id"),
    actorLabel: text("actor_label").notNull().default(""),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id"),
    articleId: integer("article_id"),
    /** JSON object: { before?, after?, ... } summary of the change. */
    summary: text("summary").notNull().default("{}"),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [
    index("audit_events_actor_idx").on(t.actorId, t.id),
    index("audit_events_article_idx").on(t.articleId, t.id),
    index("audit_events_action_idx").on(t.action, t.id),
    index("audit_events_at_idx").on(t.at),
  ],
);

export const FOLLOW_UP_STATUSES = ["new", "dismissed", "converted"] as const;

export const followUpQuestions = sqliteTable(
  "follow_up_questions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    question: text("question").notNull(),
    email: text("email"),
    audience: text("audience", { enum: AUDIENCES }),
    status: text("status", { enum: FOLLOW_UP_STATUSES }).notNull().default("new"),
    convertedArticleId: integer("converted_article_id").references(() => articles.id),
    triagedById: integer("triaged_by_id").references(() => users.id),
    triagedAt: text("triaged_at"),
    createdAt: createdAt(),
  },
  (t) => [index("follow_up_status_idx").on(t.status, t.createdAt), index("follow_up_article_idx").on(t.articleId)],
);

export const ERROR_REPORT_STATUSES = ["open", "resolved"] as const;

/**
 * A reader's report of an error in an article (0014): what is wrong, an optional quote and email,
 * the revision and wording they read. `dueAt` is the response target, fixed when sent; the
 * reminder tick escalates an open report once after it (escalatedAt).
 */
export const errorReports = sqliteTable(
  "error_reports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    revisionId: integer("revision_id").references(() => revisions.id, { onDelete: "set null" }),
    audience: text("audience", { enum: AUDIENCES }),
    description: text("description").notNull(),
    quote: text("quote"),
    email: text("email"),
    status: text("status", { enum: ERROR_REPORT_STATUSES }).notNull().default("open"),
    dueAt: text("due_at").notNull(),
    escalatedAt: text("escalated_at"),
    resolution: text("resolution"),
    resolvedById: integer("resolved_by_id").references(() => users.id),
    resolvedAt: text("resolved_at"),
    newRevisionId: integer("new_revision_id").references(() => revisions.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("error_reports_status_due_idx").on(t.status, t.dueAt),
    index("error_reports_article_idx").on(t.articleId),
    index("error_reports_escalation_idx")
      .on(t.dueAt)
      .where(sql`status = 'open' AND escalated_at IS NULL`),
  ],
);

export const NOTIFICATION_KINDS = [
  "assigned",
  "changes_requested",
  "approved",
  "sign_off_again",
  "assignment_removed",
  "question",
  // Second round (issue 15): reminders, escalation, comments, publication, retractions, reader reports.
  "review_due_soon",
  "review_overdue",
  "review_escalated",
  "article_review_due_soon",
  "article_review_overdue",
  "review_comment",
  "published",
  "reference_retracted",
  "error_report",
  "error_report_overdue",
  "security",
  // Issue 16: a scheduled publication refused at its time, an article withdrawn.
  "publish_failed",
  "article_withdrawn",
] as const;

export const notifications = sqliteTable(
  "notifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    articleId: integer("article_id").references(() => articles.id, { onDelete: "cascade" }),
    revisionId: integer("revision_id").references(() => revisions.id, { onDelete: "cascade" }),
    message: text("message").notNull(),
    readAt: text("read_at"),
    /** The event this tells of (notify's eventKey): one row per event and recipient. */
    eventKey: text("event_key"),
    /** Waiting for the recipient's daily digest email (their preference for this kind is "digest"). */
    digestPending: integer("digest_pending", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    index("notifications_user_idx").on(t.userId, t.readAt, t.createdAt),
    uniqueIndex("notifications_user_event_idx")
      .on(t.userId, t.eventKey)
      .where(sql`${t.eventKey} IS NOT NULL`),
    index("notifications_digest_idx")
      .on(t.userId, t.id)
      .where(sql`${t.digestPending} = 1`),
  ],
);

/** A user's choice for one kind; no row means the kind's default (lib/notification-kinds.ts). */
export const notificationPreferences = sqliteTable(
  "notification_preferences",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    delivery: text("delivery", { enum: NOTIFICATION_DELIVERIES }).notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

/** Key/value; values are JSON validated by lib/validations/settings.ts, so new settings need no migration. */
export const siteSettings = sqliteTable("site_settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedById: integer("updated_by_id").references(() => users.id),
  updatedAt: updatedAt(),
});

/** Fixed-window counters for sign-in throttling and reader rate limits. */
export const rateLimits = sqliteTable(
  "rate_limits",
  {
    key: text("key").primaryKey(),
    windowStart: text("window_start").notNull(),
    count: integer("count").notNull().default(0),
    /** Consecutive lockouts, so each new lock lasts longer. */
    strikes: integer("strikes").notNull().default(0),
    lockedUntil: text("locked_until"),
    /** When the row stops mattering (window over, lock over, strikes forgotten); writers prune rows past it. */
    expiresAt: text("expires_at"),
  },
  (t) => [index("rate_limits_expires_idx").on(t.expiresAt)],
);

export const JOB_STATUSES = ["queued", "running", "done", "failed", "cancelled"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/**
 * The durable job queue (lib/jobs): work that happens later or elsewhere. A row is written in the
 * transaction of the change that causes it, claimed with a lease (lease_until, leased_by) so two
 * processes never run it at once, retried with backoff, and kept after it ends (done, failed,
 * cancelled) so admins can see what happened. The idempotency key makes enqueueing the same
 * event twice a no-op.
 */
export const jobs = sqliteTable(
  "jobs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind").notNull(),
    payload: text("payload").notNull().default("{}"),
    idempotencyKey: text("idempotency_key").notNull(),
    status: text("status", { enum: JOB_STATUSES }).notNull().default("queued"),
    runAt: text("run_at").notNull(),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(8),
    leaseUntil: text("lease_until"),
    leasedBy: text("leased_by"),
    lastError: text("last_error"),
    doneAt: text("done_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("jobs_idempotency_key_idx").on(t.idempotencyKey),
    index("jobs_status_run_at_idx").on(t.status, t.runAt),
    index("jobs_kind_status_idx").on(t.kind, t.status),
  ],
);

export const MAIL_STATUSES = ["pending", "sent", "outbox", "failed"] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

/**
 * Every email Vetted writes, sent or not: the rendered message, kept so admins can read it at
 * /admin/mail. One row per (event, recipient) by its idempotency key; the Message-ID is derived
 * from that key, so a retried delivery carries the same Message-ID. "outbox": no SMTP server is
 * configured, the message is kept here instead.
 */
export const mailMessages = sqliteTable(
  "mail_messages",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind").notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    toUserId: integer("to_user_id").references(() => users.id, { onDelete: "set null" }),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body").notNull(),
    messageId: text("message_id").notNull(),
    unsubscribeUrl: text("unsubscribe_url"),
    status: text("status", { enum: MAIL_STATUSES }).notNull().default("pending"),
    lastError: text("last_error"),
    sentAt: text("sent_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("mail_messages_key_idx").on(t.idempotencyKey), uniqueIndex("mail_messages_message_id_idx").on(t.messageId)],
);

/**
 * Password-reset links (lib/dal/password-reset.ts): only the SHA-256 of the token is stored. A
 * token is single-use (used_at) and is set aside by a newer request or a completed reset
 * (invalidated_at); it is valid until expires_at.
 */
export const passwordResetTokens = sqliteTable(
  "password_reset_tokens",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    expiresAt: text("expires_at").notNull(),
    usedAt: text("used_at"),
    invalidatedAt: text("invalidated_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("password_reset_tokens_hash_idx").on(t.tokenHash), index("password_reset_tokens_user_idx").on(t.userId)],
);

/**
 * Read-only preview links for people without an account (lib/dal/preview-links.ts): only the
 * SHA-256 of the token is stored. revisionId pins one revision; null follows the article's
 * working revision at each view. Valid until expires_at unless revoked.
 */
export const previewLinks = sqliteTable(
  "preview_links",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    revisionId: integer("revision_id").references(() => revisions.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    recipient: text("recipient").notNull().default(""),
    createdById: integer("created_by_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    expiresAt: text("expires_at").notNull(),
    revokedAt: text("revoked_at"),
    revokedById: integer("revoked_by_id").references(() => users.id),
    viewCount: integer("view_count").notNull().default(0),
    lastViewedAt: text("last_viewed_at"),
  },
  (t) => [uniqueIndex("preview_links_token_hash_idx").on(t.tokenHash), index("preview_links_article_idx").on(t.articleId, t.createdAt)],
);

/** A user's TOTP secret (AES-256-GCM, lib/two-factor-crypto.ts); enabled once a code confirmed it. */
export const twoFactor = sqliteTable("two_factor", {
  userId: integer("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  secretEnc: text("secret_enc").notNull(),
  enabledAt: text("enabled_at"),
  /** The last TOTP time step accepted: a code of that step or earlier is refused (no reuse). */
  lastUsedStep: integer("last_used_step").notNull().default(0),
  createdAt: createdAt(),
});

/** Single-use recovery codes, SHA-256 only. */
export const recoveryCodes = sqliteTable(
  "recovery_codes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: text("used_at"),
  },
  (t) => [uniqueIndex("recovery_codes_user_hash_idx").on(t.userId, t.codeHash)],
);

/** One row per sign-in; the session token carries its id and every request checks it (lib/dal/session.ts). */
export const userSessions = sqliteTable(
  "user_sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: text("created_at").notNull(),
    lastSeenAt: text("last_seen_at").notNull(),
    userAgent: text("user_agent").notNull().default(""),
    ip: text("ip").notNull().default(""),
    /** "password" or "password+totp" (or "password+recovery"). */
    factors: text("factors").notNull().default("password"),
    /** The user's session version at sign-in: a later bump (password change, deactivation) ends it too. */
    sessionVersion: integer("session_version").notNull().default(1),
    endedAt: text("ended_at"),
    endedReason: text("ended_reason"),
  },
  (t) => [index("user_sessions_user_idx").on(t.userId, t.endedAt)],
);
