CREATE TABLE "committee_messages" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "committee_messages_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"committee_id" bigint NOT NULL,
	"author_id" bigint,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"body_html" text NOT NULL,
	"lowest_rank" text NOT NULL,
	"recipients" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "committee_messages_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "subscription" text;--> statement-breakpoint
CREATE INDEX "committee_messages_committee_idx" ON "committee_messages" USING btree ("campaign_id","committee_id","created_at");