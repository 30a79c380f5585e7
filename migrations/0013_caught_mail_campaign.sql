-- The development mail catcher is kept per campaign (it holds login links). Mail caught before
-- did not say its campaign: it is dropped rather than shown to the wrong campaign's admins.
DELETE FROM "caught_mail";--> statement-breakpoint
ALTER TABLE "caught_mail" ADD COLUMN "campaign_id" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "caught_mail" DROP CONSTRAINT "caught_mail_pkey";--> statement-breakpoint
ALTER TABLE "caught_mail" ADD CONSTRAINT "caught_mail_pkey" PRIMARY KEY("campaign_id","id");
