-- The reviewer dashboard lists a reviewer's open assignments a page at a time, soonest due first,
-- undated last, then by assignment id. Kept in that order here, the page's ids are picked by
-- walking this index (each revision's state checked in revisions_id_state_updated_idx) and the walk
-- stops at the page: no sort over all of a busy reviewer's thousands of assignments, and no wide
-- revision row read except the page's. `due_at IS NULL` is the first sort key, so it is indexed as
-- written in the query; revision_id and removed_at make the index covering (SQLite does not count
-- a column only named in a partial index's WHERE as covered, and would read every table row).
CREATE INDEX IF NOT EXISTS review_assignments_reviewer_due_idx ON review_assignments (reviewer_id, due_at IS NULL, due_at, id, revision_id, removed_at) WHERE removed_at IS NULL;
