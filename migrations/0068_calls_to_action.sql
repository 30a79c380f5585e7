CREATE TABLE "call_to_action_recipients" (
	"campaign_id" integer NOT NULL,
	"call_id" bigint NOT NULL,
	"person_id" bigint NOT NULL,
	"first_click_at" timestamp with time zone,
	CONSTRAINT "call_to_action_recipients_pkey" PRIMARY KEY("campaign_id","call_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "call_to_action_responses" (
	"campaign_id" integer NOT NULL,
	"call_id" bigint NOT NULL,
	"person_id" bigint NOT NULL,
	"action" smallint NOT NULL,
	"clicked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"signed_up_at" timestamp with time zone,
	CONSTRAINT "call_to_action_responses_pkey" PRIMARY KEY("campaign_id","call_id","person_id","action")
);
--> statement-breakpoint
CREATE TABLE "calls_to_action" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "calls_to_action_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"areas" text[] NOT NULL,
	"distance_km" integer NOT NULL,
	"actions" jsonb NOT NULL,
	"recipients" integer DEFAULT 0 NOT NULL,
	"sent_by" bigint,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calls_to_action_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
CREATE INDEX "call_to_action_recipients_person_idx" ON "call_to_action_recipients" USING btree ("campaign_id","person_id");--> statement-breakpoint
CREATE INDEX "call_to_action_responses_person_idx" ON "call_to_action_responses" USING btree ("campaign_id","person_id");