-- Expiring read-only preview links (issue 20, part 5; lib/dal/preview-links.ts). Only the SHA-256 of a link's token
-- is kept. `revision_id` pins one revision ("this version"); NULL follows the article's working revision at each view
-- ("always the latest draft").
CREATE TABLE `preview_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`article_id` integer NOT NULL REFERENCES `articles`(`id`) ON DELETE cascade,
	`revision_id` integer REFERENCES `revisions`(`id`) ON DELETE cascade,
	`token_hash` text NOT NULL,
	`recipient` text DEFAULT '' NOT NULL,
	`created_by_id` integer NOT NULL REFERENCES `users`(`id`),
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`expires_at` text NOT NULL,
	`revoked_at` text,
	`revoked_by_id` integer REFERENCES `users`(`id`),
	`view_count` integer DEFAULT 0 NOT NULL,
	`last_viewed_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `preview_links_token_hash_idx` ON `preview_links` (`token_hash`);
--> statement-breakpoint
CREATE INDEX `preview_links_article_idx` ON `preview_links` (`article_id`, `created_at`);
--> statement-breakpoint
-- A comment a preview link's recipient left: a review comment with a guest author. `author_id` stays NOT NULL (it is
-- the editor who made the link, who answers for it); `guest_name` marks the comment as the guest's, never a sign-off.
ALTER TABLE `review_comments` ADD `guest_name` text;
--> statement-breakpoint
ALTER TABLE `review_comments` ADD `preview_link_id` integer REFERENCES `preview_links`(`id`);
--> statement-breakpoint
-- Limiter rows expire on their own (issue 20, part 4): each write sets when the row stops mattering, and writers
-- prune rows past it (lib/dal/rate-limit.ts). Rows from before this migration get a day after their window opened
-- or their lock ends, whichever is later.
ALTER TABLE `rate_limits` ADD `expires_at` text;
--> statement-breakpoint
UPDATE `rate_limits` SET `expires_at` = strftime('%Y-%m-%dT%H:%M:%fZ', max(`window_start`, coalesce(`locked_until`, '')), '+1 day');
--> statement-breakpoint
CREATE INDEX `rate_limits_expires_idx` ON `rate_limits` (`expires_at`);
