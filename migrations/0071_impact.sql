CREATE TABLE "insights_contact_days" (
	"campaign_id" integer NOT NULL,
	"day" date NOT NULL,
	"kind" text NOT NULL,
	"commune_code" text DEFAULT '' NOT NULL,
	"station_id" text DEFAULT '' NOT NULL,
	"contacts" bigint NOT NULL,
	CONSTRAINT "insights_contact_days_pkey" PRIMARY KEY("campaign_id","day","kind","commune_code","station_id")
);
--> statement-breakpoint
CREATE TABLE "insights_contact_places" (
	"campaign_id" integer NOT NULL,
	"kind" text NOT NULL,
	"commune_code" text DEFAULT '' NOT NULL,
	"station_id" text DEFAULT '' NOT NULL,
	"contacts" bigint NOT NULL,
	CONSTRAINT "insights_contact_places_pkey" PRIMARY KEY("campaign_id","kind","commune_code","station_id")
);
--> statement-breakpoint
CREATE TABLE "insights_contact_trend" (
	"campaign_id" integer NOT NULL,
	"day" date NOT NULL,
	"kind" text NOT NULL,
	"contacts" bigint NOT NULL,
	"on_station" bigint NOT NULL,
	"commune_only" bigint NOT NULL,
	CONSTRAINT "insights_contact_trend_pkey" PRIMARY KEY("campaign_id","day","kind")
);
--> statement-breakpoint
CREATE TABLE "insights_effects" (
	"campaign_id" integer NOT NULL,
	"effects" jsonb NOT NULL,
	"updated_by" bigint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "insights_effects_pkey" PRIMARY KEY("campaign_id")
);
--> statement-breakpoint
CREATE TABLE "insights_refresh" (
	"campaign_id" integer NOT NULL,
	"source" text NOT NULL,
	"up_to" timestamp with time zone NOT NULL,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_added" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "insights_refresh_pkey" PRIMARY KEY("campaign_id","source")
);
--> statement-breakpoint
-- The impact refresh (features/insights/refresh.ts) reads each source of contacts by the time it
-- was recorded, from its watermark: these make a refresh read only the new rows.
CREATE INDEX IF NOT EXISTS "insights_src_field_visits_received_idx" ON "field_visits" USING btree ("campaign_id","received_at");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "insights_src_phone_bank_calls_called_idx" ON "phone_bank_calls" USING btree ("campaign_id","called_at");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "insights_src_call_attempts_listened_idx" ON "call_attempts" USING btree ("campaign_id","ended_at") WHERE listened_to_end;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "insights_src_mail_outbox_sent_idx" ON "mail_outbox" USING btree ("campaign_id","sent_at") WHERE sent_at IS NOT NULL;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "insights_src_sms_outbox_sent_idx" ON "sms_outbox" USING btree ("campaign_id","sent_at") WHERE sent_at IS NOT NULL;
