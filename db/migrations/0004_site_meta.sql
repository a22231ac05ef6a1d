CREATE TABLE `site_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
-- Databases seeded with the sample data before this table existed: mark them as sample mode
-- (the fictitious provider below exists only in the sample data).
INSERT INTO `site_meta` (`key`, `value`) SELECT 'sample_data', 'seeded before 0004' WHERE EXISTS (SELECT 1 FROM `providers` WHERE `name` = '北京康馨养老护理职业技能培训学校');
