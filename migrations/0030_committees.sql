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
CREATE INDEX "committee_members_person_idx" ON "committee_members" USING btree ("campaign_id","person_id");--> statement-breakpoint
CREATE INDEX "committee_members_rank_idx" ON "committee_members" USING btree ("campaign_id","committee_id","rank");--> statement-breakpoint
CREATE INDEX "committees_published_location_idx" ON "committees" USING gist ("location") WHERE status = 'published';--> statement-breakpoint
CREATE INDEX "committees_departement_idx" ON "committees" USING btree ("campaign_id","departement_code");--> statement-breakpoint
CREATE INDEX "committees_created_by_idx" ON "committees" USING btree ("campaign_id","created_by","created_at");