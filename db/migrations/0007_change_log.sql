CREATE TABLE `change_log` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity` text NOT NULL,
	`entity_id` integer NOT NULL
);
--> statement-breakpoint
-- The list indexes' change feed (db/search/engine/changes.ts). Written by hand; drizzle-kit does
-- not make triggers. Content rows log the entity their list counts (a run, its certificates and
-- target groups log their course; an employer and its positions log their fair); reference
-- tables log their own name and rowid.
CREATE TRIGGER `courses_insert_logs_change` AFTER INSERT ON `courses` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('course', NEW.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `courses_update_logs_change` AFTER UPDATE ON `courses` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('course', NEW.`id`); INSERT INTO `change_log` (`entity`, `entity_id`) SELECT 'course', OLD.`id` WHERE OLD.`id` IS NOT NEW.`id`; END;
--> statement-breakpoint
CREATE TRIGGER `courses_delete_logs_change` AFTER DELETE ON `courses` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('course', OLD.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `course_runs_insert_logs_change` AFTER INSERT ON `course_runs` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('course', NEW.`course_id`); END;
--> statement-breakpoint
CREATE TRIGGER `course_runs_update_logs_change` AFTER UPDATE ON `course_runs` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('course', NEW.`course_id`); INSERT INTO `change_log` (`entity`, `entity_id`) SELECT 'course', OLD.`course_id` WHERE OLD.`course_id` IS NOT NEW.`course_id`; END;
--> statement-breakpoint
CREATE TRIGGER `course_runs_delete_logs_change` AFTER DELETE ON `course_runs` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('course', OLD.`course_id`); END;
--> statement-breakpoint
CREATE TRIGGER `run_certificates_insert_logs_change` AFTER INSERT ON `run_certificates` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) SELECT 'course', `course_id` FROM `course_runs` WHERE `id` = NEW.`run_id`; END;
--> statement-breakpoint
CREATE TRIGGER `run_certificates_update_logs_change` AFTER UPDATE ON `run_certificates` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) SELECT 'course', `course_id` FROM `course_runs` WHERE `id` = NEW.`run_id`; INSERT INTO `change_log` (`entity`, `entity_id`) SELECT 'course', `course_id` FROM `course_runs` WHERE `id` = OLD.`run_id`; END;
--> statement-breakpoint
CREATE TRIGGER `run_certificates_delete_logs_change` AFTER DELETE ON `run_certificates` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) SELECT 'course', `course_id` FROM `course_runs` WHERE `id` = OLD.`run_id`; END;
--> statement-breakpoint
CREATE TRIGGER `run_target_groups_insert_logs_change` AFTER INSERT ON `run_target_groups` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) SELECT 'course', `course_id` FROM `course_runs` WHERE `id` = NEW.`run_id`; END;
--> statement-breakpoint
CREATE TRIGGER `run_target_groups_update_logs_change` AFTER UPDATE ON `run_target_groups` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) SELECT 'course', `course_id` FROM `course_runs` WHERE `id` = NEW.`run_id`; INSERT INTO `change_log` (`entity`, `entity_id`) SELECT 'course', `course_id` FROM `course_runs` WHERE `id` = OLD.`run_id`; END;
--> statement-breakpoint
CREATE TRIGGER `run_target_groups_delete_logs_change` AFTER DELETE ON `run_target_groups` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) SELECT 'course', `course_id` FROM `course_runs` WHERE `id` = OLD.`run_id`; END;
--> statement-breakpoint
CREATE TRIGGER `places_insert_logs_change` AFTER INSERT ON `places` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('place', NEW.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `places_update_logs_change` AFTER UPDATE ON `places` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('place', NEW.`id`); INSERT INTO `change_log` (`entity`, `entity_id`) SELECT 'place', OLD.`id` WHERE OLD.`id` IS NOT NEW.`id`; END;
--> statement-breakpoint
CREATE TRIGGER `places_delete_logs_change` AFTER DELETE ON `places` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('place', OLD.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `stations_insert_logs_change` AFTER INSERT ON `stations` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('station', NEW.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `stations_update_logs_change` AFTER UPDATE ON `stations` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('station', NEW.`id`); INSERT INTO `change_log` (`entity`, `entity_id`) SELECT 'station', OLD.`id` WHERE OLD.`id` IS NOT NEW.`id`; END;
--> statement-breakpoint
CREATE TRIGGER `stations_delete_logs_change` AFTER DELETE ON `stations` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('station', OLD.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `station_hours_insert_logs_change` AFTER INSERT ON `station_hours` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('station', NEW.`station_id`); END;
--> statement-breakpoint
CREATE TRIGGER `station_hours_update_logs_change` AFTER UPDATE ON `station_hours` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('station', NEW.`station_id`); INSERT INTO `change_log` (`entity`, `entity_id`) SELECT 'station', OLD.`station_id` WHERE OLD.`station_id` IS NOT NEW.`station_id`; END;
--> statement-breakpoint
CREATE TRIGGER `station_hours_delete_logs_change` AFTER DELETE ON `station_hours` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('station', OLD.`station_id`); END;
--> statement-breakpoint
CREATE TRIGGER `station_exceptions_insert_logs_change` AFTER INSERT ON `station_exceptions` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('station', NEW.`station_id`); END;
--> statement-breakpoint
CREATE TRIGGER `station_exceptions_update_logs_change` AFTER UPDATE ON `station_exceptions` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('station', NEW.`station_id`); INSERT INTO `change_log` (`entity`, `entity_id`) SELECT 'station', OLD.`station_id` WHERE OLD.`station_id` IS NOT NEW.`station_id`; END;
--> statement-breakpoint
CREATE TRIGGER `station_exceptions_delete_logs_change` AFTER DELETE ON `station_exceptions` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('station', OLD.`station_id`); END;
--> statement-breakpoint
CREATE TRIGGER `station_services_insert_logs_change` AFTER INSERT ON `station_services` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('station', NEW.`station_id`); END;
--> statement-breakpoint
CREATE TRIGGER `station_services_update_logs_change` AFTER UPDATE ON `station_services` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('station', NEW.`station_id`); INSERT INTO `change_log` (`entity`, `entity_id`) SELECT 'station', OLD.`station_id` WHERE OLD.`station_id` IS NOT NEW.`station_id`; END;
--> statement-breakpoint
CREATE TRIGGER `station_services_delete_logs_change` AFTER DELETE ON `station_services` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('station', OLD.`station_id`); END;
--> statement-breakpoint
CREATE TRIGGER `fairs_insert_logs_change` AFTER INSERT ON `fairs` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('fair', NEW.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `fairs_update_logs_change` AFTER UPDATE ON `fairs` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('fair', NEW.`id`); INSERT INTO `change_log` (`entity`, `entity_id`) SELECT 'fair', OLD.`id` WHERE OLD.`id` IS NOT NEW.`id`; END;
--> statement-breakpoint
CREATE TRIGGER `fairs_delete_logs_change` AFTER DELETE ON `fairs` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('fair', OLD.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `fair_employers_insert_logs_change` AFTER INSERT ON `fair_employers` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('fair', NEW.`fair_id`); END;
--> statement-breakpoint
CREATE TRIGGER `fair_employers_update_logs_change` AFTER UPDATE ON `fair_employers` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('fair', NEW.`fair_id`); INSERT INTO `change_log` (`entity`, `entity_id`) SELECT 'fair', OLD.`fair_id` WHERE OLD.`fair_id` IS NOT NEW.`fair_id`; END;
--> statement-breakpoint
CREATE TRIGGER `fair_employers_delete_logs_change` AFTER DELETE ON `fair_employers` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('fair', OLD.`fair_id`); END;
--> statement-breakpoint
CREATE TRIGGER `fair_positions_insert_logs_change` AFTER INSERT ON `fair_positions` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) SELECT 'fair', `fair_id` FROM `fair_employers` WHERE `id` = NEW.`employer_id`; END;
--> statement-breakpoint
CREATE TRIGGER `fair_positions_update_logs_change` AFTER UPDATE ON `fair_positions` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) SELECT 'fair', `fair_id` FROM `fair_employers` WHERE `id` = NEW.`employer_id`; INSERT INTO `change_log` (`entity`, `entity_id`) SELECT 'fair', `fair_id` FROM `fair_employers` WHERE `id` = OLD.`employer_id`; END;
--> statement-breakpoint
CREATE TRIGGER `fair_positions_delete_logs_change` AFTER DELETE ON `fair_positions` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) SELECT 'fair', `fair_id` FROM `fair_employers` WHERE `id` = OLD.`employer_id`; END;
--> statement-breakpoint
CREATE TRIGGER `streets_insert_logs_change` AFTER INSERT ON `streets` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('streets', NEW.rowid); END;
--> statement-breakpoint
CREATE TRIGGER `streets_update_logs_change` AFTER UPDATE ON `streets` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('streets', NEW.rowid); END;
--> statement-breakpoint
CREATE TRIGGER `streets_delete_logs_change` AFTER DELETE ON `streets` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('streets', OLD.rowid); END;
--> statement-breakpoint
CREATE TRIGGER `street_boundaries_insert_logs_change` AFTER INSERT ON `street_boundaries` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('street_boundaries', NEW.rowid); END;
--> statement-breakpoint
CREATE TRIGGER `street_boundaries_update_logs_change` AFTER UPDATE ON `street_boundaries` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('street_boundaries', NEW.rowid); END;
--> statement-breakpoint
CREATE TRIGGER `street_boundaries_delete_logs_change` AFTER DELETE ON `street_boundaries` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('street_boundaries', OLD.rowid); END;
--> statement-breakpoint
CREATE TRIGGER `occupations_insert_logs_change` AFTER INSERT ON `occupations` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('occupations', NEW.rowid); END;
--> statement-breakpoint
CREATE TRIGGER `occupations_update_logs_change` AFTER UPDATE ON `occupations` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('occupations', NEW.rowid); END;
--> statement-breakpoint
CREATE TRIGGER `occupations_delete_logs_change` AFTER DELETE ON `occupations` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('occupations', OLD.rowid); END;
--> statement-breakpoint
CREATE TRIGGER `occupation_levels_insert_logs_change` AFTER INSERT ON `occupation_levels` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('occupation_levels', NEW.rowid); END;
--> statement-breakpoint
CREATE TRIGGER `occupation_levels_update_logs_change` AFTER UPDATE ON `occupation_levels` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('occupation_levels', NEW.rowid); END;
--> statement-breakpoint
CREATE TRIGGER `occupation_levels_delete_logs_change` AFTER DELETE ON `occupation_levels` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('occupation_levels', OLD.rowid); END;
--> statement-breakpoint
CREATE TRIGGER `target_groups_insert_logs_change` AFTER INSERT ON `target_groups` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('target_groups', NEW.rowid); END;
--> statement-breakpoint
CREATE TRIGGER `target_groups_update_logs_change` AFTER UPDATE ON `target_groups` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('target_groups', NEW.rowid); END;
--> statement-breakpoint
CREATE TRIGGER `target_groups_delete_logs_change` AFTER DELETE ON `target_groups` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('target_groups', OLD.rowid); END;
--> statement-breakpoint
CREATE TRIGGER `services_insert_logs_change` AFTER INSERT ON `services` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('services', NEW.rowid); END;
--> statement-breakpoint
CREATE TRIGGER `services_update_logs_change` AFTER UPDATE ON `services` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('services', NEW.rowid); END;
--> statement-breakpoint
CREATE TRIGGER `services_delete_logs_change` AFTER DELETE ON `services` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('services', OLD.rowid); END;
--> statement-breakpoint
CREATE TRIGGER `providers_insert_logs_change` AFTER INSERT ON `providers` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('providers', NEW.rowid); END;
--> statement-breakpoint
CREATE TRIGGER `providers_update_logs_change` AFTER UPDATE ON `providers` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('providers', NEW.rowid); END;
--> statement-breakpoint
CREATE TRIGGER `providers_delete_logs_change` AFTER DELETE ON `providers` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('providers', OLD.rowid); END;
--> statement-breakpoint
CREATE TRIGGER `calendar_days_insert_logs_change` AFTER INSERT ON `calendar_days` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('calendar_days', NEW.rowid); END;
--> statement-breakpoint
CREATE TRIGGER `calendar_days_update_logs_change` AFTER UPDATE ON `calendar_days` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('calendar_days', NEW.rowid); END;
--> statement-breakpoint
CREATE TRIGGER `calendar_days_delete_logs_change` AFTER DELETE ON `calendar_days` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('calendar_days', OLD.rowid); END;
--> statement-breakpoint
CREATE TRIGGER `subsidy_rules_insert_logs_change` AFTER INSERT ON `subsidy_rules` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('subsidy_rules', NEW.rowid); END;
--> statement-breakpoint
CREATE TRIGGER `subsidy_rules_update_logs_change` AFTER UPDATE ON `subsidy_rules` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('subsidy_rules', NEW.rowid); END;
--> statement-breakpoint
CREATE TRIGGER `subsidy_rules_delete_logs_change` AFTER DELETE ON `subsidy_rules` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('subsidy_rules', OLD.rowid); END;
--> statement-breakpoint
CREATE TRIGGER `site_meta_insert_logs_change` AFTER INSERT ON `site_meta` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('site_meta', NEW.rowid); END;
--> statement-breakpoint
CREATE TRIGGER `site_meta_update_logs_change` AFTER UPDATE ON `site_meta` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('site_meta', NEW.rowid); END;
--> statement-breakpoint
CREATE TRIGGER `site_meta_delete_logs_change` AFTER DELETE ON `site_meta` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('site_meta', OLD.rowid); END;
