-- Review reminders and escalation (issue 15; lib/reminders.ts, lib/dal/reminders.ts, docs/ARCHITECTURE.md "Jobs").
-- The minute tick must stay cheap at 100k articles, so it never scans: each assignment and live
-- article carries the time the tick should next look at it (reminder_at / review_reminder_at), and
-- a partial index holds only the rows that have one. The tick reads the rows whose time has come
-- (usually none), sends what is due and writes the next time; a row with nothing more to send
-- (closed assignment, article already told it is overdue) gets NULL and leaves the index.
-- What was sent lives beside it (the stage and the due date it was for, the local date of the last
-- overdue reminder), so a tick run twice sends nothing twice.
ALTER TABLE `review_assignments` ADD `reminder_at` text;
--> statement-breakpoint
ALTER TABLE `review_assignments` ADD `reminder_due_at` text;
--> statement-breakpoint
ALTER TABLE `review_assignments` ADD `reminder_stage` text;
--> statement-breakpoint
ALTER TABLE `review_assignments` ADD `reminded_on` text;
--> statement-breakpoint
ALTER TABLE `articles` ADD `review_reminder_at` text;
--> statement-breakpoint
ALTER TABLE `articles` ADD `review_reminder_due_at` text;
--> statement-breakpoint
ALTER TABLE `articles` ADD `review_reminder_stage` text;
--> statement-breakpoint
CREATE INDEX `review_assignments_reminder_idx` ON `review_assignments` (`reminder_at`) WHERE `reminder_at` IS NOT NULL;
--> statement-breakpoint
CREATE INDEX `articles_review_reminder_idx` ON `articles` (`review_reminder_at`) WHERE `review_reminder_at` IS NOT NULL;
--> statement-breakpoint
-- Any writer (the app, the seeds, a test fixture, a script) that changes what a reminder depends on
-- wakes the row, so none can forget to. '' sorts before every time: "look at it on the next tick".
-- An assignment wakes when it is made, its due date changes, it is removed or re-added, and when its
-- revision (re)opens for review or its text changes (an earlier sign-off stops counting).
CREATE TRIGGER `review_assignments_reminder_insert` AFTER INSERT ON `review_assignments`
WHEN new.due_at IS NOT NULL AND new.removed_at IS NULL
  AND EXISTS (SELECT 1 FROM revisions WHERE id = new.revision_id AND state IN ('submitted', 'under_review'))
BEGIN
  UPDATE review_assignments SET reminder_at = '' WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `review_assignments_reminder_change` AFTER UPDATE OF due_at, removed_at ON `review_assignments`
WHEN new.due_at IS NOT old.due_at OR new.removed_at IS NOT old.removed_at
BEGIN
  UPDATE review_assignments SET reminder_at = CASE WHEN new.due_at IS NOT NULL AND new.removed_at IS NULL THEN '' END WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `revisions_reminder_reopen` AFTER UPDATE OF state, content_hash ON `revisions`
WHEN new.state IN ('submitted', 'under_review') AND (new.state IS NOT old.state OR new.content_hash IS NOT old.content_hash)
BEGIN
  UPDATE review_assignments SET reminder_at = '' WHERE revision_id = new.id AND removed_at IS NULL AND due_at IS NOT NULL;
END;
--> statement-breakpoint
-- An article wakes a little over ARTICLE_NOTICE_DAYS (30) before its review-due date, earlier than
-- that window starts in any time zone; the tick then works out the exact local time.
CREATE TRIGGER `articles_review_reminder_insert` AFTER INSERT ON `articles`
WHEN new.live_revision_id IS NOT NULL AND new.review_due_at IS NOT NULL
BEGIN
  UPDATE articles SET review_reminder_at = strftime('%Y-%m-%dT%H:%M:%fZ', new.review_due_at, '-32 days') WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `articles_review_reminder_change` AFTER UPDATE OF review_due_at, live_revision_id ON `articles`
WHEN new.review_due_at IS NOT old.review_due_at OR new.live_revision_id IS NOT old.live_revision_id
BEGIN
  UPDATE articles SET review_reminder_at = CASE WHEN new.live_revision_id IS NOT NULL AND new.review_due_at IS NOT NULL
    THEN strftime('%Y-%m-%dT%H:%M:%fZ', new.review_due_at, '-32 days') END WHERE id = new.id;
END;
--> statement-breakpoint
-- Rows that already exist: open assignments look on the first tick; live articles from 32 days before their date.
UPDATE review_assignments SET reminder_at = '' WHERE removed_at IS NULL AND due_at IS NOT NULL
  AND revision_id IN (SELECT id FROM revisions WHERE state IN ('submitted', 'under_review'));
--> statement-breakpoint
UPDATE articles SET review_reminder_at = strftime('%Y-%m-%dT%H:%M:%fZ', review_due_at, '-32 days')
  WHERE live_revision_id IS NOT NULL AND review_due_at IS NOT NULL;
