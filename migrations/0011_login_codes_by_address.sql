-- Codes are now found by the address they were asked for (a keyed hash), so that an address
-- nobody has gets a row too and checking a code answers alike. The key is the server's
-- secret, which SQL does not have: codes in flight (15 minutes at most) are asked for again.
DELETE FROM "login_codes";--> statement-breakpoint
ALTER TABLE "login_codes" ALTER COLUMN "person_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "login_codes" ADD COLUMN "email_hash" text NOT NULL;--> statement-breakpoint
CREATE INDEX "login_codes_email_idx" ON "login_codes" USING btree ("campaign_id","email_hash","created_at");
