CREATE TABLE "mobilisation_refreshes" (
	"campaign_id" integer NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "mobilisation_refreshes_pkey" PRIMARY KEY("campaign_id")
);
