CREATE TABLE "newsletter_unsubscribes" (
	"campaign_id" integer NOT NULL,
	"newsletter_id" bigint NOT NULL,
	"person_id" bigint NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "newsletter_unsubscribes_pkey" PRIMARY KEY("campaign_id","newsletter_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "newsletters" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "newsletters_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"subject" text NOT NULL,
	"preheader" text DEFAULT '' NOT NULL,
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
	CONSTRAINT "newsletters_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "message_id" bigint;--> statement-breakpoint
CREATE UNIQUE INDEX "newsletter_unsubscribes_person_idx" ON "newsletter_unsubscribes" USING btree ("campaign_id","person_id","newsletter_id");--> statement-breakpoint
CREATE INDEX "newsletters_due_idx" ON "newsletters" USING btree ("campaign_id","scheduled_at") WHERE status = 'scheduled';--> statement-breakpoint
CREATE INDEX "mail_outbox_message_idx" ON "mail_outbox" USING btree ("campaign_id","kind","message_id","status") WHERE message_id IS NOT NULL;