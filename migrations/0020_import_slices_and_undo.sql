CREATE TABLE "import_changes" (
	"campaign_id" integer NOT NULL,
	"import_id" bigint NOT NULL,
	"person_id" bigint NOT NULL,
	"before" jsonb NOT NULL,
	"after" jsonb NOT NULL,
	CONSTRAINT "import_changes_pkey" PRIMARY KEY("campaign_id","import_id","person_id")
);
--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "warning_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "heartbeat_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "run_token" text;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "applied_line" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "cancel_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "created_tags" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "kept_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "person_tags" ADD COLUMN "import_id" bigint;--> statement-breakpoint
CREATE INDEX "people_import_idx" ON "people" USING btree ("campaign_id","import_id") WHERE "people"."import_id" IS NOT NULL;