ALTER TABLE `links` ADD `fact_id` integer;--> statement-breakpoint
CREATE INDEX `links_fact` ON `links` (`fact_id`);