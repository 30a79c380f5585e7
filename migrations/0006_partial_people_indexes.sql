DROP INDEX "people_phone_idx";--> statement-breakpoint
DROP INDEX "people_recruited_by_idx";--> statement-breakpoint
CREATE INDEX "people_phone_idx" ON "people" USING btree ("phone") WHERE "people"."phone" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "people_recruited_by_idx" ON "people" USING btree ("recruited_by") WHERE "people"."recruited_by" IS NOT NULL;