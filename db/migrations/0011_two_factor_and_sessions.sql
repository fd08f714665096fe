-- Two-factor sign-in (TOTP, RFC 6238) and server-side session records (issue 20).
-- The TOTP secret is kept AES-256-GCM encrypted (lib/two-factor-crypto.ts); enabled_at is null while
-- enrolment waits for its confirming code. last_used_step refuses a code's reuse in its window.
CREATE TABLE `two_factor` (
	`user_id` integer PRIMARY KEY NOT NULL REFERENCES `users`(`id`) ON DELETE cascade,
	`secret_enc` text NOT NULL,
	`enabled_at` text,
	`last_used_step` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
-- Single-use recovery codes: only their SHA-256 is kept.
CREATE TABLE `recovery_codes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL REFERENCES `users`(`id`) ON DELETE cascade,
	`code_hash` text NOT NULL,
	`used_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `recovery_codes_user_hash_idx` ON `recovery_codes` (`user_id`,`code_hash`);
--> statement-breakpoint
-- One row per sign-in; the session token carries its id, and each request checks it (lib/dal/session.ts).
CREATE TABLE `user_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL REFERENCES `users`(`id`) ON DELETE cascade,
	`created_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	`user_agent` text DEFAULT '' NOT NULL,
	`ip` text DEFAULT '' NOT NULL,
	`factors` text DEFAULT 'password' NOT NULL,
	`session_version` integer DEFAULT 1 NOT NULL,
	`ended_at` text,
	`ended_reason` text
);
--> statement-breakpoint
CREATE INDEX `user_sessions_user_idx` ON `user_sessions` (`user_id`,`ended_at`);
--> statement-breakpoint
-- Which identification components a signature used ("password" or "password+totp").
ALTER TABLE `sign_offs` ADD `factors` text DEFAULT 'password' NOT NULL;
