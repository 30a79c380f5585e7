CREATE TABLE "newsletter_automation_steps" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "newsletter_automation_steps_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"automation_id" bigint NOT NULL,
	"position" integer NOT NULL,
	"delay_days" integer NOT NULL,
	"subject" text NOT NULL,
	"preheader" text DEFAULT '' NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "newsletter_automation_steps_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
CREATE TABLE "newsletter_automations" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "newsletter_automations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"trigger" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "newsletter_automations_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
CREATE TABLE "newsletter_enrolment_steps" (
	"campaign_id" integer NOT NULL,
	"enrolment_id" bigint NOT NULL,
	"step_id" bigint NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "newsletter_enrolment_steps_pkey" PRIMARY KEY("campaign_id","enrolment_id","step_id")
);
--> statement-breakpoint
CREATE TABLE "newsletter_enrolments" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "newsletter_enrolments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"automation_id" bigint NOT NULL,
	"person_id" bigint NOT NULL,
	"enrolled_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_reason" text,
	CONSTRAINT "newsletter_enrolments_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
CREATE INDEX "newsletter_automation_steps_automation_idx" ON "newsletter_automation_steps" USING btree ("campaign_id","automation_id");--> statement-breakpoint
CREATE INDEX "newsletter_automations_trigger_idx" ON "newsletter_automations" USING btree ("campaign_id","trigger") WHERE status = 'active';--> statement-breakpoint
CREATE INDEX "newsletter_enrolment_steps_step_idx" ON "newsletter_enrolment_steps" USING btree ("campaign_id","step_id");--> statement-breakpoint
CREATE UNIQUE INDEX "newsletter_enrolments_once_idx" ON "newsletter_enrolments" USING btree ("campaign_id","automation_id","person_id");--> statement-breakpoint
CREATE INDEX "newsletter_enrolments_person_idx" ON "newsletter_enrolments" USING btree ("campaign_id","person_id");--> statement-breakpoint
CREATE INDEX "newsletter_enrolments_running_idx" ON "newsletter_enrolments" USING btree ("campaign_id","automation_id","enrolled_at") WHERE ended_at IS NULL;