-- btree_gist puts the campaign in the committees' location index (a trusted extension, in contrib).
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
CREATE TABLE "committee_members" (
	"campaign_id" integer NOT NULL,
	"committee_id" bigint NOT NULL,
	"person_id" bigint NOT NULL,
	"rank" text NOT NULL,
	"share_contact" boolean DEFAULT false NOT NULL,
	"subscribed" boolean DEFAULT true NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "committee_members_pkey" PRIMARY KEY("campaign_id","committee_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "committees" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "committees_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"description_html" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'published' NOT NULL,
	"open_to_members" boolean DEFAULT true NOT NULL,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"location" "point" NOT NULL,
	"precision" text NOT NULL,
	"place_label" text NOT NULL,
	"street" text,
	"postal_code" text,
	"commune_code" text,
	"departement_code" text,
	"contact_email" text,
	"contact_phone" text,
	"member_count" integer DEFAULT 0 NOT NULL,
	"certified_at" timestamp with time zone,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "committees_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
CREATE TABLE "moderation_decisions" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "moderation_decisions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"target_kind" text NOT NULL,
	"target_id" bigint NOT NULL,
	"action" text NOT NULL,
	"message" text NOT NULL,
	"author_person_id" bigint,
	"moderator_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "moderation_decisions_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
CREATE TABLE "moderation_sanctions" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "moderation_sanctions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"person_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"until" timestamp with time zone,
	"reason" text NOT NULL,
	"moderation_decision_id" bigint,
	"decided_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lifted_at" timestamp with time zone,
	"lifted_by" bigint,
	CONSTRAINT "moderation_sanctions_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "reports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"target_kind" text NOT NULL,
	"target_id" bigint NOT NULL,
	"reporter_id" bigint,
	"reason" text NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"moderation_decision_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reports_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
CREATE INDEX "committee_members_person_idx" ON "committee_members" USING btree ("campaign_id","person_id");--> statement-breakpoint
CREATE INDEX "committee_members_rank_idx" ON "committee_members" USING btree ("campaign_id","committee_id","rank");--> statement-breakpoint
CREATE INDEX "committees_published_location_idx" ON "committees" USING gist ("campaign_id","location") WHERE status = 'published';--> statement-breakpoint
CREATE INDEX "committees_departement_idx" ON "committees" USING btree ("campaign_id","departement_code");--> statement-breakpoint
CREATE INDEX "committees_created_by_idx" ON "committees" USING btree ("campaign_id","created_by","created_at");--> statement-breakpoint
CREATE INDEX "moderation_decisions_author_idx" ON "moderation_decisions" USING btree ("campaign_id","author_person_id","created_at");--> statement-breakpoint
CREATE INDEX "moderation_decisions_target_idx" ON "moderation_decisions" USING btree ("campaign_id","target_kind","target_id");--> statement-breakpoint
CREATE INDEX "moderation_sanctions_person_idx" ON "moderation_sanctions" USING btree ("campaign_id","person_id");--> statement-breakpoint
CREATE INDEX "reports_target_idx" ON "reports" USING btree ("campaign_id","target_kind","target_id","status");--> statement-breakpoint
CREATE INDEX "reports_open_idx" ON "reports" USING btree ("campaign_id","status","created_at");--> statement-breakpoint
CREATE INDEX "reports_reporter_idx" ON "reports" USING btree ("campaign_id","reporter_id");