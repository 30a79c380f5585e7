CREATE TABLE "person_consents" (
	"campaign_id" integer NOT NULL,
	"person_id" bigint NOT NULL,
	"channel" text NOT NULL,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"wording_version" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"slot" jsonb,
	CONSTRAINT "person_consents_pkey" PRIMARY KEY("campaign_id","person_id","channel"),
	CONSTRAINT "person_consents_status" CHECK ("person_consents"."status" IN ('granted', 'withdrawn')),
	CONSTRAINT "person_consents_slot" CHECK ("person_consents"."channel" <> 'automated_call' OR "person_consents"."status" <> 'granted' OR "person_consents"."slot" IS NOT NULL)
);
--> statement-breakpoint
ALTER TABLE "consent_events" ADD COLUMN "slot" jsonb;--> statement-breakpoint
-- consent backfill: begin
-- Hand-written data migration: consent becomes records (person_consents), each the latest
-- decision of the person's history (consent_events) for its channel. Running it again changes
-- nothing (it is tested so: people/consents.test.ts).
-- 1. The phone consent was the consent to calls by volunteers: its history takes that name.
UPDATE "consent_events" SET "channel" = 'volunteer_call' WHERE "channel" = 'phone';
--> statement-breakpoint
-- 2. Where a person's column disagrees with the latest decision of the history (a consent
-- given before the history was kept has none), the column's value is added to the history
-- with source 'migrated' and the campaign's first wording: the built-in version of the
-- person's language (settings/wording-defaults.ts). Its time: the person's confirmation (or
-- creation) when the channel has no history, else now.
INSERT INTO "consent_events" ("campaign_id", "person_id", "channel", "granted", "source", "wording_version", "at")
SELECT p."campaign_id", p."id", c."channel", c."granted", 'migrated',
       CASE WHEN p."locale" = 'en' THEN 'en-2026-11' ELSE 'fr-2026-11' END,
       CASE WHEN l."granted" IS NULL THEN coalesce(p."confirmed_at", p."created_at") ELSE now() END
  FROM "people" p
 CROSS JOIN LATERAL (VALUES ('email', p."consent_email"), ('sms', p."consent_sms"),
                            ('volunteer_call', p."consent_phone")) AS c("channel", "granted")
  LEFT JOIN LATERAL (SELECT e."granted" FROM "consent_events" e
                      WHERE e."campaign_id" = p."campaign_id" AND e."person_id" = p."id" AND e."channel" = c."channel"
                      ORDER BY e."at" DESC, e."id" DESC LIMIT 1) l ON true
 WHERE p."erased_at" IS NULL AND l."granted" IS DISTINCT FROM c."granted" AND (c."granted" OR l."granted" IS NOT NULL);
--> statement-breakpoint
-- 3. The records: the latest decision per person and channel.
INSERT INTO "person_consents" ("campaign_id", "person_id", "channel", "status", "source", "wording_version", "at", "slot")
SELECT DISTINCT ON (e."campaign_id", e."person_id", e."channel")
       e."campaign_id", e."person_id", e."channel", CASE WHEN e."granted" THEN 'granted' ELSE 'withdrawn' END,
       e."source", e."wording_version", e."at", e."slot"
  FROM "consent_events" e
  JOIN "people" p ON p."campaign_id" = e."campaign_id" AND p."id" = e."person_id" AND p."erased_at" IS NULL
 ORDER BY e."campaign_id", e."person_id", e."channel", e."at" DESC, e."id" DESC
ON CONFLICT ("campaign_id", "person_id", "channel") DO UPDATE
   SET "status" = excluded."status", "source" = excluded."source", "wording_version" = excluded."wording_version",
       "at" = excluded."at", "slot" = excluded."slot";
-- consent backfill: end
