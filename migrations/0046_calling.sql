CREATE TABLE "opt_out_keys" (
	"campaign_id" integer PRIMARY KEY NOT NULL,
	"key" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "phone_opt_outs" (
	"campaign_id" integer NOT NULL,
	"number_hash" "bytea" NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "phone_opt_outs_pkey" PRIMARY KEY("campaign_id","number_hash")
);
--> statement-breakpoint
CREATE TABLE "call_attempts" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "call_attempts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"broadcast_id" bigint NOT NULL,
	"target_id" bigint NOT NULL,
	"to_e164" text NOT NULL,
	"caller_id" text NOT NULL,
	"state" text NOT NULL,
	"answered_as" text,
	"listened_to_end" boolean DEFAULT false NOT NULL,
	"opted_out" boolean DEFAULT false NOT NULL,
	"carrier_call_id" text,
	"dialled_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"duration_seconds" integer,
	"price_cents" integer,
	"error" text,
	CONSTRAINT "call_attempts_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
CREATE TABLE "call_broadcasts" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "call_broadcasts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"audience_kind" text NOT NULL,
	"segment_id" bigint,
	"list_id" bigint,
	"recording_id" bigint,
	"machine_recording_id" bigint,
	"machine_action" text DEFAULT 'message' NOT NULL,
	"opt_out_confirmed_by" bigint,
	"opt_out_confirmed_at" timestamp with time zone,
	"windows" jsonb NOT NULL,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"max_concurrent" integer NOT NULL,
	"calls_per_second" integer NOT NULL,
	"ramp_seconds" integer NOT NULL,
	"max_attempts" integer NOT NULL,
	"retry_minutes" integer NOT NULL,
	"ring_seconds" integer NOT NULL,
	"answer_rate_floor_percent" integer NOT NULL,
	"audience_count" integer,
	"created_by" bigint,
	"requested_by" bigint,
	"requested_at" timestamp with time zone,
	"approved_by" bigint,
	"launched_at" timestamp with time zone,
	"paused_at" timestamp with time zone,
	"pause_reason" text,
	"finished_at" timestamp with time zone,
	"dialler_id" text,
	"dialler_lease_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "call_broadcasts_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
CREATE TABLE "call_callbacks" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "call_callbacks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"attempt_id" bigint NOT NULL,
	"event_key" text NOT NULL,
	"params" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"applied_at" timestamp with time zone,
	CONSTRAINT "call_callbacks_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
CREATE TABLE "call_caller_ids" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "call_caller_ids_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"e164" text NOT NULL,
	"label" text,
	"paused_at" timestamp with time zone,
	"pause_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "call_caller_ids_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
CREATE TABLE "call_list_files" (
	"campaign_id" integer NOT NULL,
	"list_id" bigint NOT NULL,
	"seq" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "call_list_files_pkey" PRIMARY KEY("campaign_id","list_id","seq")
);
--> statement-breakpoint
CREATE TABLE "call_list_numbers" (
	"campaign_id" integer NOT NULL,
	"list_id" bigint NOT NULL,
	"e164" text NOT NULL,
	"number_class" text NOT NULL,
	"territory" text,
	"consent_at" timestamp with time zone NOT NULL,
	"consent_source" text NOT NULL,
	"slot_weekdays" smallint[],
	"slot_from" text,
	"slot_to" text,
	"line" integer NOT NULL,
	CONSTRAINT "call_list_numbers_pkey" PRIMARY KEY("campaign_id","list_id","e164")
);
--> statement-breakpoint
CREATE TABLE "call_lists" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "call_lists_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"file_name" text NOT NULL,
	"size" integer NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"report" jsonb,
	"number_count" integer,
	"error_code" text,
	"error_message" text,
	"started_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "call_lists_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
CREATE TABLE "call_recordings" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "call_recordings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"file_name" text NOT NULL,
	"format" text NOT NULL,
	"uploaded_size" integer NOT NULL,
	"content_type" text NOT NULL,
	"duration_ms" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "call_recordings_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
CREATE TABLE "call_stats" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "call_stats_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"broadcast_id" bigint NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"departement" text NOT NULL,
	"dialled" integer DEFAULT 0 NOT NULL,
	"answered_human" integer DEFAULT 0 NOT NULL,
	"answered_machine" integer DEFAULT 0 NOT NULL,
	"listened" integer DEFAULT 0 NOT NULL,
	"opt_outs" integer DEFAULT 0 NOT NULL,
	"busy" integer DEFAULT 0 NOT NULL,
	"no_answer" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"cost_cents" integer DEFAULT 0 NOT NULL,
	"settled" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "call_stats_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
CREATE TABLE "call_targets" (
	"campaign_id" integer NOT NULL,
	"broadcast_id" bigint NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "call_targets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"e164" text NOT NULL,
	"person_id" bigint,
	"territory" text,
	"departement" text,
	"slot_weekdays" smallint[],
	"slot_from" text,
	"slot_to" text,
	"status" text DEFAULT 'due' NOT NULL,
	"result" text,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"next_at" timestamp with time zone NOT NULL,
	"last_attempt_id" bigint,
	CONSTRAINT "call_targets_pkey" PRIMARY KEY("campaign_id","broadcast_id","id")
);
--> statement-breakpoint
CREATE INDEX "call_attempts_target_idx" ON "call_attempts" USING btree ("campaign_id","broadcast_id","target_id");--> statement-breakpoint
CREATE INDEX "call_attempts_caller_idx" ON "call_attempts" USING btree ("campaign_id","caller_id","ended_at") WHERE state IN ('completed', 'busy', 'no_answer', 'failed');--> statement-breakpoint
CREATE INDEX "call_attempts_dialled_idx" ON "call_attempts" USING btree ("campaign_id","broadcast_id","dialled_at");--> statement-breakpoint
CREATE INDEX "call_attempts_open_idx" ON "call_attempts" USING btree ("campaign_id","broadcast_id","dialled_at") WHERE state NOT IN ('completed', 'busy', 'no_answer', 'failed', 'canceled');--> statement-breakpoint
CREATE UNIQUE INDEX "call_callbacks_event_idx" ON "call_callbacks" USING btree ("campaign_id","attempt_id","event_key");--> statement-breakpoint
CREATE INDEX "call_callbacks_pending_idx" ON "call_callbacks" USING btree ("campaign_id","id") WHERE applied_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "call_caller_ids_number_idx" ON "call_caller_ids" USING btree ("campaign_id","e164");--> statement-breakpoint
CREATE INDEX "call_stats_broadcast_idx" ON "call_stats" USING btree ("campaign_id","broadcast_id","hour");--> statement-breakpoint
CREATE UNIQUE INDEX "call_targets_number_idx" ON "call_targets" USING btree ("campaign_id","broadcast_id","e164");--> statement-breakpoint
CREATE INDEX "call_targets_due_idx" ON "call_targets" USING btree ("campaign_id","broadcast_id","next_at") WHERE status = 'due';--> statement-breakpoint
CREATE INDEX "call_targets_person_idx" ON "call_targets" USING btree ("campaign_id","person_id") WHERE person_id IS NOT NULL;