CREATE TABLE "audience_members" (
	"campaign_id" integer NOT NULL,
	"audience_snapshot_id" bigint NOT NULL,
	"person_id" bigint NOT NULL,
	CONSTRAINT "audience_members_pkey" PRIMARY KEY("campaign_id","audience_snapshot_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "audience_snapshots" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "audience_snapshots_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"filter" jsonb NOT NULL,
	"segment_filter" jsonb,
	"person_count" integer NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audience_snapshots_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
CREATE INDEX "audience_members_person_idx" ON "audience_members" USING btree ("campaign_id","person_id");