-- Full-text search over claim sentences for the queue's search box. An external-content FTS5 index:
-- the text lives once, in claims; triggers keep the index in step (SQLite FTS5 runs on libSQL and D1).
CREATE VIRTUAL TABLE `claims_fts` USING fts5(`text`, content='claims', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `claims_fts_insert` AFTER INSERT ON `claims` BEGIN
  INSERT INTO `claims_fts`(rowid, `text`) VALUES (new.`id`, new.`text`);
END;
--> statement-breakpoint
CREATE TRIGGER `claims_fts_delete` AFTER DELETE ON `claims` BEGIN
  INSERT INTO `claims_fts`(`claims_fts`, rowid, `text`) VALUES ('delete', old.`id`, old.`text`);
END;
--> statement-breakpoint
CREATE TRIGGER `claims_fts_update` AFTER UPDATE OF `text` ON `claims` BEGIN
  INSERT INTO `claims_fts`(`claims_fts`, rowid, `text`) VALUES ('delete', old.`id`, old.`text`);
  INSERT INTO `claims_fts`(rowid, `text`) VALUES (new.`id`, new.`text`);
END;
--> statement-breakpoint
INSERT INTO `claims_fts`(`claims_fts`) VALUES ('rebuild');
