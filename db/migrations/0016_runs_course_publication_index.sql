DROP INDEX `runs_course_start_idx`;--> statement-breakpoint
CREATE INDEX `runs_course_pub_start_idx` ON `course_runs` (`course_id`,`publication`,`start_date`);