CREATE TABLE `feed_items` (
	`url` text PRIMARY KEY NOT NULL,
	`feed_id` integer NOT NULL,
	`title` text,
	`status` text NOT NULL,
	`article_id` integer,
	`error` text,
	`seen_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`feed_id`) REFERENCES `feeds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `feed_items_feed` ON `feed_items` (`feed_id`,`seen_at`);--> statement-breakpoint
CREATE TABLE `feeds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`url` text NOT NULL,
	`title` text,
	`outlet` text,
	`interval_minutes` integer DEFAULT 30 NOT NULL,
	`etag` text,
	`last_modified` text,
	`next_poll_at` integer DEFAULT 0 NOT NULL,
	`last_polled_at` integer,
	`last_status` text,
	`last_error` text,
	`last_new_items` integer,
	`consecutive_errors` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`created_by` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `feeds_url_unique` ON `feeds` (`url`);--> statement-breakpoint
ALTER TABLE `articles` ADD `author` text;--> statement-breakpoint
CREATE INDEX `articles_url` ON `articles` (`url`);