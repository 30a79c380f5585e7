CREATE TABLE "donations" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "donations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"person_id" bigint NOT NULL,
	"cap_key" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"means" text NOT NULL,
	"status" text NOT NULL,
	"counts" boolean NOT NULL,
	"attribution" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"pending_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "donations_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
CREATE INDEX "donations_donor_cap_idx" ON "donations" USING btree ("campaign_id","person_id","cap_key") WHERE counts;