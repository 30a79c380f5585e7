CREATE TABLE "committee_areas" (
	"campaign_id" integer NOT NULL,
	"committee_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"communes" text[] DEFAULT '{}'::text[] NOT NULL,
	"geojson" jsonb,
	"polygon" "polygon",
	"bbox" "box",
	"area_km2" double precision,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "committee_areas_pkey" PRIMARY KEY("campaign_id","committee_id")
);
--> statement-breakpoint
CREATE INDEX "committee_areas_communes_idx" ON "committee_areas" USING gin ("communes");--> statement-breakpoint
CREATE INDEX "committee_areas_bbox_idx" ON "committee_areas" USING gist ("campaign_id","bbox") WHERE bbox IS NOT NULL;--> statement-breakpoint
CREATE INDEX "committees_commune_idx" ON "committees" USING btree ("campaign_id","commune_code");