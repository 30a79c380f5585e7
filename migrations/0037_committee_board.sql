CREATE TABLE "committee_post_comments" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "committee_post_comments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"post_id" bigint NOT NULL,
	"author_id" bigint,
	"body" text NOT NULL,
	"body_html" text NOT NULL,
	"status" text DEFAULT 'published' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"edited_at" timestamp with time zone,
	CONSTRAINT "committee_post_comments_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
CREATE TABLE "committee_post_documents" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "committee_post_documents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"committee_id" bigint NOT NULL,
	"post_id" bigint,
	"uploaded_by" bigint,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "committee_post_documents_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
CREATE TABLE "committee_posts" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "committee_posts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"committee_id" bigint NOT NULL,
	"author_id" bigint,
	"body" text NOT NULL,
	"body_html" text NOT NULL,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"pinned" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'published' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "committee_posts_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
CREATE INDEX "committee_post_comments_post_idx" ON "committee_post_comments" USING btree ("campaign_id","post_id","id");--> statement-breakpoint
CREATE INDEX "committee_post_comments_author_idx" ON "committee_post_comments" USING btree ("campaign_id","author_id");--> statement-breakpoint
CREATE INDEX "committee_post_documents_post_idx" ON "committee_post_documents" USING btree ("campaign_id","post_id");--> statement-breakpoint
CREATE INDEX "committee_post_documents_uploader_idx" ON "committee_post_documents" USING btree ("campaign_id","uploaded_by");--> statement-breakpoint
CREATE INDEX "committee_posts_board_idx" ON "committee_posts" USING btree ("campaign_id","committee_id","pinned","id") WHERE status = 'published';--> statement-breakpoint
CREATE INDEX "committee_posts_author_idx" ON "committee_posts" USING btree ("campaign_id","author_id");