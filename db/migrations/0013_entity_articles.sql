DROP INDEX `mentions_article`;--> statement-breakpoint
CREATE INDEX `mentions_article` ON `mentions` (`article_id`,`entity_key`);--> statement-breakpoint
ALTER TABLE `entities` ADD `articles` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- How many articles mention each entity (its document frequency), for the story rule's rarity weights.
-- Kept by triggers, so it holds whichever code path or driver writes mentions (ingest, deletion's
-- cascade, the bench's SQL copies). An article counts once however often it names the entity.
UPDATE `entities` SET `articles` = (SELECT count(DISTINCT `article_id`) FROM `mentions` WHERE `entity_key` = `entities`.`key`);--> statement-breakpoint
CREATE TRIGGER `entities_articles_insert` AFTER INSERT ON `mentions`
WHEN NOT EXISTS (SELECT 1 FROM `mentions` WHERE `article_id` = NEW.`article_id` AND `entity_key` = NEW.`entity_key` AND `id` <> NEW.`id`) BEGIN
  UPDATE `entities` SET `articles` = `articles` + 1 WHERE `key` = NEW.`entity_key`;
END;--> statement-breakpoint
CREATE TRIGGER `entities_articles_delete` AFTER DELETE ON `mentions`
WHEN NOT EXISTS (SELECT 1 FROM `mentions` WHERE `article_id` = OLD.`article_id` AND `entity_key` = OLD.`entity_key`) BEGIN
  UPDATE `entities` SET `articles` = `articles` - 1 WHERE `key` = OLD.`entity_key`;
END;
