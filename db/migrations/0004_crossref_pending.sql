ALTER TABLE `articles` ADD `crossref_pending` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `articles` ADD `pending_names` text;--> statement-breakpoint
CREATE INDEX `articles_crossref_pending` ON `articles` (`id`) WHERE "articles"."crossref_pending" = 1;