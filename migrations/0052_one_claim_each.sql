DROP INDEX "phone_bank_targets_claimed_idx";--> statement-breakpoint
-- Before one claim per volunteer and bank is the rule: claims that ran out are given back, and
-- of two a volunteer still holds (a double tap), the first is kept.
UPDATE "phone_bank_targets" SET "status" = 'due', "claimed_by" = NULL
 WHERE "status" = 'claimed' AND "available_at" <= now();--> statement-breakpoint
UPDATE "phone_bank_targets" t SET "status" = 'due', "claimed_by" = NULL
 WHERE t."status" = 'claimed' AND EXISTS (
   SELECT 1 FROM "phone_bank_targets" o
    WHERE o."campaign_id" = t."campaign_id" AND o."bank_id" = t."bank_id" AND o."status" = 'claimed'
      AND o."claimed_by" = t."claimed_by" AND o."id" < t."id");--> statement-breakpoint
CREATE UNIQUE INDEX "phone_bank_targets_claimed_idx" ON "phone_bank_targets" USING btree ("campaign_id","bank_id","claimed_by") WHERE status = 'claimed';