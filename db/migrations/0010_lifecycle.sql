-- Publishing lifecycle (issue 16). A revision may carry a publication time (`publish_at`: approved before it, it waits
-- as "approved, scheduled" and the `lifecycle.publish` job makes it live) and an expiry (`unpublish_at`); when the job
-- refuses to publish, why and when stay on the revision for the editor to see.
ALTER TABLE `revisions` ADD `publish_at` text;
--> statement-breakpoint
ALTER TABLE `revisions` ADD `unpublish_at` text;
--> statement-breakpoint
ALTER TABLE `revisions` ADD `publish_blocked_reason` text;
--> statement-breakpoint
ALTER TABLE `revisions` ADD `publish_blocked_at` text;
--> statement-breakpoint
-- An article is `active` (readers see its visible revision), `withdrawn` (410 with the public reason) or `archived`
-- (301 to its successor, or 410 when it has none). The live revision pointer is kept, so republishing can restore it.
ALTER TABLE `articles` ADD `lifecycle` text DEFAULT 'active' NOT NULL CHECK (`lifecycle` IN ('active', 'withdrawn', 'archived'));
--> statement-breakpoint
ALTER TABLE `articles` ADD `withdrawn_at` text;
--> statement-breakpoint
ALTER TABLE `articles` ADD `withdrawn_by_id` integer REFERENCES `users`(`id`);
--> statement-breakpoint
ALTER TABLE `articles` ADD `withdrawn_reason` text;
--> statement-breakpoint
ALTER TABLE `articles` ADD `successor_article_id` integer REFERENCES `articles`(`id`);
--> statement-breakpoint
-- The dashboard's "Scheduled" queue: approved revisions waiting for their time.
CREATE INDEX `revisions_scheduled_idx` ON `revisions` (`publish_at`) WHERE `publish_at` IS NOT NULL AND `state` = 'approved';
--> statement-breakpoint
CREATE INDEX `articles_lifecycle_idx` ON `articles` (`lifecycle`) WHERE `lifecycle` <> 'active';
--> statement-breakpoint
-- Reader lists now also ask whether the article is active: the topic index carries it, so they stay index-only.
DROP INDEX IF EXISTS `articles_topic_reader_idx`;
--> statement-breakpoint
CREATE INDEX `articles_topic_reader_idx` ON `articles` (`topic`, `id`, `live_revision_id`, `working_revision_id`, `lifecycle`);
