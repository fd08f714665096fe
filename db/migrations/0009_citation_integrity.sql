-- Citation integrity (issue 19). A DOI is kept as registered ("10.1056/NEJMsa0810119") in `doi`, and compared by its
-- lower-case `doi_key`, a generated column (so no writer can forget it), which now holds the unique index. Rows written
-- before this migration stored the DOI already lower-cased; their key is the same text.
ALTER TABLE `library_references` ADD `doi_key` text GENERATED ALWAYS AS (lower(`doi`)) VIRTUAL;
--> statement-breakpoint
DROP INDEX IF EXISTS `references_doi_unique`;
--> statement-breakpoint
CREATE UNIQUE INDEX `references_doi_key_unique` ON `library_references` (`doi_key`);
--> statement-breakpoint
-- Where a retraction mark came from: `manual` (an editor ticked it) or `import` (the imported record said so).
ALTER TABLE `library_references` ADD `retraction_source` text;
--> statement-breakpoint
UPDATE `library_references` SET `retraction_source` = 'manual' WHERE `retracted` = 1;
--> statement-breakpoint
-- A published correction (erratum) or expression of concern: shown to editors, reviewers and readers, not blocking.
ALTER TABLE `library_references` ADD `notice_kind` text;
--> statement-breakpoint
ALTER TABLE `library_references` ADD `notice_note` text;
--> statement-breakpoint
ALTER TABLE `library_references` ADD `notice_source` text;
--> statement-breakpoint
ALTER TABLE `library_references` ADD `notice_at` text;
