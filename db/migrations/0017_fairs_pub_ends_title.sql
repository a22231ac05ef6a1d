DROP INDEX `fairs_pub_ends_idx`;--> statement-breakpoint
CREATE INDEX `fairs_pub_ends_idx` ON `fairs` (`publication`,`ends_at`,`title`);