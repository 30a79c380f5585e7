CREATE TABLE "caught_sms" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "caught_sms_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"to_number" text NOT NULL,
	"sender" text NOT NULL,
	"body" text NOT NULL,
	"validity_seconds" integer,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "caught_sms_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
CREATE TABLE "sms_campaigns" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "sms_campaigns_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"sender" text NOT NULL,
	"body" text NOT NULL,
	"segment_id" bigint,
	"status" text DEFAULT 'draft' NOT NULL,
	"scheduled_at" timestamp with time zone,
	"scheduled_by" bigint,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"audience_snapshot_id" bigint,
	"recipients" integer DEFAULT 0 NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sms_campaigns_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
CREATE TABLE "sms_inbound" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "sms_inbound_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"from_number" text NOT NULL,
	"body" text NOT NULL,
	"keyword" text NOT NULL,
	"sms_campaign_id" bigint,
	"provider_id" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sms_inbound_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
CREATE TABLE "sms_outbox" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "sms_outbox_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"person_id" bigint,
	"sms_campaign_id" bigint,
	"to_number" text,
	"purpose" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"send_started_at" timestamp with time zone,
	"provider_id" text,
	"delivery_status" text,
	"delivered_at" timestamp with time zone,
	"segments" integer,
	CONSTRAINT "sms_outbox_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
CREATE INDEX "sms_campaigns_due_idx" ON "sms_campaigns" USING btree ("campaign_id","scheduled_at") WHERE status = 'scheduled';--> statement-breakpoint
CREATE INDEX "sms_inbound_campaign_idx" ON "sms_inbound" USING btree ("campaign_id","sms_campaign_id","keyword") WHERE sms_campaign_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "sms_inbound_number_idx" ON "sms_inbound" USING btree ("campaign_id","from_number");--> statement-breakpoint
CREATE INDEX "sms_outbox_pending_idx" ON "sms_outbox" USING btree ("campaign_id","status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "sms_outbox_person_idx" ON "sms_outbox" USING btree ("campaign_id","person_id");--> statement-breakpoint
CREATE INDEX "sms_outbox_message_idx" ON "sms_outbox" USING btree ("campaign_id","sms_campaign_id","status") WHERE sms_campaign_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "sms_outbox_provider_idx" ON "sms_outbox" USING btree ("campaign_id","provider_id") WHERE provider_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "sms_outbox_number_idx" ON "sms_outbox" USING btree ("campaign_id","to_number") WHERE to_number IS NOT NULL;