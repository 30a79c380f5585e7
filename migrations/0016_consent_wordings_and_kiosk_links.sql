CREATE TABLE "kiosk_links" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "kiosk_links_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"label" text NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "kiosk_links_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
CREATE TABLE "consent_wordings" (
	"campaign_id" integer NOT NULL,
	"version" text NOT NULL,
	"locale" text NOT NULL,
	"email" text NOT NULL,
	"sms" text NOT NULL,
	"phone" text NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consent_wordings_pkey" PRIMARY KEY("campaign_id","version")
);
--> statement-breakpoint
CREATE INDEX "kiosk_links_created_idx" ON "kiosk_links" USING btree ("campaign_id","created_at");--> statement-breakpoint
CREATE INDEX "consent_wordings_locale_idx" ON "consent_wordings" USING btree ("campaign_id","locale","created_at");