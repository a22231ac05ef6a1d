CREATE TABLE `calendar_years` (
	`year` integer PRIMARY KEY NOT NULL,
	`provisional` integer DEFAULT false NOT NULL,
	CONSTRAINT "calendar_years_year_ck" CHECK("calendar_years"."year" between 2000 and 2100)
);
--> statement-breakpoint
-- A database that already holds the sample 2027 calendar holds a guess (see db/seed/calendar.ts):
-- mark it provisional until an admin enters the State Council's notice and clears the flag.
INSERT INTO `calendar_years` (`year`, `provisional`) SELECT 2027, 1 WHERE EXISTS (SELECT 1 FROM `calendar_days` WHERE `date` LIKE '2027-%');
--> statement-breakpoint
-- Residents read the flag beside holidays, so a change is content (the public caches' stamp,
-- migration 0006) and a change to the stations' reference data (the change log, migration 0007).
-- Written by hand; drizzle-kit does not make triggers.
CREATE TRIGGER `calendar_years_insert_bumps_content` AFTER INSERT ON `calendar_years` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `calendar_years_update_bumps_content` AFTER UPDATE ON `calendar_years` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `calendar_years_delete_bumps_content` AFTER DELETE ON `calendar_years` BEGIN INSERT INTO `content_version` (`id`, `n`) VALUES (1, 1) ON CONFLICT (`id`) DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `calendar_years_insert_logs_change` AFTER INSERT ON `calendar_years` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('calendar_years', NEW.year); END;
--> statement-breakpoint
CREATE TRIGGER `calendar_years_update_logs_change` AFTER UPDATE ON `calendar_years` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('calendar_years', NEW.year); END;
--> statement-breakpoint
CREATE TRIGGER `calendar_years_delete_logs_change` AFTER DELETE ON `calendar_years` BEGIN INSERT INTO `change_log` (`entity`, `entity_id`) VALUES ('calendar_years', OLD.year); END;
