-- The trigram table gets its document's kind as a column, so a course search can ask for
-- courses only in the MATCH itself ({kind}: "course" AND {body}: (…)) instead of reading every
-- fair that has the word: at city scale 养老护理 is in 112 courses and 6,013 fairs. Words are
-- always matched in {body} only (a Latin word must not match a kind's name). Which searches use
-- the kind filter: db/search/keywords.ts. The kinds' names are whole column values and none
-- contains another, so the phrase "station" never matches "position".
-- Written by hand (drizzle-kit does not make FTS5 tables); replaces 0001's table and triggers.
-- The rebuild reads every document once (~40 s at city scale).
DROP TRIGGER `search_docs_ai`;
--> statement-breakpoint
DROP TRIGGER `search_docs_ad`;
--> statement-breakpoint
DROP TRIGGER `search_docs_au`;
--> statement-breakpoint
DROP TABLE `search_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_fts` USING fts5(`kind`, `body`, content='search_docs', content_rowid='id', tokenize='trigram');
--> statement-breakpoint
INSERT INTO `search_fts`(`search_fts`) VALUES ('rebuild');
--> statement-breakpoint
CREATE TRIGGER `search_docs_ai` AFTER INSERT ON `search_docs` BEGIN
  INSERT INTO `search_fts`(rowid, kind, body) VALUES (new.id, new.kind, new.body);
END;
--> statement-breakpoint
CREATE TRIGGER `search_docs_ad` AFTER DELETE ON `search_docs` BEGIN
  INSERT INTO `search_fts`(`search_fts`, rowid, kind, body) VALUES ('delete', old.id, old.kind, old.body);
END;
--> statement-breakpoint
CREATE TRIGGER `search_docs_au` AFTER UPDATE ON `search_docs` BEGIN
  INSERT INTO `search_fts`(`search_fts`, rowid, kind, body) VALUES ('delete', old.id, old.kind, old.body);
  INSERT INTO `search_fts`(rowid, kind, body) VALUES (new.id, new.kind, new.body);
END;
