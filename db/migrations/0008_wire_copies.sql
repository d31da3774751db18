ALTER TABLE `articles` ADD `copy_signature` text;--> statement-breakpoint
ALTER TABLE `articles` ADD `copy_of` integer;--> statement-breakpoint
CREATE INDEX `articles_copy_of` ON `articles` (`copy_of`);