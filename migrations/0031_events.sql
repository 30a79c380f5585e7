CREATE TABLE "event_rsvps" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "event_rsvps_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"event_id" bigint NOT NULL,
	"person_id" bigint NOT NULL,
	"status" text NOT NULL,
	"guests" integer DEFAULT 0 NOT NULL,
	"source" text NOT NULL,
	"checked_in_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_rsvps_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
CREATE TABLE "events" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"committee_id" bigint,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"description_html" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"location" "point",
	"precision" text,
	"place_label" text,
	"street" text,
	"postal_code" text,
	"commune_code" text,
	"departement_code" text,
	"online_url" text,
	"capacity" integer,
	"visibility" text DEFAULT 'public' NOT NULL,
	"private_key" text NOT NULL,
	"status" text DEFAULT 'published' NOT NULL,
	"going" integer DEFAULT 0 NOT NULL,
	"waiting" integer DEFAULT 0 NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "event_rsvps_event_person_key" ON "event_rsvps" USING btree ("campaign_id","event_id","person_id");--> statement-breakpoint
CREATE INDEX "event_rsvps_person_idx" ON "event_rsvps" USING btree ("campaign_id","person_id");--> statement-breakpoint
CREATE INDEX "event_rsvps_waitlist_idx" ON "event_rsvps" USING btree ("campaign_id","event_id","status","created_at");--> statement-breakpoint
CREATE INDEX "events_public_location_idx" ON "events" USING gist ("campaign_id","location","starts_at") WHERE status = 'published' AND visibility = 'public';--> statement-breakpoint
CREATE INDEX "events_committee_idx" ON "events" USING btree ("campaign_id","committee_id","starts_at");--> statement-breakpoint
CREATE INDEX "events_starts_idx" ON "events" USING btree ("campaign_id","starts_at");--> statement-breakpoint
CREATE INDEX "events_created_by_idx" ON "events" USING btree ("campaign_id","created_by");