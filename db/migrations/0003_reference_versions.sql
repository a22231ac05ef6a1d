ALTER TABLE `places` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `providers` ADD `version` integer DEFAULT 1 NOT NULL;