-- Indexes for the editor dashboard at 100k articles (issue 9; figures in BENCHMARKS.md).
-- Revision rows carry both wordings, so any column after the bodies (state, updated_at…) costs an
-- overflow-page read per row; these narrow indexes answer the dashboard from the index alone.
--
-- A working revision's state and date by id: counts by state and queue ordering read this, not the wide row.
CREATE INDEX IF NOT EXISTS revisions_id_state_updated_idx ON revisions (id, state, updated_at);
--> statement-breakpoint
-- A reviewer's current (not removed) assignments with their revision and due date, index-only.
CREATE INDEX IF NOT EXISTS review_assignments_reviewer_open_idx ON review_assignments (reviewer_id, revision_id, due_at) WHERE removed_at IS NULL;
--> statement-breakpoint
-- The few articles flagged for early re-review, so "overdue OR flagged" is two index lookups, not a scan.
CREATE INDEX IF NOT EXISTS articles_re_review_flagged_idx ON articles (re_review_flagged_at) WHERE re_review_flagged_at IS NOT NULL;
--> statement-breakpoint
-- Live articles by review due date (the re-review queue).
CREATE INDEX IF NOT EXISTS articles_live_review_due_idx ON articles (review_due_at) WHERE live_revision_id IS NOT NULL;
