CREATE TABLE "operations" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "operations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"subject" bigint,
	"label" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"total" integer,
	"started_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"cancel_requested_at" timestamp with time zone,
	CONSTRAINT "operations_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
CREATE INDEX "operations_recent_idx" ON "operations" USING btree ("campaign_id","created_at");--> statement-breakpoint
CREATE INDEX "operations_subject_idx" ON "operations" USING btree ("campaign_id","kind","subject");--> statement-breakpoint
-- Hand-written (keep when regenerating): every import made before operations existed gets its
-- operation, as syncImportOperation (people/import/operation.ts) would write it.
INSERT INTO "operations" ("campaign_id", "kind", "subject", "label", "status", "done", "total", "started_by",
                          "created_at", "started_at", "ended_at", "cancel_requested_at")
SELECT "campaign_id", 'people.import', "id", "file_name",
       CASE "status" WHEN 'queued' THEN 'queued' WHEN 'running' THEN 'running' WHEN 'undoing' THEN 'running'
                     WHEN 'applied' THEN 'succeeded' WHEN 'cancelled' THEN 'cancelled' ELSE 'failed' END,
       round(least(1, greatest(0, "progress")) * 1000)::int, 1000, "created_by",
       "created_at", "started_at", "finished_at", "cancel_requested_at"
  FROM "imports";
