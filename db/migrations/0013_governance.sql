-- Board governance (issue 17). A revision's change class (`new` | `major` | `minor`, read by the public version
-- history too), the editor's reason for a minor claim, and who escalated a minor claim to major and why.
ALTER TABLE `revisions` ADD `change_class` text DEFAULT 'new' NOT NULL;
--> statement-breakpoint
ALTER TABLE `revisions` ADD `change_reason` text DEFAULT '' NOT NULL;
--> statement-breakpoint
ALTER TABLE `revisions` ADD `change_note` text DEFAULT '' NOT NULL;
--> statement-breakpoint
ALTER TABLE `revisions` ADD `change_escalated_by_id` integer REFERENCES `users`(`id`);
--> statement-breakpoint
ALTER TABLE `revisions` ADD `change_escalation_reason` text DEFAULT '' NOT NULL;
--> statement-breakpoint
-- Revisions written before this migration: a first revision is new, a later one a full (major) change.
UPDATE `revisions` SET `change_class` = 'major' WHERE `number` > 1;
--> statement-breakpoint
-- A board member's professional class (approver-mix requirements name classes) and specialties (a JSON array of
-- strings, matched against an article's topic).
ALTER TABLE `board_profiles` ADD `credential_class` text DEFAULT 'other' NOT NULL;
--> statement-breakpoint
ALTER TABLE `board_profiles` ADD `specialties` text DEFAULT '[]' NOT NULL;
--> statement-breakpoint
-- Existing profiles: the class their free-text credentials name, so reviews in flight keep their physicians.
UPDATE `board_profiles` SET `credential_class` = CASE
  WHEN ' ' || upper(replace(replace(`credentials`, ',', ' '), '.', '')) || ' ' GLOB '* MD *'
    OR ' ' || upper(replace(replace(`credentials`, ',', ' '), '.', '')) || ' ' GLOB '* DO *'
    OR ' ' || upper(replace(replace(`credentials`, ',', ' '), '.', '')) || ' ' GLOB '* MBBS *' THEN 'physician'
  WHEN ' ' || upper(replace(replace(`credentials`, ',', ' '), '.', '')) || ' ' GLOB '* PHARMD *'
    OR ' ' || upper(replace(replace(`credentials`, ',', ' '), '.', '')) || ' ' GLOB '* RPH *' THEN 'pharmacist'
  WHEN ' ' || upper(replace(replace(`credentials`, ',', ' '), '.', '')) || ' ' GLOB '* RN *'
    OR ' ' || upper(replace(replace(`credentials`, ',', ' '), '.', '')) || ' ' GLOB '* NP *' THEN 'nurse'
  WHEN ' ' || upper(replace(replace(`credentials`, ',', ' '), '.', '')) || ' ' GLOB '* PT *'
    OR ' ' || upper(replace(replace(`credentials`, ',', ' '), '.', '')) || ' ' GLOB '* DPT *' THEN 'physiotherapist'
  ELSE 'other' END;
--> statement-breakpoint
-- What the signer was when signing (class and specialties), so the quorum's mix and the signature record judge the
-- signature as given, not the profile as edited later; NULL on rows written before this migration or directly (the
-- quorum then reads the signer's current profile).
ALTER TABLE `sign_offs` ADD `signer_class` text;
--> statement-breakpoint
ALTER TABLE `sign_offs` ADD `signer_specialties` text;
--> statement-breakpoint
-- The revision's change class when it was signed.
ALTER TABLE `sign_offs` ADD `change_class` text;
