DROP INDEX `links_queue_order`;--> statement-breakpoint
CREATE INDEX `links_fact_queue` ON `links` (`status`,`fact_id`,`severity_rank`,"score" desc,`id`) WHERE relation in ('conflict', 'quote_differs');--> statement-breakpoint
CREATE INDEX `links_queue_order` ON `links` (`status`,`severity_rank`,"score" desc,`id`,`fact_id`) WHERE relation in ('conflict', 'quote_differs');