CREATE TABLE `articles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`topic` text DEFAULT '' NOT NULL,
	`live_revision_id` integer,
	`working_revision_id` integer,
	`first_published_at` text,
	`last_reviewed_at` text,
	`review_due_at` text,
	`re_review_flagged_at` text,
	`re_review_reason` text,
	`created_by_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`live_revision_id`) REFERENCES `revisions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`working_revision_id`) REFERENCES `revisions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `articles_slug_unique` ON `articles` (`slug`);--> statement-breakpoint
CREATE INDEX `articles_topic_idx` ON `articles` (`topic`);--> statement-breakpoint
CREATE INDEX `articles_review_due_idx` ON `articles` (`review_due_at`);--> statement-breakpoint
CREATE INDEX `articles_live_revision_idx` ON `articles` (`live_revision_id`);--> statement-breakpoint
CREATE INDEX `articles_working_revision_idx` ON `articles` (`working_revision_id`);--> statement-breakpoint
CREATE INDEX `articles_updated_idx` ON `articles` (`updated_at`);--> statement-breakpoint
CREATE TABLE `audit_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor_id` integer,
	`actor_label` text DEFAULT '' NOT NULL,
	`action` text NOT NULL,
	`target_type` text NOT NULL,
	`target_id` text,
	`article_id` integer,
	`summary` text DEFAULT '{}' NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_events_actor_idx` ON `audit_events` (`actor_id`,`id`);--> statement-breakpoint
CREATE INDEX `audit_events_article_idx` ON `audit_events` (`article_id`,`id`);--> statement-breakpoint
CREATE INDEX `audit_events_action_idx` ON `audit_events` (`action`,`id`);--> statement-breakpoint
CREATE INDEX `audit_events_at_idx` ON `audit_events` (`at`);--> statement-breakpoint
CREATE TABLE `board_profiles` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`credentials` text DEFAULT '' NOT NULL,
	`specialty` text DEFAULT '' NOT NULL,
	`bio` text DEFAULT '' NOT NULL,
	`is_public` integer DEFAULT false NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `follow_up_questions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`article_id` integer NOT NULL,
	`question` text NOT NULL,
	`email` text,
	`audience` text,
	`status` text DEFAULT 'new' NOT NULL,
	`converted_article_id` integer,
	`triaged_by_id` integer,
	`triaged_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`converted_article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`triaged_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `follow_up_status_idx` ON `follow_up_questions` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `follow_up_article_idx` ON `follow_up_questions` (`article_id`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`article_id` integer,
	`revision_id` integer,
	`message` text NOT NULL,
	`read_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`revision_id`) REFERENCES `revisions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `notifications_user_idx` ON `notifications` (`user_id`,`read_at`,`created_at`);--> statement-breakpoint
CREATE TABLE `rate_limits` (
	`key` text PRIMARY KEY NOT NULL,
	`window_start` text NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	`strikes` integer DEFAULT 0 NOT NULL,
	`locked_until` text
);
--> statement-breakpoint
CREATE TABLE `library_references` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`citekey` text NOT NULL,
	`type` text NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`authors` text DEFAULT '[]' NOT NULL,
	`source` text DEFAULT '' NOT NULL,
	`source_abbrev` text,
	`publisher` text,
	`year` integer,
	`volume` text,
	`issue` text,
	`pages` text,
	`doi` text,
	`pmid` text,
	`url` text,
	`accessed_at` text,
	`retracted` integer DEFAULT false NOT NULL,
	`retraction_note` text,
	`retracted_at` text,
	`created_by_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `references_citekey_unique` ON `library_references` (`citekey`);--> statement-breakpoint
CREATE UNIQUE INDEX `references_doi_unique` ON `library_references` (`doi`);--> statement-breakpoint
CREATE UNIQUE INDEX `references_pmid_unique` ON `library_references` (`pmid`);--> statement-breakpoint
CREATE INDEX `references_type_year_idx` ON `library_references` (`type`,`year`);--> statement-breakpoint
CREATE INDEX `references_retracted_idx` ON `library_references` (`retracted`);--> statement-breakpoint
CREATE TABLE `review_assignments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`revision_id` integer NOT NULL,
	`reviewer_id` integer NOT NULL,
	`assigned_by_id` integer,
	`due_at` text,
	`removed_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`revision_id`) REFERENCES `revisions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reviewer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assigned_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `review_assignments_revision_reviewer_unique` ON `review_assignments` (`revision_id`,`reviewer_id`);--> statement-breakpoint
CREATE INDEX `review_assignments_reviewer_idx` ON `review_assignments` (`reviewer_id`,`removed_at`);--> statement-breakpoint
CREATE TABLE `review_comments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`revision_id` integer NOT NULL,
	`author_id` integer NOT NULL,
	`body` text NOT NULL,
	`quote` text,
	`quote_audience` text,
	`content_hash` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`revision_id`) REFERENCES `revisions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `review_comments_revision_idx` ON `review_comments` (`revision_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `revision_citations` (
	`revision_id` integer NOT NULL,
	`reference_id` integer NOT NULL,
	`audience` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`revision_id`, `audience`, `reference_id`),
	FOREIGN KEY (`revision_id`) REFERENCES `revisions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reference_id`) REFERENCES `library_references`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `revision_citations_reference_idx` ON `revision_citations` (`reference_id`);--> statement-breakpoint
CREATE TABLE `revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`article_id` integer NOT NULL,
	`number` integer NOT NULL,
	`question` text DEFAULT '' NOT NULL,
	`clinician_body` text DEFAULT '' NOT NULL,
	`patient_body` text DEFAULT '' NOT NULL,
	`disclosure` text DEFAULT '' NOT NULL,
	`state` text DEFAULT 'draft' NOT NULL,
	`content_hash` text NOT NULL,
	`author_id` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`based_on_revision_id` integer,
	`submitted_at` text,
	`approved_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`based_on_revision_id`) REFERENCES `revisions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `revisions_article_number_unique` ON `revisions` (`article_id`,`number`);--> statement-breakpoint
CREATE INDEX `revisions_state_updated_idx` ON `revisions` (`state`,`updated_at`);--> statement-breakpoint
CREATE INDEX `revisions_author_state_idx` ON `revisions` (`author_id`,`state`);--> statement-breakpoint
CREATE TABLE `sign_offs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`revision_id` integer NOT NULL,
	`reviewer_id` integer NOT NULL,
	`decision` text NOT NULL,
	`meaning` text NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`signer_name` text NOT NULL,
	`signer_credentials` text DEFAULT '' NOT NULL,
	`content_hash` text NOT NULL,
	`signed_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`revision_id`) REFERENCES `revisions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sign_offs_revision_idx` ON `sign_offs` (`revision_id`,`content_hash`);--> statement-breakpoint
CREATE INDEX `sign_offs_reviewer_idx` ON `sign_offs` (`reviewer_id`);--> statement-breakpoint
CREATE TABLE `site_settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_by_id` integer,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`updated_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`session_version` integer DEFAULT 1 NOT NULL,
	`must_change_password` integer DEFAULT false NOT NULL,
	`last_sign_in_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE INDEX `users_role_active_idx` ON `users` (`role`,`active`);