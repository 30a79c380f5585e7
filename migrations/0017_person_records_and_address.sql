CREATE TABLE "person_contacts" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "person_contacts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"person_id" bigint NOT NULL,
	"author_id" bigint,
	"channel" text NOT NULL,
	"outcome" text NOT NULL,
	"note" text,
	"contacted_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_contacts_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
CREATE TABLE "person_notes" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "person_notes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"person_id" bigint NOT NULL,
	"author_id" bigint,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_notes_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
ALTER TABLE "consent_events" ADD COLUMN "actor_id" bigint;--> statement-breakpoint
ALTER TABLE "consent_events" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "address_street" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "address_complement" text;--> statement-breakpoint
CREATE INDEX "person_contacts_person_idx" ON "person_contacts" USING btree ("campaign_id","person_id","contacted_at");--> statement-breakpoint
CREATE INDEX "person_notes_person_idx" ON "person_notes" USING btree ("campaign_id","person_id","created_at");