DROP INDEX `claim_keys_claim`;--> statement-breakpoint
CREATE INDEX `claim_keys_claim_key` ON `claim_keys` (`claim_id`,`key`);