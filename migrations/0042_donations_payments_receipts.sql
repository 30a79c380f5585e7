CREATE TABLE "donation_plans" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "donation_plans_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"person_id" bigint NOT NULL,
	"amount_cents" bigint NOT NULL,
	"status" text NOT NULL,
	"stopped_reason" text,
	"day_of_month" integer NOT NULL,
	"next_charge_on" date,
	"provider" text NOT NULL,
	"customer_ref" text,
	"payment_method_ref" text,
	"failures" integer DEFAULT 0 NOT NULL,
	"donor" jsonb NOT NULL,
	"locale" text DEFAULT 'fr' NOT NULL,
	"attribution" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "donation_plans_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
CREATE TABLE "payment_events" (
	"campaign_id" integer NOT NULL,
	"provider" text NOT NULL,
	"event_id" text NOT NULL,
	"kind" text NOT NULL,
	"donation_id" bigint,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_events_pkey" PRIMARY KEY("campaign_id","provider","event_id")
);
--> statement-breakpoint
CREATE TABLE "payouts" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "payouts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"provider" text NOT NULL,
	"payout_ref" text NOT NULL,
	"arrival_on" date NOT NULL,
	"amount_cents" bigint NOT NULL,
	"fee_cents" bigint DEFAULT 0 NOT NULL,
	"status" text NOT NULL,
	"unmatched" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payouts_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
CREATE TABLE "remittance_slips" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "remittance_slips_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"number" text NOT NULL,
	"means" text NOT NULL,
	"deposited_on" date NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "remittance_slips_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
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
ALTER TABLE "donations" ADD COLUMN "kind" text DEFAULT 'gift' NOT NULL;--> statement-breakpoint
ALTER TABLE "donations" ADD COLUMN "given_on" date;--> statement-breakpoint
ALTER TABLE "donations" ADD COLUMN "donor" jsonb;--> statement-breakpoint
ALTER TABLE "donations" ADD COLUMN "means_detail" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "donations" ADD COLUMN "provider" text DEFAULT 'manual' NOT NULL;--> statement-breakpoint
ALTER TABLE "donations" ADD COLUMN "payment_ref" text;--> statement-breakpoint
ALTER TABLE "donations" ADD COLUMN "charge_ref" text;--> statement-breakpoint
ALTER TABLE "donations" ADD COLUMN "plan_id" bigint;--> statement-breakpoint
ALTER TABLE "donations" ADD COLUMN "locale" text DEFAULT 'fr' NOT NULL;--> statement-breakpoint
ALTER TABLE "donations" ADD COLUMN "recorded_by" bigint;--> statement-breakpoint
ALTER TABLE "donations" ADD COLUMN "review" text;--> statement-breakpoint
ALTER TABLE "donations" ADD COLUMN "acknowledged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "donations" ADD COLUMN "payout_id" bigint;--> statement-breakpoint
ALTER TABLE "donations" ADD COLUMN "remittance_id" bigint;--> statement-breakpoint
CREATE INDEX "donation_plans_person_idx" ON "donation_plans" USING btree ("campaign_id","person_id");--> statement-breakpoint
CREATE INDEX "donation_plans_due_idx" ON "donation_plans" USING btree ("campaign_id","next_charge_on") WHERE status = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX "payouts_ref_key" ON "payouts" USING btree ("campaign_id","provider","payout_ref");--> statement-breakpoint
CREATE UNIQUE INDEX "remittance_slips_number_key" ON "remittance_slips" USING btree ("campaign_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "receipt_forms_number_idx" ON "receipt_forms" USING btree ("campaign_id","number");--> statement-breakpoint
CREATE INDEX "receipt_forms_seq_idx" ON "receipt_forms" USING btree ("campaign_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "receipt_forms_live_gift_idx" ON "receipt_forms" USING btree ("campaign_id","donation_id") WHERE status = 'issued';--> statement-breakpoint
CREATE UNIQUE INDEX "donations_payment_ref_key" ON "donations" USING btree ("campaign_id","provider","payment_ref") WHERE payment_ref IS NOT NULL;--> statement-breakpoint
CREATE INDEX "donations_charge_ref_idx" ON "donations" USING btree ("campaign_id","provider","charge_ref") WHERE charge_ref IS NOT NULL;--> statement-breakpoint
CREATE INDEX "donations_given_idx" ON "donations" USING btree ("campaign_id","given_on");--> statement-breakpoint
CREATE INDEX "donations_pending_idx" ON "donations" USING btree ("campaign_id","pending_until") WHERE status = 'pending';