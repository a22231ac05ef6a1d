ALTER TABLE `course_runs` ADD `state_note` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `course_runs` ADD `state_note_by` text;--> statement-breakpoint
ALTER TABLE `course_runs` ADD `state_note_at` integer;--> statement-breakpoint
ALTER TABLE `courses` ADD `state_note` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `courses` ADD `state_note_by` text;--> statement-breakpoint
ALTER TABLE `courses` ADD `state_note_at` integer;