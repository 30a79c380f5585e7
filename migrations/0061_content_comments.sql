CREATE TABLE "comment_notification_opt_outs" (
	"campaign_id" integer NOT NULL,
	"person_id" bigint NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "comment_notification_opt_outs_pkey" PRIMARY KEY("campaign_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "content_comments" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "content_comments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"item_id" bigint NOT NULL,
	"author_id" bigint,
	"parent_id" bigint,
	"body" text NOT NULL,
	"status" text DEFAULT 'visible' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "content_comments_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
CREATE INDEX "content_comments_thread_idx" ON "content_comments" USING btree ("campaign_id","item_id","id") WHERE parent_id IS NULL AND status = 'visible';--> statement-breakpoint
CREATE INDEX "content_comments_parent_idx" ON "content_comments" USING btree ("campaign_id","parent_id","id");--> statement-breakpoint
CREATE INDEX "content_comments_author_idx" ON "content_comments" USING btree ("campaign_id","author_id","created_at");