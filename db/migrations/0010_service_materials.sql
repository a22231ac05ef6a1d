ALTER TABLE `services` ADD `online_note` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `services` ADD `materials` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `services` ADD `version` integer DEFAULT 1 NOT NULL;