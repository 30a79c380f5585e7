ALTER TABLE "call_lists" ADD COLUMN "accepted_by" bigint;--> statement-breakpoint
ALTER TABLE "call_lists" ADD COLUMN "accepted_at" timestamp with time zone;