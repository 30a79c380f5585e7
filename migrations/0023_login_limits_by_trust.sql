CREATE TABLE "login_trust" (
	"campaign_id" integer NOT NULL,
	"email_hash" text NOT NULL,
	"ip_hash" text NOT NULL,
	"last_login_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "login_trust_pkey" PRIMARY KEY("campaign_id","email_hash","ip_hash")
);
--> statement-breakpoint
ALTER TABLE "login_codes" ADD COLUMN "trusted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "password_failures" ADD COLUMN "ip_hash" text;--> statement-breakpoint
ALTER TABLE "password_failures" ADD COLUMN "trusted" boolean DEFAULT false NOT NULL;