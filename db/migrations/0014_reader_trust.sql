-- Reader trust (issue 22). Readers' error reports: what is wrong, an optional quote and email, the revision and wording
-- they read, and the response target (`due_at` = sent + errorReportTargetDays, fixed when sent: the promise the policy
-- page made then). The minute tick escalates an open report once when `due_at` passes; the partial index holds only open,
-- not yet escalated reports, so the tick's read is an index probe however many reports there are.
CREATE TABLE `error_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`article_id` integer NOT NULL,
	`revision_id` integer,
	`audience` text,
	`description` text NOT NULL,
	`quote` text,
	`email` text,
	`status` text DEFAULT 'open' NOT NULL,
	`due_at` text NOT NULL,
	`escalated_at` text,
	`resolution` text,
	`resolved_by_id` integer,
	`resolved_at` text,
	`new_revision_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`revision_id`) REFERENCES `revisions`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`resolved_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`new_revision_id`) REFERENCES `revisions`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `error_reports_status_due_idx` ON `error_reports` (`status`,`due_at`);
--> statement-breakpoint
CREATE INDEX `error_reports_article_idx` ON `error_reports` (`article_id`);
--> statement-breakpoint
CREATE INDEX `error_reports_escalation_idx` ON `error_reports` (`due_at`) WHERE status = 'open' AND escalated_at IS NULL;
--> statement-breakpoint
-- The editor's one-line summary of what changed, written at submission, shown to reviewers and on the public version history.
ALTER TABLE `revisions` ADD `change_summary` text DEFAULT '' NOT NULL;
