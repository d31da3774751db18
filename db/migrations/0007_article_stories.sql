ALTER TABLE `articles` ADD `story_id` integer;--> statement-breakpoint
CREATE INDEX `articles_story` ON `articles` (`story_id`);