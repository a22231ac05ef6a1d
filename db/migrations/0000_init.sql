CREATE TABLE `calendar_days` (
	`date` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`as_weekday` integer,
	CONSTRAINT "calendar_days_weekday_ck" CHECK("calendar_days"."as_weekday" is null or "calendar_days"."as_weekday" between 1 and 7)
);
--> statement-breakpoint
CREATE TABLE `course_runs` (
	`id` integer PRIMARY KEY NOT NULL,
	`course_id` integer NOT NULL,
	`label` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`class_days` text DEFAULT '1,2,3,4,5' NOT NULL,
	`daily_start` text DEFAULT '09:00' NOT NULL,
	`daily_end` text DEFAULT '16:30' NOT NULL,
	`theory_place_id` integer NOT NULL,
	`practice_place_id` integer,
	`seats` integer NOT NULL,
	`seats_left` integer NOT NULL,
	`deadline` text NOT NULL,
	`cost_type` text NOT NULL,
	`fee` integer,
	`subsidy` integer,
	`contact_name` text NOT NULL,
	`contact_phone` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`publication` text DEFAULT 'draft' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`theory_place_id`) REFERENCES `places`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`practice_place_id`) REFERENCES `places`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "runs_seats_ck" CHECK("course_runs"."seats_left" >= 0 and "course_runs"."seats_left" <= "course_runs"."seats"),
	CONSTRAINT "runs_dates_ck" CHECK("course_runs"."end_date" >= "course_runs"."start_date")
);
--> statement-breakpoint
CREATE INDEX `runs_course_start_idx` ON `course_runs` (`course_id`,`start_date`);--> statement-breakpoint
CREATE INDEX `runs_pub_start_idx` ON `course_runs` (`publication`,`start_date`);--> statement-breakpoint
CREATE INDEX `runs_theory_place_idx` ON `course_runs` (`theory_place_id`);--> statement-breakpoint
CREATE TABLE `courses` (
	`id` integer PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`occupation_id` integer NOT NULL,
	`level` integer NOT NULL,
	`provider_id` integer NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`suitable_for` text DEFAULT '' NOT NULL,
	`requirements` text DEFAULT '' NOT NULL,
	`content` text DEFAULT '' NOT NULL,
	`method` text DEFAULT '' NOT NULL,
	`materials` text DEFAULT '' NOT NULL,
	`assessment` text DEFAULT '' NOT NULL,
	`outcomes` text DEFAULT '' NOT NULL,
	`duration_days` integer,
	`published_at` integer,
	`publication` text DEFAULT 'draft' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`occupation_id`) REFERENCES `occupations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`provider_id`) REFERENCES `providers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "courses_level_ck" CHECK("courses"."level" between 1 and 5)
);
--> statement-breakpoint
CREATE INDEX `courses_pub_occ_idx` ON `courses` (`publication`,`occupation_id`);--> statement-breakpoint
CREATE INDEX `courses_pub_level_idx` ON `courses` (`publication`,`level`);--> statement-breakpoint
CREATE INDEX `courses_provider_idx` ON `courses` (`provider_id`);--> statement-breakpoint
CREATE INDEX `courses_pub_published_idx` ON `courses` (`publication`,`published_at`);--> statement-breakpoint
CREATE TABLE `fair_employers` (
	`id` integer PRIMARY KEY NOT NULL,
	`fair_id` integer NOT NULL,
	`name` text NOT NULL,
	`industry` text NOT NULL,
	`intro` text DEFAULT '' NOT NULL,
	`booth` text,
	FOREIGN KEY (`fair_id`) REFERENCES `fairs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `fair_employers_fair_idx` ON `fair_employers` (`fair_id`);--> statement-breakpoint
CREATE TABLE `fair_positions` (
	`id` integer PRIMARY KEY NOT NULL,
	`employer_id` integer NOT NULL,
	`title` text NOT NULL,
	`headcount` integer NOT NULL,
	`pay_min` integer,
	`pay_max` integer,
	`pay_unit` text DEFAULT 'month' NOT NULL,
	`requirements` text DEFAULT '' NOT NULL,
	`course_id` integer,
	FOREIGN KEY (`employer_id`) REFERENCES `fair_employers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "fair_positions_pay_ck" CHECK("fair_positions"."pay_max" is null or "fair_positions"."pay_min" is null or "fair_positions"."pay_max" >= "fair_positions"."pay_min")
);
--> statement-breakpoint
CREATE INDEX `fair_positions_employer_idx` ON `fair_positions` (`employer_id`);--> statement-breakpoint
CREATE INDEX `fair_positions_course_idx` ON `fair_positions` (`course_id`);--> statement-breakpoint
CREATE TABLE `fairs` (
	`id` integer PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`type` text NOT NULL,
	`organiser` text NOT NULL,
	`place_id` integer,
	`online_url` text,
	`starts_at` text NOT NULL,
	`ends_at` text NOT NULL,
	`recurrence` text,
	`status` text DEFAULT 'scheduled' NOT NULL,
	`status_note` text,
	`description` text DEFAULT '' NOT NULL,
	`how_to_attend` text DEFAULT '' NOT NULL,
	`contact_phone` text NOT NULL,
	`publication` text DEFAULT 'draft' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`place_id`) REFERENCES `places`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "fairs_dates_ck" CHECK("fairs"."ends_at" >= "fairs"."starts_at")
);
--> statement-breakpoint
CREATE INDEX `fairs_pub_ends_idx` ON `fairs` (`publication`,`ends_at`);--> statement-breakpoint
CREATE INDEX `fairs_pub_starts_idx` ON `fairs` (`publication`,`starts_at`);--> statement-breakpoint
CREATE INDEX `fairs_pub_type_idx` ON `fairs` (`publication`,`type`,`starts_at`);--> statement-breakpoint
CREATE INDEX `fairs_place_idx` ON `fairs` (`place_id`);--> statement-breakpoint
CREATE TABLE `occupation_levels` (
	`occupation_id` integer NOT NULL,
	`level` integer NOT NULL,
	PRIMARY KEY(`occupation_id`, `level`),
	FOREIGN KEY (`occupation_id`) REFERENCES `occupations`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "occupation_levels_level_ck" CHECK("occupation_levels"."level" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE `occupations` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`category` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`sort` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `occupations_name_unique` ON `occupations` (`name`);--> statement-breakpoint
CREATE TABLE `places` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`provider_id` integer,
	`street_id` integer,
	`address` text NOT NULL,
	`lat` real NOT NULL,
	`lng` real NOT NULL,
	`note` text,
	FOREIGN KEY (`provider_id`) REFERENCES `providers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`street_id`) REFERENCES `streets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `places_kind_idx` ON `places` (`kind`);--> statement-breakpoint
CREATE INDEX `places_street_idx` ON `places` (`street_id`);--> statement-breakpoint
CREATE TABLE `providers` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`short_name` text NOT NULL,
	`intro` text DEFAULT '' NOT NULL,
	`phone` text NOT NULL,
	`address` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `providers_name_unique` ON `providers` (`name`);--> statement-breakpoint
CREATE TABLE `run_certificates` (
	`id` integer PRIMARY KEY NOT NULL,
	`run_id` integer NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`issuer` text NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `course_runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `run_certs_run_idx` ON `run_certificates` (`run_id`,`kind`);--> statement-breakpoint
CREATE TABLE `run_target_groups` (
	`run_id` integer NOT NULL,
	`group_code` text NOT NULL,
	PRIMARY KEY(`run_id`, `group_code`),
	FOREIGN KEY (`run_id`) REFERENCES `course_runs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`group_code`) REFERENCES `target_groups`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `run_groups_group_idx` ON `run_target_groups` (`group_code`,`run_id`);--> statement-breakpoint
CREATE TABLE `search_docs` (
	`id` integer PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`ref_id` integer NOT NULL,
	`body` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `search_docs_ref_idx` ON `search_docs` (`kind`,`ref_id`);--> statement-breakpoint
CREATE TABLE `search_grams` (
	`gram` text NOT NULL,
	`doc_id` integer NOT NULL,
	PRIMARY KEY(`gram`, `doc_id`),
	FOREIGN KEY (`doc_id`) REFERENCES `search_docs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `search_grams_doc_idx` ON `search_grams` (`doc_id`);--> statement-breakpoint
CREATE TABLE `services` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`category` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`online` integer DEFAULT false NOT NULL,
	`sort` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `services_name_unique` ON `services` (`name`);--> statement-breakpoint
CREATE INDEX `services_category_idx` ON `services` (`category`,`sort`);--> statement-breakpoint
CREATE TABLE `station_exceptions` (
	`id` integer PRIMARY KEY NOT NULL,
	`station_id` integer NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`closed` integer NOT NULL,
	`sessions` text DEFAULT '[]' NOT NULL,
	`reason` text NOT NULL,
	FOREIGN KEY (`station_id`) REFERENCES `stations`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "station_exc_dates_ck" CHECK("station_exceptions"."end_date" >= "station_exceptions"."start_date")
);
--> statement-breakpoint
CREATE INDEX `station_exc_station_idx` ON `station_exceptions` (`station_id`,`end_date`);--> statement-breakpoint
CREATE INDEX `station_exc_dates_idx` ON `station_exceptions` (`start_date`,`end_date`);--> statement-breakpoint
CREATE TABLE `station_hours` (
	`id` integer PRIMARY KEY NOT NULL,
	`station_id` integer NOT NULL,
	`scope` text DEFAULT 'station' NOT NULL,
	`weekday` integer NOT NULL,
	`opens` text NOT NULL,
	`closes` text NOT NULL,
	FOREIGN KEY (`station_id`) REFERENCES `stations`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "station_hours_weekday_ck" CHECK("station_hours"."weekday" between 1 and 7),
	CONSTRAINT "station_hours_order_ck" CHECK("station_hours"."closes" > "station_hours"."opens")
);
--> statement-breakpoint
CREATE INDEX `station_hours_station_idx` ON `station_hours` (`station_id`,`scope`,`weekday`);--> statement-breakpoint
CREATE TABLE `station_services` (
	`station_id` integer NOT NULL,
	`service_id` integer NOT NULL,
	`mode` text DEFAULT 'counter' NOT NULL,
	PRIMARY KEY(`station_id`, `service_id`),
	FOREIGN KEY (`station_id`) REFERENCES `stations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `station_services_service_idx` ON `station_services` (`service_id`,`station_id`);--> statement-breakpoint
CREATE TABLE `stations` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`host_type` text NOT NULL,
	`host_name` text NOT NULL,
	`street_id` integer NOT NULL,
	`address` text NOT NULL,
	`lat` real NOT NULL,
	`lng` real NOT NULL,
	`phone` text NOT NULL,
	`has_window` integer DEFAULT true NOT NULL,
	`has_self_service` integer DEFAULT false NOT NULL,
	`has_ai_avatar` integer DEFAULT false NOT NULL,
	`is_accessible` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'operating' NOT NULL,
	`opening_date` text,
	`status_reason` text,
	`last_verified_on` text NOT NULL,
	`directions` text DEFAULT '' NOT NULL,
	`publication` text DEFAULT 'draft' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`street_id`) REFERENCES `streets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stations_pub_street_idx` ON `stations` (`publication`,`street_id`);--> statement-breakpoint
CREATE INDEX `stations_pub_host_idx` ON `stations` (`publication`,`host_type`);--> statement-breakpoint
CREATE INDEX `stations_pub_lat_idx` ON `stations` (`publication`,`lat`);--> statement-breakpoint
CREATE TABLE `streets` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`lat` real NOT NULL,
	`lng` real NOT NULL,
	`sort` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `streets_name_unique` ON `streets` (`name`);--> statement-breakpoint
CREATE TABLE `target_groups` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`sort` integer DEFAULT 0 NOT NULL
);
