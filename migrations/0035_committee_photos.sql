CREATE TABLE "committee_photos" (
	"campaign_id" integer NOT NULL,
	"committee_id" bigint NOT NULL,
	"image" "bytea" NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"etag" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "committee_photos_pkey" PRIMARY KEY("campaign_id","committee_id")
);
