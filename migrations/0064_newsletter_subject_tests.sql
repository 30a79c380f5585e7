CREATE TABLE "newsletter_subject_tests" (
	"campaign_id" integer NOT NULL,
	"newsletter_id" bigint NOT NULL,
	"subject_b" text NOT NULL,
	"sample_percent" integer NOT NULL,
	"wait_hours" integer NOT NULL,
	"metric" text NOT NULL,
	"eligible" integer,
	"decide_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decided_by" bigint,
	"winner" text,
	"reason" text,
	"figures" jsonb,
	CONSTRAINT "newsletter_subject_tests_pkey" PRIMARY KEY("campaign_id","newsletter_id"),
	CONSTRAINT "newsletter_subject_tests_metric" CHECK ("newsletter_subject_tests"."metric" IN ('opens', 'clicks')),
	CONSTRAINT "newsletter_subject_tests_winner" CHECK ("newsletter_subject_tests"."winner" IN ('a', 'b'))
);
--> statement-breakpoint
CREATE TABLE "newsletter_variants" (
	"campaign_id" integer NOT NULL,
	"newsletter_id" bigint NOT NULL,
	"person_id" bigint NOT NULL,
	"variant" text NOT NULL,
	"mail_id" bigint NOT NULL,
	CONSTRAINT "newsletter_variants_pkey" PRIMARY KEY("campaign_id","newsletter_id","person_id"),
	CONSTRAINT "newsletter_variants_variant" CHECK ("newsletter_variants"."variant" IN ('a', 'b'))
);
--> statement-breakpoint
CREATE INDEX "newsletter_subject_tests_due_idx" ON "newsletter_subject_tests" USING btree ("campaign_id","decide_at") WHERE decided_at IS NULL AND decide_at IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "newsletter_variants_person_idx" ON "newsletter_variants" USING btree ("campaign_id","person_id","newsletter_id");