CREATE TABLE "map_cells" (
	"campaign_id" integer NOT NULL,
	"layer" text NOT NULL,
	"level" smallint NOT NULL,
	"cx" integer NOT NULL,
	"cy" integer NOT NULL,
	"n" integer NOT NULL,
	"sx" double precision NOT NULL,
	"sy" double precision NOT NULL,
	CONSTRAINT "map_cells_pkey" PRIMARY KEY("campaign_id","layer","level","cx","cy")
);
--> statement-breakpoint
ALTER TABLE "committees" ADD COLUMN "on_map" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "on_map" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "events_on_map_ends_idx" ON "events" USING btree ("campaign_id","ends_at") WHERE on_map;