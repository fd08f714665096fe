-- Indexes for reader lists that reach every article and the staff article index (issue 18; plans in
-- the bench output, figures in BENCHMARKS.md). Revision rows carry both wordings, so these narrow
-- indexes answer visibility, ordering and counts without reading the wide rows.
--
-- A revision's article, state and date by id: the visibility check of every reader list (the
-- revision readers see must belong to the article and be submitted, in review or approved), index-only.
CREATE INDEX IF NOT EXISTS revisions_reader_idx ON revisions (id, article_id, state, updated_at);
--> statement-breakpoint
-- Revisions readers could see, newest first: home's and the feed's latest articles and the API's
-- updatedSince filter walk this and stop after a page, instead of sorting every article.
CREATE INDEX IF NOT EXISTS revisions_reader_updated_idx ON revisions (updated_at, id, article_id) WHERE state IN ('submitted', 'under_review', 'approved');
--> statement-breakpoint
-- A topic's articles with the two revision pointers: topic pages, topic counts and the API's topic filter, index-only.
CREATE INDEX IF NOT EXISTS articles_topic_reader_idx ON articles (topic, id, live_revision_id, working_revision_id);
--> statement-breakpoint
-- The staff article index (/editor/articles) searches every article in every state, not only what
-- readers see (article_search): the working revision's question and both wordings as written
-- (citekeys in markers are words too) and the slug, rowid = article id. Triggers keep it in step
-- with every write path, including scripts and test fixtures that write rows directly.
CREATE VIRTUAL TABLE staff_article_search USING fts5(
  question,
  clinician_body,
  patient_body,
  slug,
  tokenize = 'porter unicode61 remove_diacritics 2'
);
--> statement-breakpoint
INSERT INTO staff_article_search (rowid, question, clinician_body, patient_body, slug)
  SELECT a.id, coalesce(r.question, ''), coalesce(r.clinician_body, ''), coalesce(r.patient_body, ''), a.slug
  FROM articles a LEFT JOIN revisions r ON r.id = a.working_revision_id;
--> statement-breakpoint
CREATE TRIGGER staff_search_article_insert AFTER INSERT ON articles BEGIN
  INSERT INTO staff_article_search (rowid, question, clinician_body, patient_body, slug)
    SELECT NEW.id, coalesce(r.question, ''), coalesce(r.clinician_body, ''), coalesce(r.patient_body, ''), NEW.slug
    FROM (SELECT 1) LEFT JOIN revisions r ON r.id = NEW.working_revision_id;
END;
--> statement-breakpoint
CREATE TRIGGER staff_search_article_update AFTER UPDATE OF working_revision_id, slug ON articles BEGIN
  DELETE FROM staff_article_search WHERE rowid = OLD.id;
  INSERT INTO staff_article_search (rowid, question, clinician_body, patient_body, slug)
    SELECT NEW.id, coalesce(r.question, ''), coalesce(r.clinician_body, ''), coalesce(r.patient_body, ''), NEW.slug
    FROM (SELECT 1) LEFT JOIN revisions r ON r.id = NEW.working_revision_id;
END;
--> statement-breakpoint
CREATE TRIGGER staff_search_article_delete AFTER DELETE ON articles BEGIN
  DELETE FROM staff_article_search WHERE rowid = OLD.id;
END;
--> statement-breakpoint
CREATE TRIGGER staff_search_revision_update AFTER UPDATE OF question, clinician_body, patient_body ON revisions
WHEN EXISTS (SELECT 1 FROM articles WHERE id = NEW.article_id AND working_revision_id = NEW.id) BEGIN
  DELETE FROM staff_article_search WHERE rowid = NEW.article_id;
  INSERT INTO staff_article_search (rowid, question, clinician_body, patient_body, slug)
    SELECT NEW.article_id, NEW.question, NEW.clinician_body, NEW.patient_body, a.slug FROM articles a WHERE a.id = NEW.article_id;
END;
--> statement-breakpoint
-- An article's updated_at is also the time its working revision last changed, so the staff index
-- sorts "recently updated" from articles_updated_idx alone (keyset, no sort of every article).
UPDATE articles SET updated_at = (SELECT r.updated_at FROM revisions r WHERE r.id = articles.working_revision_id)
  WHERE (SELECT r.updated_at FROM revisions r WHERE r.id = articles.working_revision_id) > updated_at;
--> statement-breakpoint
CREATE TRIGGER articles_follow_working_revision AFTER UPDATE OF updated_at ON revisions
WHEN EXISTS (SELECT 1 FROM articles WHERE id = NEW.article_id AND working_revision_id = NEW.id AND updated_at < NEW.updated_at) BEGIN
  UPDATE articles SET updated_at = NEW.updated_at WHERE id = NEW.article_id;
END;
--> statement-breakpoint
CREATE TRIGGER articles_follow_new_working_revision AFTER UPDATE OF working_revision_id ON articles
WHEN (SELECT updated_at FROM revisions WHERE id = NEW.working_revision_id) > NEW.updated_at BEGIN
  UPDATE articles SET updated_at = (SELECT updated_at FROM revisions WHERE id = NEW.working_revision_id) WHERE id = NEW.id;
END;
--> statement-breakpoint
-- Keyset orders of the staff index: recently updated (articles_updated_idx with the id as tie-break),
-- review due soonest with undated last, and question A–Z (walked on revisions, joined to their article).
CREATE INDEX IF NOT EXISTS articles_updated_id_idx ON articles (updated_at, id);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS articles_due_order_idx ON articles (review_due_at IS NULL, review_due_at, id);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS revisions_question_idx ON revisions (question, id);
