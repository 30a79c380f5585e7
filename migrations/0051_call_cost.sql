ALTER TABLE "call_broadcasts" ADD COLUMN "minute_price_hundredths" integer;--> statement-breakpoint
ALTER TABLE "call_stats" ADD COLUMN "billed_minutes" integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE "call_stats" DROP COLUMN "cost_cents";