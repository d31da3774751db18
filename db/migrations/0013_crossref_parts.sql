CREATE TABLE `crossref_parts` (
	`article_id` integer NOT NULL,
	`chunk` integer NOT NULL,
	`total` integer NOT NULL,
	`body` text NOT NULL,
	PRIMARY KEY(`article_id`, `chunk`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
