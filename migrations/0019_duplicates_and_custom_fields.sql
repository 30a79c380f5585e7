CREATE TABLE "duplicate_candidates" (
	"campaign_id" integer NOT NULL,
	"first_person_id" bigint NOT NULL,
	"second_person_id" bigint NOT NULL,
	"reasons" text[] NOT NULL,
	"found_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "duplicate_candidates_pkey" PRIMARY KEY("campaign_id","first_person_id","second_person_id")
);
--> statement-breakpoint
CREATE TABLE "duplicate_dismissals" (
	"campaign_id" integer NOT NULL,
	"first_person_id" bigint NOT NULL,
	"second_person_id" bigint NOT NULL,
	"dismissed_by" bigint,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "duplicate_dismissals_pkey" PRIMARY KEY("campaign_id","first_person_id","second_person_id")
);
--> statement-breakpoint
CREATE TABLE "person_merges" (
	"campaign_id" integer NOT NULL,
	"merged_id" bigint NOT NULL,
	"kept_id" bigint NOT NULL,
	"merged_by" bigint,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_merges_pkey" PRIMARY KEY("campaign_id","merged_id")
);
--> statement-breakpoint
CREATE TABLE "custom_fields" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "custom_fields_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"key" text NOT NULL,
	"label_fr" text NOT NULL,
	"label_en" text NOT NULL,
	"type" text NOT NULL,
	"options" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "custom_fields_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
CREATE TABLE "person_field_values" (
	"campaign_id" integer NOT NULL,
	"custom_field_id" bigint NOT NULL,
	"person_id" bigint NOT NULL,
	"text_value" text,
	"number_value" numeric,
	"date_value" date,
	CONSTRAINT "person_field_values_pkey" PRIMARY KEY("campaign_id","custom_field_id","person_id")
);
--> statement-breakpoint
CREATE INDEX "duplicate_candidates_second_idx" ON "duplicate_candidates" USING btree ("campaign_id","second_person_id");--> statement-breakpoint
CREATE INDEX "duplicate_dismissals_second_idx" ON "duplicate_dismissals" USING btree ("campaign_id","second_person_id");--> statement-breakpoint
CREATE INDEX "person_merges_kept_idx" ON "person_merges" USING btree ("campaign_id","kept_id");--> statement-breakpoint
CREATE UNIQUE INDEX "custom_fields_key_unique" ON "custom_fields" USING btree ("campaign_id","key");--> statement-breakpoint
CREATE INDEX "person_field_values_person_idx" ON "person_field_values" USING btree ("campaign_id","person_id");--> statement-breakpoint
CREATE INDEX "person_field_values_text_idx" ON "person_field_values" USING btree ("campaign_id","custom_field_id","text_value") WHERE "person_field_values"."text_value" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "person_field_values_number_idx" ON "person_field_values" USING btree ("campaign_id","custom_field_id","number_value") WHERE "person_field_values"."number_value" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "person_field_values_date_idx" ON "person_field_values" USING btree ("campaign_id","custom_field_id","date_value") WHERE "person_field_values"."date_value" IS NOT NULL;
