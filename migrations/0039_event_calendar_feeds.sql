CREATE TABLE "event_calendar_feeds" (
	"campaign_id" integer NOT NULL,
	"person_id" bigint NOT NULL,
	"token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_calendar_feeds_pkey" PRIMARY KEY("campaign_id","person_id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "event_calendar_feeds_token_key" ON "event_calendar_feeds" USING btree ("campaign_id","token");