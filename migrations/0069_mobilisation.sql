CREATE TABLE "mobilisation_actions" (
	"campaign_id" integer NOT NULL,
	"kind" text NOT NULL,
	"ref_id" bigint NOT NULL,
	"title" text NOT NULL,
	"place_label" text,
	"commune_code" text,
	"lat" double precision,
	"lng" double precision,
	"location" "point",
	"committee_id" bigint,
	"need" real NOT NULL,
	"doors" integer,
	"places_left" integer,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"day_kind" text,
	"day_part" text,
	"url" text,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mobilisation_actions_pkey" PRIMARY KEY("campaign_id","kind","ref_id")
);
--> statement-breakpoint
CREATE TABLE "mobilisation_profiles" (
	"campaign_id" integer NOT NULL,
	"person_id" bigint NOT NULL,
	"days" text[] DEFAULT '{}'::text[] NOT NULL,
	"day_parts" text[] DEFAULT '{}'::text[] NOT NULL,
	"driving" boolean DEFAULT false NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"preferred_actions" text[] DEFAULT '{}'::text[] NOT NULL,
	"max_travel_km" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mobilisation_profiles_pkey" PRIMARY KEY("campaign_id","person_id")
);
--> statement-breakpoint
CREATE INDEX "mobilisation_actions_location_idx" ON "mobilisation_actions" USING gist ("campaign_id","location") WHERE location IS NOT NULL;--> statement-breakpoint
CREATE INDEX "mobilisation_actions_unplaced_idx" ON "mobilisation_actions" USING btree ("campaign_id","need") WHERE location IS NULL;