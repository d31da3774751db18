DROP INDEX `articles_content_hash`;--> statement-breakpoint
CREATE UNIQUE INDEX `articles_content_hash_source` ON `articles` (`content_hash`,`source_id`);