ALTER TABLE `articles` ADD `upkeep_pending` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `articles_upkeep_pending` ON `articles` (`id`) WHERE "articles"."upkeep_pending" = 1;