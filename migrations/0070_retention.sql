CREATE TABLE "retention_runs" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "retention_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"election_id" bigint NOT NULL,
	"election_name" text NOT NULL,
	"last_round" date NOT NULL,
	"delay_days" integer NOT NULL,
	"people" integer NOT NULL,
	"rows" jsonb NOT NULL,
	"ran_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "retention_runs_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
CREATE TABLE "retention_settings" (
	"campaign_id" integer PRIMARY KEY NOT NULL,
	"prospect_delay_days" integer NOT NULL,
	"updated_by" bigint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "retention_runs_ran_idx" ON "retention_runs" USING btree ("campaign_id","ran_at");--> statement-breakpoint
CREATE INDEX "retention_runs_election_idx" ON "retention_runs" USING btree ("campaign_id","election_id");--> statement-breakpoint
-- Erasure finds a person's rows through an index in every table, whatever the campaign's size
-- (src/server/features/privacy/erasure-indexes.test.ts): the lookups that had none.
CREATE INDEX IF NOT EXISTS "call_attempts_number_idx" ON "call_attempts" USING btree ("campaign_id","to_e164");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "call_callbacks_to_idx" ON "call_callbacks" USING btree ("campaign_id",("params"->>'To'));--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "call_list_numbers_number_idx" ON "call_list_numbers" USING btree ("campaign_id","e164");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "caught_mail_address_idx" ON "caught_mail" USING btree ("campaign_id",lower("to_address"));--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "caught_sms_number_idx" ON "caught_sms" USING btree ("campaign_id","to_number");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "content_items_author_idx" ON "content_items" USING btree ("campaign_id","author_id") WHERE "author_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "import_changes_person_idx" ON "import_changes" USING btree ("campaign_id","person_id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "phone_bank_targets_claimed_by_idx" ON "phone_bank_targets" USING btree ("campaign_id","claimed_by") WHERE "claimed_by" IS NOT NULL;
