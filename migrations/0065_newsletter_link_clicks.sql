CREATE TABLE "newsletter_link_clicks" (
	"campaign_id" integer NOT NULL,
	"newsletter_id" bigint NOT NULL,
	"link" integer NOT NULL,
	"clicks" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "newsletter_link_clicks_pkey" PRIMARY KEY("campaign_id","newsletter_id","link")
);
