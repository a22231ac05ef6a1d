-- Full-text index over search_docs.body with the trigram tokenizer: matches any substring of
-- three or more characters, which suits Chinese (no word segmentation needed). Terms of one or
-- two characters are answered from search_grams instead (see db/search).
CREATE VIRTUAL TABLE `search_fts` USING fts5(`body`, content='search_docs', content_rowid='id', tokenize='trigram');
--> statement-breakpoint
CREATE TRIGGER `search_docs_ai` AFTER INSERT ON `search_docs` BEGIN
  INSERT INTO `search_fts`(rowid, body) VALUES (new.id, new.body);
END;
--> statement-breakpoint
CREATE TRIGGER `search_docs_ad` AFTER DELETE ON `search_docs` BEGIN
  INSERT INTO `search_fts`(`search_fts`, rowid, body) VALUES ('delete', old.id, old.body);
END;
--> statement-breakpoint
CREATE TRIGGER `search_docs_au` AFTER UPDATE ON `search_docs` BEGIN
  INSERT INTO `search_fts`(`search_fts`, rowid, body) VALUES ('delete', old.id, old.body);
  INSERT INTO `search_fts`(rowid, body) VALUES (new.id, new.body);
END;
