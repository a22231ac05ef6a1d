-- search_grams gets its document's kind, first in the key: a course search reads courses' grams
-- only (one key range per (kind, gram)), not every fair's as well. WITHOUT ROWID: the key is the
-- table (no separate rowid B-tree of 14 million rows at city scale); the doc-id index, used by
-- deletes and the cascade from search_docs, then holds (doc_id, kind, gram).
-- Written from drizzle-kit's generated table rebuild; edited by hand to add WITHOUT ROWID (drizzle
-- cannot declare it) and to fill `kind` from search_docs. The copy walks the old key (gram,
-- doc_id) in order (CROSS JOIN keeps search_grams outer, the ORDER BY is the old key's own), so
-- each kind's rows arrive in the new key's order; the kinds come from a small materialized list
-- (search_docs' narrow (kind, ref_id) index), not from a look-up of a wide document row per gram.
-- (Walking the old table in rowid order, joined to search_docs, cost ~2 min of CPU at city scale,
-- 14.6 million grams; this copy with 0012's FTS rebuild ~1 min 40 s. Wall time on a loaded machine
-- was 6–12 min: expect minutes, not seconds, on a big database.)
CREATE TABLE `__new_search_grams` (
	`kind` text NOT NULL,
	`gram` text NOT NULL,
	`doc_id` integer NOT NULL,
	PRIMARY KEY(`kind`, `gram`, `doc_id`),
	FOREIGN KEY (`doc_id`) REFERENCES `search_docs`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_search_grams`(`kind`, `gram`, `doc_id`)
  WITH d AS MATERIALIZED (SELECT `id`, `kind` FROM `search_docs`)
  SELECT d.`kind`, g.`gram`, g.`doc_id` FROM `search_grams` g CROSS JOIN d ON d.`id` = g.`doc_id` ORDER BY g.`gram`, g.`doc_id`;
--> statement-breakpoint
DROP TABLE `search_grams`;--> statement-breakpoint
ALTER TABLE `__new_search_grams` RENAME TO `search_grams`;--> statement-breakpoint
CREATE INDEX `search_grams_doc_idx` ON `search_grams` (`doc_id`);
