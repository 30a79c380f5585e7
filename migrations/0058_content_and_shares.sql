CREATE TABLE "content_items" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "content_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"body_html" text DEFAULT '' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"share" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"publish_at" timestamp with time zone,
	"image" "bytea",
	"image_width" integer,
	"image_height" integer,
	"image_etag" text,
	"author_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "content_items_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
CREATE TABLE "content_share_credits" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "content_share_credits_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"sharer_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"person_id" bigint,
	"donation_id" bigint,
	"paid_at" timestamp with time zone,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "content_share_credits_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
CREATE TABLE "content_share_visits" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "content_share_visits_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"sharer_id" bigint NOT NULL,
	"item_id" bigint,
	"visitor_key" text NOT NULL,
	"day" date NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "content_share_visits_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "content_items_slug_idx" ON "content_items" USING btree ("campaign_id","slug");--> statement-breakpoint
CREATE INDEX "content_items_published_idx" ON "content_items" USING btree ("campaign_id","publish_at") WHERE status = 'published';--> statement-breakpoint
CREATE UNIQUE INDEX "content_share_credits_signup_idx" ON "content_share_credits" USING btree ("campaign_id","person_id") WHERE kind = 'signup';--> statement-breakpoint
CREATE UNIQUE INDEX "content_share_credits_donation_idx" ON "content_share_credits" USING btree ("campaign_id","donation_id") WHERE kind = 'donation';--> statement-breakpoint
CREATE INDEX "content_share_credits_sharer_idx" ON "content_share_credits" USING btree ("campaign_id","sharer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "content_share_visits_once_idx" ON "content_share_visits" USING btree ("campaign_id","sharer_id","visitor_key","day");