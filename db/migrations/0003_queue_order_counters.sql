CREATE TABLE `counters` (
	`id` integer PRIMARY KEY NOT NULL,
	`articles` integer DEFAULT 0 NOT NULL,
	`claims` integer DEFAULT 0 NOT NULL,
	`open_conflicts` integer DEFAULT 0 NOT NULL,
	`verified_claims` integer DEFAULT 0 NOT NULL,
	`version` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE `links` ADD `severity_rank` integer GENERATED ALWAYS AS ((case "severity" when 'high' then 0 when 'medium' then 1 else 2 end)) VIRTUAL;--> statement-breakpoint
CREATE INDEX `links_queue_order` ON `links` (`status`,`severity_rank`,"score" desc,`id`) WHERE relation in ('conflict', 'quote_differs');--> statement-breakpoint
-- Hand-written below (drizzle-kit does not generate triggers): the counters row starts from the
-- stored data, and triggers keep it in step with every write, whichever code path, process or
-- driver makes it. `version` goes up with every change to what the conflict queue shows (articles,
-- claims, links, outlets), in the writing transaction, so a cache keyed on it is never stale.
INSERT INTO `counters` (`id`, `articles`, `claims`, `open_conflicts`, `verified_claims`, `version`) VALUES (1,
  (SELECT count(*) FROM `articles`),
  (SELECT count(*) FROM `claims`),
  (SELECT count(*) FROM `links` WHERE `relation` IN ('conflict', 'quote_differs') AND `status` = 'open'),
  (SELECT count(*) FROM `claims` WHERE `status` = 'verified'),
  1);
--> statement-breakpoint
CREATE TRIGGER `counters_articles_insert` AFTER INSERT ON `articles` BEGIN
  UPDATE `counters` SET `articles` = `articles` + 1, `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `counters_articles_delete` AFTER DELETE ON `articles` BEGIN
  UPDATE `counters` SET `articles` = `articles` - 1, `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `counters_articles_update` AFTER UPDATE ON `articles` BEGIN
  UPDATE `counters` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `counters_claims_insert` AFTER INSERT ON `claims` BEGIN
  UPDATE `counters` SET `claims` = `claims` + 1, `verified_claims` = `verified_claims` + (new.`status` = 'verified'),
    `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `counters_claims_delete` AFTER DELETE ON `claims` BEGIN
  UPDATE `counters` SET `claims` = `claims` - 1, `verified_claims` = `verified_claims` - (old.`status` = 'verified'),
    `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `counters_claims_update` AFTER UPDATE ON `claims` BEGIN
  UPDATE `counters` SET `verified_claims` = `verified_claims` + (new.`status` = 'verified') - (old.`status` = 'verified'),
    `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `counters_links_insert` AFTER INSERT ON `links` BEGIN
  UPDATE `counters` SET `open_conflicts` = `open_conflicts` + (new.`relation` IN ('conflict', 'quote_differs') AND new.`status` = 'open'),
    `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `counters_links_delete` AFTER DELETE ON `links` BEGIN
  UPDATE `counters` SET `open_conflicts` = `open_conflicts` - (old.`relation` IN ('conflict', 'quote_differs') AND old.`status` = 'open'),
    `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `counters_links_update` AFTER UPDATE ON `links` BEGIN
  UPDATE `counters` SET `open_conflicts` = `open_conflicts`
      + (new.`relation` IN ('conflict', 'quote_differs') AND new.`status` = 'open')
      - (old.`relation` IN ('conflict', 'quote_differs') AND old.`status` = 'open'),
    `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `counters_sources_insert` AFTER INSERT ON `sources` BEGIN
  UPDATE `counters` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `counters_sources_update` AFTER UPDATE ON `sources` BEGIN
  UPDATE `counters` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `counters_sources_delete` AFTER DELETE ON `sources` BEGIN
  UPDATE `counters` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `counters_quantities_update` AFTER UPDATE ON `quantities` BEGIN
  UPDATE `counters` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `counters_quantities_delete` AFTER DELETE ON `quantities` BEGIN
  UPDATE `counters` SET `version` = `version` + 1 WHERE `id` = 1;
END;
