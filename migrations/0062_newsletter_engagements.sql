CREATE TABLE "newsletter_engagements" (
	"campaign_id" integer NOT NULL,
	"newsletter_id" bigint NOT NULL,
	"person_id" bigint NOT NULL,
	"opened_at" timestamp with time zone,
	"opens" integer DEFAULT 0 NOT NULL,
	"clicked_at" timestamp with time zone,
	"clicks" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "newsletter_engagements_pkey" PRIMARY KEY("campaign_id","newsletter_id","person_id")
);
--> statement-breakpoint
CREATE INDEX "newsletter_engagements_person_idx" ON "newsletter_engagements" USING btree ("campaign_id","person_id");