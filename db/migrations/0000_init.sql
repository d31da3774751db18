CREATE TABLE `articles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source_id` integer NOT NULL,
	`title` text NOT NULL,
	`url` text,
	`published_at` text,
	`body` text NOT NULL,
	`content_hash` text NOT NULL,
	`ingested_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `articles_content_hash` ON `articles` (`content_hash`);--> statement-breakpoint
CREATE INDEX `articles_source` ON `articles` (`source_id`);--> statement-breakpoint
CREATE TABLE `claim_keys` (
	`key` text NOT NULL,
	`claim_id` integer NOT NULL,
	PRIMARY KEY(`key`, `claim_id`),
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `claim_keys_claim` ON `claim_keys` (`claim_id`);--> statement-breakpoint
CREATE TABLE `claims` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`article_id` integer NOT NULL,
	`position` integer NOT NULL,
	`start` integer NOT NULL,
	`end` integer NOT NULL,
	`text` text NOT NULL,
	`kind` text NOT NULL,
	`checkworthiness` real NOT NULL,
	`terms` text NOT NULL,
	`context_terms` text NOT NULL,
	`entities` text NOT NULL,
	`quotes` text NOT NULL,
	`prev_start` integer,
	`prev_end` integer,
	`status` text DEFAULT 'unreviewed' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `claims_article` ON `claims` (`article_id`,`position`);--> statement-breakpoint
CREATE INDEX `claims_status` ON `claims` (`status`);--> statement-breakpoint
CREATE TABLE `entities` (
	`key` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`type` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`claim_a` integer NOT NULL,
	`claim_b` integer NOT NULL,
	`relation` text NOT NULL,
	`score` real NOT NULL,
	`severity` text NOT NULL,
	`explanation` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`claim_a`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`claim_b`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `links_pair` ON `links` (`claim_a`,`claim_b`);--> statement-breakpoint
CREATE INDEX `links_b` ON `links` (`claim_b`);--> statement-breakpoint
CREATE INDEX `links_queue` ON `links` (`relation`,`status`,`severity`);--> statement-breakpoint
CREATE TABLE `mentions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`article_id` integer NOT NULL,
	`entity_key` text NOT NULL,
	`start` integer NOT NULL,
	`end` integer NOT NULL,
	`surface` text NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`entity_key`) REFERENCES `entities`(`key`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `mentions_article` ON `mentions` (`article_id`);--> statement-breakpoint
CREATE INDEX `mentions_entity` ON `mentions` (`entity_key`);--> statement-breakpoint
CREATE TABLE `quantities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`claim_id` integer NOT NULL,
	`start` integer NOT NULL,
	`end` integer NOT NULL,
	`raw` text NOT NULL,
	`value` real NOT NULL,
	`low` real NOT NULL,
	`high` real,
	`low_inclusive` integer NOT NULL,
	`high_inclusive` integer NOT NULL,
	`unit` text NOT NULL,
	`unit_class` text NOT NULL,
	`modifiers` text NOT NULL,
	`rate` text,
	`hedge` text,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `quantities_claim` ON `quantities` (`claim_id`);--> statement-breakpoint
CREATE TABLE `reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`target_type` text NOT NULL,
	`target_id` integer NOT NULL,
	`reviewer` text NOT NULL,
	`action` text NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`note` text,
	`evidence_url` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `reviews_target` ON `reviews` (`target_type`,`target_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `sources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`homepage` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sources_name_unique` ON `sources` (`name`);--> statement-breakpoint
CREATE TABLE `term_stats` (
	`term` text PRIMARY KEY NOT NULL,
	`df` integer NOT NULL
);
