CREATE TABLE "mail_suppressions" (
	"campaign_id" integer NOT NULL,
	"address_hash" "bytea" NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mail_suppressions_pkey" PRIMARY KEY("campaign_id","address_hash")
);
--> statement-breakpoint
CREATE TABLE "mail_feedback" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "mail_feedback_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"mail_id" bigint,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"status" text,
	"detail" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mail_feedback_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "mail_feedback_mail_kind_idx" ON "mail_feedback" USING btree ("campaign_id","mail_id","kind") WHERE mail_id IS NOT NULL;