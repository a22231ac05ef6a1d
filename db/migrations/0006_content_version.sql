CREATE TABLE `content_version` (
	`id` integer PRIMARY KEY NOT NULL,
	`n` integer DEFAULT 0 NOT NULL,
	CONSTRAINT "content_version_one_row" CHECK("content_version"."id" = 1)
);
--> statement-breakpoint
-- The public caches' stamp: one row, bumped by every write to content (not by sign-ins, sessions,
-- the audit log or zero-result searches). Written by hand; drizzle-kit does not make triggers.
-- An upsert, so a wipe of every table (db:reset) cannot leave the counter without its row.
INSERT INTO `content_version` (`id`, `n`) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER `calendar_days_insert_bumps_content` AFTER INSERT ON `calendar_days` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `calendar_days_update_bumps_content` AFTER UPDATE ON `calendar_days` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `calendar_days_delete_bumps_content` AFTER DELETE ON `calendar_days` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `course_runs_insert_bumps_content` AFTER INSERT ON `course_runs` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `course_runs_update_bumps_content` AFTER UPDATE ON `course_runs` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `course_runs_delete_bumps_content` AFTER DELETE ON `course_runs` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `courses_insert_bumps_content` AFTER INSERT ON `courses` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `courses_update_bumps_content` AFTER UPDATE ON `courses` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `courses_delete_bumps_content` AFTER DELETE ON `courses` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `fair_employers_insert_bumps_content` AFTER INSERT ON `fair_employers` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `fair_employers_update_bumps_content` AFTER UPDATE ON `fair_employers` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `fair_employers_delete_bumps_content` AFTER DELETE ON `fair_employers` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `fair_positions_insert_bumps_content` AFTER INSERT ON `fair_positions` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `fair_positions_update_bumps_content` AFTER UPDATE ON `fair_positions` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `fair_positions_delete_bumps_content` AFTER DELETE ON `fair_positions` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `fairs_insert_bumps_content` AFTER INSERT ON `fairs` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `fairs_update_bumps_content` AFTER UPDATE ON `fairs` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `fairs_delete_bumps_content` AFTER DELETE ON `fairs` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `occupation_levels_insert_bumps_content` AFTER INSERT ON `occupation_levels` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `occupation_levels_update_bumps_content` AFTER UPDATE ON `occupation_levels` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `occupation_levels_delete_bumps_content` AFTER DELETE ON `occupation_levels` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `occupations_insert_bumps_content` AFTER INSERT ON `occupations` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `occupations_update_bumps_content` AFTER UPDATE ON `occupations` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `occupations_delete_bumps_content` AFTER DELETE ON `occupations` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `places_insert_bumps_content` AFTER INSERT ON `places` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `places_update_bumps_content` AFTER UPDATE ON `places` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `places_delete_bumps_content` AFTER DELETE ON `places` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `providers_insert_bumps_content` AFTER INSERT ON `providers` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `providers_update_bumps_content` AFTER UPDATE ON `providers` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `providers_delete_bumps_content` AFTER DELETE ON `providers` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `run_certificates_insert_bumps_content` AFTER INSERT ON `run_certificates` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `run_certificates_update_bumps_content` AFTER UPDATE ON `run_certificates` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `run_certificates_delete_bumps_content` AFTER DELETE ON `run_certificates` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `run_target_groups_insert_bumps_content` AFTER INSERT ON `run_target_groups` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `run_target_groups_update_bumps_content` AFTER UPDATE ON `run_target_groups` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `run_target_groups_delete_bumps_content` AFTER DELETE ON `run_target_groups` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `services_insert_bumps_content` AFTER INSERT ON `services` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `services_update_bumps_content` AFTER UPDATE ON `services` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `services_delete_bumps_content` AFTER DELETE ON `services` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `station_exceptions_insert_bumps_content` AFTER INSERT ON `station_exceptions` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `station_exceptions_update_bumps_content` AFTER UPDATE ON `station_exceptions` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `station_exceptions_delete_bumps_content` AFTER DELETE ON `station_exceptions` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `station_hours_insert_bumps_content` AFTER INSERT ON `station_hours` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `station_hours_update_bumps_content` AFTER UPDATE ON `station_hours` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `station_hours_delete_bumps_content` AFTER DELETE ON `station_hours` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `station_services_insert_bumps_content` AFTER INSERT ON `station_services` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `station_services_update_bumps_content` AFTER UPDATE ON `station_services` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `station_services_delete_bumps_content` AFTER DELETE ON `station_services` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `stations_insert_bumps_content` AFTER INSERT ON `stations` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `stations_update_bumps_content` AFTER UPDATE ON `stations` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `stations_delete_bumps_content` AFTER DELETE ON `stations` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `street_boundaries_insert_bumps_content` AFTER INSERT ON `street_boundaries` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `street_boundaries_update_bumps_content` AFTER UPDATE ON `street_boundaries` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `street_boundaries_delete_bumps_content` AFTER DELETE ON `street_boundaries` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `streets_insert_bumps_content` AFTER INSERT ON `streets` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `streets_update_bumps_content` AFTER UPDATE ON `streets` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `streets_delete_bumps_content` AFTER DELETE ON `streets` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `subsidy_rules_insert_bumps_content` AFTER INSERT ON `subsidy_rules` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `subsidy_rules_update_bumps_content` AFTER UPDATE ON `subsidy_rules` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `subsidy_rules_delete_bumps_content` AFTER DELETE ON `subsidy_rules` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `target_groups_insert_bumps_content` AFTER INSERT ON `target_groups` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `target_groups_update_bumps_content` AFTER UPDATE ON `target_groups` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `target_groups_delete_bumps_content` AFTER DELETE ON `target_groups` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `site_meta_insert_bumps_content` AFTER INSERT ON `site_meta` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `site_meta_update_bumps_content` AFTER UPDATE ON `site_meta` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `site_meta_delete_bumps_content` AFTER DELETE ON `site_meta` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
