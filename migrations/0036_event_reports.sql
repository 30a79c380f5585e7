CREATE TABLE "event_reports" (
	"campaign_id" integer NOT NULL,
	"event_id" bigint NOT NULL,
	"attendance" integer NOT NULL,
	"doors_knocked" integer DEFAULT 0 NOT NULL,
	"conversations" integer DEFAULT 0 NOT NULL,
	"leaflets" integer DEFAULT 0 NOT NULL,
	"calls" integer DEFAULT 0 NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"reported_by" bigint,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_reports_pkey" PRIMARY KEY("campaign_id","event_id")
);
--> statement-breakpoint
CREATE INDEX "event_reports_reported_by_idx" ON "event_reports" USING btree ("campaign_id","reported_by");