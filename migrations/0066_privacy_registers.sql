CREATE TABLE "privacy_breaches" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "privacy_breaches_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"detected_at" timestamp with time zone NOT NULL,
	"description" text NOT NULL,
	"data_categories" text NOT NULL,
	"people_count" integer,
	"records_count" integer,
	"consequences" text NOT NULL,
	"measures" text NOT NULL,
	"cnil_notified_at" timestamp with time zone,
	"no_notification_reason" text,
	"people_informed_at" timestamp with time zone,
	"created_by" bigint,
	"updated_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "privacy_breaches_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
CREATE TABLE "privacy_requests" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "privacy_requests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"received_on" date NOT NULL,
	"channel" text NOT NULL,
	"reference" text NOT NULL,
	"person_id" bigint,
	"note" text,
	"extension_reason" text,
	"status" text DEFAULT 'open' NOT NULL,
	"outcome_reason" text,
	"action" text,
	"subject_erased" boolean DEFAULT false NOT NULL,
	"handled_by" bigint,
	"handled_at" timestamp with time zone,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "privacy_requests_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
CREATE INDEX "privacy_breaches_detected_idx" ON "privacy_breaches" USING btree ("campaign_id","detected_at");--> statement-breakpoint
CREATE INDEX "privacy_requests_status_idx" ON "privacy_requests" USING btree ("campaign_id","status","received_on");--> statement-breakpoint
CREATE INDEX "privacy_requests_person_idx" ON "privacy_requests" USING btree ("campaign_id","person_id");