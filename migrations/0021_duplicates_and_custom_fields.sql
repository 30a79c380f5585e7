CREATE TABLE "duplicate_searches" (
	"campaign_id" integer NOT NULL,
	"requested_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"pair_count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "duplicate_searches_pkey" PRIMARY KEY("campaign_id")
);
