CREATE TABLE "receipt_forms" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "receipt_forms_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"series_id" bigint NOT NULL,
	"number" text NOT NULL,
	"seq" bigint NOT NULL,
	"status" text NOT NULL,
	"donation_id" bigint,
	"issued_at" timestamp with time zone,
	"voided_at" timestamp with time zone,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "receipt_forms_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
CREATE TABLE "receipt_series" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "receipt_series_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"first_number" text NOT NULL,
	"last_number" text NOT NULL,
	"received_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "receipt_series_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "receipt_forms_number_idx" ON "receipt_forms" USING btree ("campaign_id","number");--> statement-breakpoint
CREATE INDEX "receipt_forms_seq_idx" ON "receipt_forms" USING btree ("campaign_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "receipt_forms_live_gift_idx" ON "receipt_forms" USING btree ("campaign_id","donation_id") WHERE status = 'issued';