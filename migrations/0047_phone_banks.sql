CREATE TABLE "phone_bank_calls" (
	"campaign_id" integer NOT NULL,
	"id" uuid NOT NULL,
	"bank_id" bigint NOT NULL,
	"target_id" bigint NOT NULL,
	"person_id" bigint,
	"caller_person_id" bigint NOT NULL,
	"outcome" text NOT NULL,
	"call_back_at" timestamp with time zone,
	"version_id" bigint,
	"answers" jsonb,
	"support_level" smallint,
	"notes" text,
	"called_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "phone_bank_calls_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
CREATE TABLE "phone_bank_shifts" (
	"campaign_id" integer NOT NULL,
	"bank_id" bigint NOT NULL,
	"event_id" bigint NOT NULL,
	CONSTRAINT "phone_bank_shifts_pkey" PRIMARY KEY("campaign_id","bank_id","event_id")
);
--> statement-breakpoint
CREATE TABLE "phone_bank_support_counts" (
	"campaign_id" integer NOT NULL,
	"bank_id" bigint NOT NULL,
	"level" smallint NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "phone_bank_support_counts_pkey" PRIMARY KEY("campaign_id","bank_id","level")
);
--> statement-breakpoint
CREATE TABLE "phone_bank_targets" (
	"campaign_id" integer NOT NULL,
	"bank_id" bigint NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "phone_bank_targets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"person_id" bigint,
	"e164" text NOT NULL,
	"territory" text,
	"status" text DEFAULT 'due' NOT NULL,
	"available_at" timestamp with time zone NOT NULL,
	"claimed_by" bigint,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"last_outcome" text,
	"call_back_at" timestamp with time zone,
	CONSTRAINT "phone_bank_targets_pkey" PRIMARY KEY("campaign_id","bank_id","id")
);
--> statement-breakpoint
CREATE TABLE "phone_banks" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "phone_banks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"segment_id" bigint NOT NULL,
	"questionnaire_id" bigint,
	"script" text DEFAULT '' NOT NULL,
	"windows" jsonb NOT NULL,
	"committee_id" bigint,
	"access" text NOT NULL,
	"claim_minutes" smallint NOT NULL,
	"max_attempts" smallint NOT NULL,
	"retry_minutes" integer NOT NULL,
	"audience_count" integer,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	CONSTRAINT "phone_banks_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
CREATE INDEX "phone_bank_calls_bank_idx" ON "phone_bank_calls" USING btree ("campaign_id","bank_id","called_at");--> statement-breakpoint
CREATE INDEX "phone_bank_calls_caller_idx" ON "phone_bank_calls" USING btree ("campaign_id","caller_person_id","called_at");--> statement-breakpoint
CREATE INDEX "phone_bank_calls_person_idx" ON "phone_bank_calls" USING btree ("campaign_id","person_id") WHERE person_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "phone_bank_shifts_event_idx" ON "phone_bank_shifts" USING btree ("campaign_id","event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "phone_bank_targets_person_idx" ON "phone_bank_targets" USING btree ("campaign_id","bank_id","person_id");--> statement-breakpoint
CREATE INDEX "phone_bank_targets_next_idx" ON "phone_bank_targets" USING btree ("campaign_id","bank_id","available_at") WHERE status <> 'done';--> statement-breakpoint
CREATE INDEX "phone_bank_targets_claimed_idx" ON "phone_bank_targets" USING btree ("campaign_id","bank_id","claimed_by") WHERE status = 'claimed';--> statement-breakpoint
CREATE INDEX "phone_bank_targets_person_any_idx" ON "phone_bank_targets" USING btree ("campaign_id","person_id") WHERE person_id IS NOT NULL;