CREATE TABLE "content_comment_edits" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "content_comment_edits_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"comment_id" bigint NOT NULL,
	"author_id" bigint NOT NULL,
	"body" text NOT NULL,
	"edited_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "content_comment_edits_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
DROP INDEX "content_comments_thread_idx";--> statement-breakpoint
ALTER TABLE "content_comments" ADD COLUMN "edited_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "content_comment_edits_comment_idx" ON "content_comment_edits" USING btree ("campaign_id","comment_id","id");--> statement-breakpoint
CREATE INDEX "content_comment_edits_author_idx" ON "content_comment_edits" USING btree ("campaign_id","author_id","edited_at");--> statement-breakpoint
CREATE INDEX "content_comments_thread_idx" ON "content_comments" USING btree ("campaign_id","item_id","id") WHERE parent_id IS NULL AND status IN ('visible', 'withdrawn');