-- Sign-offs and audit events are immutable: the database itself refuses changes.
CREATE TRIGGER sign_offs_no_update BEFORE UPDATE ON sign_offs
BEGIN SELECT RAISE(ABORT, 'sign-offs are immutable'); END;
--> statement-breakpoint
CREATE TRIGGER sign_offs_no_delete BEFORE DELETE ON sign_offs
BEGIN SELECT RAISE(ABORT, 'sign-offs are immutable'); END;
--> statement-breakpoint
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
--> statement-breakpoint
-- Full-text index of what readers may see: one row per visible article (rowid = article id),
-- kept in step by the data access layer whenever the visible revision changes.
CREATE VIRTUAL TABLE article_search USING fts5(
  question,
  clinician_text,
  patient_text,
  topic UNINDEXED,
  tokenize = 'porter unicode61 remove_diacritics 2'
);
