CREATE TABLE "password_failures" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "password_failures_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"email_hash" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "password_failures_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
CREATE INDEX "password_failures_email_idx" ON "password_failures" USING btree ("campaign_id","email_hash","at");