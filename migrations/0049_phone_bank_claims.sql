DROP INDEX "phone_bank_targets_next_idx";--> statement-breakpoint
ALTER TABLE "phone_banks" ADD COLUMN "territories" text[];--> statement-breakpoint
CREATE INDEX "phone_bank_targets_next_idx" ON "phone_bank_targets" USING btree ("campaign_id","bank_id","available_at","id") WHERE status <> 'done';