-- The keyword search's document map (db/search/keywords.ts) follows search_docs through the change
-- log: a document added or removed (or, never in practice, moved to another kind or record) logs
-- its id. A body rewrite (every admin save re-indexes) changes neither, so it logs nothing.
-- Written by hand; drizzle-kit does not make triggers.
CREATE TRIGGER `search_docs_insert_logs_change` AFTER INSERT ON `search_docs` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('search_doc', NEW.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `search_docs_update_logs_change` AFTER UPDATE OF `id`, `kind`, `ref_id` ON `search_docs` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('search_doc', NEW.`id`); INSERT INTO `change_log` (`entity`, `entity_id`) SELECT 'search_doc', OLD.`id` WHERE OLD.`id` IS NOT NEW.`id`; END;
--> statement-breakpoint
CREATE TRIGGER `search_docs_delete_logs_change` AFTER DELETE ON `search_docs` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('search_doc', OLD.`id`); END;
