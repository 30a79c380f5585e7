-- Every table a campaign owns gets campaign_id first in its keys (DESIGN.md, scale path):
-- the rows so far belong to campaign 1, made here.
CREATE TABLE "campaigns" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "campaigns_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
INSERT INTO "campaigns" ("name")
SELECT COALESCE((SELECT "value"->>'campaignName' FROM "settings" WHERE "key" = 'home'), 'Levier');--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "campaign_id" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "people" ALTER COLUMN "campaign_id" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "consent_events" ADD COLUMN "campaign_id" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "consent_events" ALTER COLUMN "campaign_id" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "tags" ADD COLUMN "campaign_id" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "tags" ALTER COLUMN "campaign_id" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "person_tags" ADD COLUMN "campaign_id" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "person_tags" ALTER COLUMN "campaign_id" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "person_events" ADD COLUMN "campaign_id" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "person_events" ALTER COLUMN "campaign_id" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "segments" ADD COLUMN "campaign_id" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "segments" ALTER COLUMN "campaign_id" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "campaign_id" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "imports" ALTER COLUMN "campaign_id" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "import_files" ADD COLUMN "campaign_id" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "import_files" ALTER COLUMN "campaign_id" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "import_errors" ADD COLUMN "campaign_id" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "import_errors" ALTER COLUMN "campaign_id" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "signups" ADD COLUMN "campaign_id" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "signups" ALTER COLUMN "campaign_id" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "campaign_id" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "accounts" ALTER COLUMN "campaign_id" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "login_codes" ADD COLUMN "campaign_id" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "login_codes" ALTER COLUMN "campaign_id" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "campaign_id" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ALTER COLUMN "campaign_id" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "settings" ADD COLUMN "campaign_id" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "settings" ALTER COLUMN "campaign_id" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "campaign_id" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "campaign_id" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "campaign_id" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_outbox" ALTER COLUMN "campaign_id" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "tags" DROP CONSTRAINT "tags_name_unique";--> statement-breakpoint
ALTER TABLE "login_codes" DROP CONSTRAINT "login_codes_link_token_hash_unique";--> statement-breakpoint
DROP INDEX "consent_events_person_idx";--> statement-breakpoint
DROP INDEX "import_errors_import_idx";--> statement-breakpoint
DROP INDEX "people_email_normalized_key";--> statement-breakpoint
DROP INDEX "people_recruit_code_key";--> statement-breakpoint
DROP INDEX "people_phone_idx";--> statement-breakpoint
DROP INDEX "people_commune_idx";--> statement-breakpoint
DROP INDEX "people_departement_created_idx";--> statement-breakpoint
DROP INDEX "people_recruited_by_idx";--> statement-breakpoint
DROP INDEX "people_created_at_idx";--> statement-breakpoint
DROP INDEX "person_events_person_idx";--> statement-breakpoint
DROP INDEX "person_tags_tag_idx";--> statement-breakpoint
DROP INDEX "signups_person_idx";--> statement-breakpoint
DROP INDEX "signups_created_at_idx";--> statement-breakpoint
DROP INDEX "login_codes_person_idx";--> statement-breakpoint
DROP INDEX "sessions_person_idx";--> statement-breakpoint
DROP INDEX "audit_log_at_idx";--> statement-breakpoint
DROP INDEX "audit_log_action_idx";--> statement-breakpoint
DROP INDEX "mail_outbox_pending_idx";--> statement-breakpoint
ALTER TABLE "people" DROP CONSTRAINT "people_pkey";--> statement-breakpoint
ALTER TABLE "consent_events" DROP CONSTRAINT "consent_events_pkey";--> statement-breakpoint
ALTER TABLE "tags" DROP CONSTRAINT "tags_pkey";--> statement-breakpoint
ALTER TABLE "person_tags" DROP CONSTRAINT "person_tags_person_id_tag_id_pk";--> statement-breakpoint
ALTER TABLE "person_events" DROP CONSTRAINT "person_events_pkey";--> statement-breakpoint
ALTER TABLE "segments" DROP CONSTRAINT "segments_pkey";--> statement-breakpoint
ALTER TABLE "imports" DROP CONSTRAINT "imports_pkey";--> statement-breakpoint
ALTER TABLE "import_files" DROP CONSTRAINT "import_files_import_id_seq_pk";--> statement-breakpoint
ALTER TABLE "import_errors" DROP CONSTRAINT "import_errors_pkey";--> statement-breakpoint
ALTER TABLE "signups" DROP CONSTRAINT "signups_pkey";--> statement-breakpoint
ALTER TABLE "accounts" DROP CONSTRAINT "accounts_pkey";--> statement-breakpoint
ALTER TABLE "login_codes" DROP CONSTRAINT "login_codes_pkey";--> statement-breakpoint
ALTER TABLE "sessions" DROP CONSTRAINT "sessions_pkey";--> statement-breakpoint
ALTER TABLE "settings" DROP CONSTRAINT "settings_pkey";--> statement-breakpoint
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_pkey";--> statement-breakpoint
ALTER TABLE "mail_outbox" DROP CONSTRAINT "mail_outbox_pkey";--> statement-breakpoint
ALTER TABLE "consent_events" ADD CONSTRAINT "consent_events_pkey" PRIMARY KEY("campaign_id","id");--> statement-breakpoint
ALTER TABLE "import_errors" ADD CONSTRAINT "import_errors_pkey" PRIMARY KEY("campaign_id","id");--> statement-breakpoint
ALTER TABLE "import_files" ADD CONSTRAINT "import_files_pkey" PRIMARY KEY("campaign_id","import_id","seq");--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_pkey" PRIMARY KEY("campaign_id","id");--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_pkey" PRIMARY KEY("campaign_id","id");--> statement-breakpoint
ALTER TABLE "person_events" ADD CONSTRAINT "person_events_pkey" PRIMARY KEY("campaign_id","id");--> statement-breakpoint
ALTER TABLE "person_tags" ADD CONSTRAINT "person_tags_pkey" PRIMARY KEY("campaign_id","person_id","tag_id");--> statement-breakpoint
ALTER TABLE "segments" ADD CONSTRAINT "segments_pkey" PRIMARY KEY("campaign_id","id");--> statement-breakpoint
ALTER TABLE "tags" ADD CONSTRAINT "tags_pkey" PRIMARY KEY("campaign_id","id");--> statement-breakpoint
ALTER TABLE "signups" ADD CONSTRAINT "signups_pkey" PRIMARY KEY("campaign_id","id");--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_pkey" PRIMARY KEY("campaign_id","person_id");--> statement-breakpoint
ALTER TABLE "login_codes" ADD CONSTRAINT "login_codes_pkey" PRIMARY KEY("campaign_id","id");--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_pkey" PRIMARY KEY("campaign_id","id_hash");--> statement-breakpoint
ALTER TABLE "settings" ADD CONSTRAINT "settings_pkey" PRIMARY KEY("campaign_id","key");--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_pkey" PRIMARY KEY("campaign_id","id");--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_pkey" PRIMARY KEY("campaign_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "tags_name_unique" ON "tags" USING btree ("campaign_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "login_codes_link_token_hash_unique" ON "login_codes" USING btree ("campaign_id","link_token_hash");--> statement-breakpoint
CREATE INDEX "consent_events_person_idx" ON "consent_events" USING btree ("campaign_id","person_id","at");--> statement-breakpoint
CREATE INDEX "import_errors_import_idx" ON "import_errors" USING btree ("campaign_id","import_id","line");--> statement-breakpoint
CREATE UNIQUE INDEX "people_email_normalized_key" ON "people" USING btree ("campaign_id","email_normalized");--> statement-breakpoint
CREATE UNIQUE INDEX "people_recruit_code_key" ON "people" USING btree ("campaign_id","recruit_code");--> statement-breakpoint
CREATE INDEX "people_phone_idx" ON "people" USING btree ("campaign_id","phone") WHERE "people"."phone" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "people_commune_idx" ON "people" USING btree ("campaign_id","commune_code");--> statement-breakpoint
CREATE INDEX "people_departement_created_idx" ON "people" USING btree ("campaign_id","departement_code","created_at");--> statement-breakpoint
CREATE INDEX "people_recruited_by_idx" ON "people" USING btree ("campaign_id","recruited_by") WHERE "people"."recruited_by" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "people_created_at_idx" ON "people" USING btree ("campaign_id","created_at");--> statement-breakpoint
CREATE INDEX "person_events_person_idx" ON "person_events" USING btree ("campaign_id","person_id","at");--> statement-breakpoint
CREATE INDEX "person_tags_tag_idx" ON "person_tags" USING btree ("campaign_id","tag_id");--> statement-breakpoint
CREATE INDEX "signups_person_idx" ON "signups" USING btree ("campaign_id","person_id");--> statement-breakpoint
CREATE INDEX "signups_created_at_idx" ON "signups" USING btree ("campaign_id","created_at");--> statement-breakpoint
CREATE INDEX "login_codes_person_idx" ON "login_codes" USING btree ("campaign_id","person_id","created_at");--> statement-breakpoint
CREATE INDEX "sessions_person_idx" ON "sessions" USING btree ("campaign_id","person_id");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("campaign_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_action_idx" ON "audit_log" USING btree ("campaign_id","action");--> statement-breakpoint
CREATE INDEX "mail_outbox_pending_idx" ON "mail_outbox" USING btree ("campaign_id","status","next_attempt_at");
