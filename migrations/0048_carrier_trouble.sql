ALTER TABLE "call_broadcasts" ADD COLUMN "carrier_trouble_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "call_broadcasts" ADD COLUMN "carrier_trouble" text;