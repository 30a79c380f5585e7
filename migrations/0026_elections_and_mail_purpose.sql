CREATE TABLE "election_rounds" (
	"campaign_id" integer NOT NULL,
	"election_id" bigint NOT NULL,
	"number" integer NOT NULL,
	"date" date NOT NULL,
	"polls_close" text NOT NULL,
	"territory_dates" jsonb NOT NULL,
	CONSTRAINT "election_rounds_pkey" PRIMARY KEY("campaign_id","election_id","number")
);
--> statement-breakpoint
CREATE TABLE "elections" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "elections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "elections_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "purpose" text DEFAULT 'transactional' NOT NULL;--> statement-breakpoint
CREATE INDEX "election_rounds_date_idx" ON "election_rounds" USING btree ("campaign_id","date");