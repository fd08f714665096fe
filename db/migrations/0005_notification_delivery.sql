-- Notification delivery (docs/ARCHITECTURE.md "Jobs", Notifications): each user's choice per kind
-- (immediately, daily digest or off; no row means the kind's default), the event a notification
-- tells of (one row per event and recipient, so a re-run job never tells anyone twice), and the
-- rows waiting for their recipient's daily digest (a partial index: the digest job reads only those).
CREATE TABLE `notification_preferences` (
	`user_id` integer NOT NULL REFERENCES `users`(`id`) ON DELETE cascade,
	`kind` text NOT NULL,
	`delivery` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`user_id`, `kind`)
);
--> statement-breakpoint
ALTER TABLE `notifications` ADD `event_key` text;
--> statement-breakpoint
ALTER TABLE `notifications` ADD `digest_pending` integer DEFAULT false NOT NULL;
--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_user_event_idx` ON `notifications` (`user_id`,`event_key`) WHERE "notifications"."event_key" IS NOT NULL;
--> statement-breakpoint
CREATE INDEX `notifications_digest_idx` ON `notifications` (`user_id`,`id`) WHERE "notifications"."digest_pending" = 1;
