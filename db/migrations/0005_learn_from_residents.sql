CREATE TABLE `search_misses` (
	`id` integer PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`terms` text NOT NULL,
	`filters` text NOT NULL,
	`day` text NOT NULL,
	`count` integer DEFAULT 1 NOT NULL,
	`last_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `search_misses_key_uq` ON `search_misses` (`kind`,`terms`,`filters`,`day`);--> statement-breakpoint
CREATE INDEX `search_misses_day_idx` ON `search_misses` (`day`);--> statement-breakpoint
CREATE TABLE `street_boundaries` (
	`street_id` integer PRIMARY KEY NOT NULL,
	`geojson` text NOT NULL,
	`source` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`street_id`) REFERENCES `streets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `subsidy_rules` (
	`id` integer PRIMARY KEY NOT NULL,
	`sort` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`outcome` text NOT NULL,
	`title` text NOT NULL,
	`explanation` text DEFAULT '' NOT NULL,
	`run_cost_types` text DEFAULT '' NOT NULL,
	`residency` text DEFAULT 'any' NOT NULL,
	`min_age` integer,
	`max_age` integer,
	`work_statuses` text DEFAULT '' NOT NULL,
	`match_run_target_group` integer DEFAULT false NOT NULL,
	`require_level_up` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	CONSTRAINT "subsidy_rules_age_ck" CHECK("subsidy_rules"."min_age" is null or "subsidy_rules"."max_age" is null or "subsidy_rules"."min_age" <= "subsidy_rules"."max_age")
);
--> statement-breakpoint
CREATE INDEX `subsidy_rules_sort_idx` ON `subsidy_rules` (`sort`);