CREATE TABLE "field_electors" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "field_electors_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"import_id" bigint NOT NULL,
	"election_id" bigint NOT NULL,
	"commune_code" text NOT NULL,
	"station_id" text NOT NULL,
	"list_number" text,
	"sex" text,
	"birth_name" text NOT NULL,
	"usage_name" text,
	"given_names" text NOT NULL,
	"birth_date" date,
	"number" integer,
	"suffix" text,
	"street" text,
	"complement" text,
	"postal_code" text,
	"city" text,
	"street_key" text,
	"address_id" bigint,
	CONSTRAINT "field_electors_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
ALTER TABLE "field_areas" ADD COLUMN "questionnaire_id" bigint;--> statement-breakpoint
ALTER TABLE "field_imports" ADD COLUMN "election_id" bigint;--> statement-breakpoint
CREATE INDEX "field_electors_station_idx" ON "field_electors" USING btree ("campaign_id","station_id");--> statement-breakpoint
CREATE INDEX "field_electors_commune_idx" ON "field_electors" USING btree ("campaign_id","commune_code");--> statement-breakpoint
CREATE INDEX "field_electors_address_idx" ON "field_electors" USING btree ("campaign_id","address_id") WHERE address_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "field_electors_election_idx" ON "field_electors" USING btree ("campaign_id","election_id");--> statement-breakpoint
CREATE INDEX "field_addresses_street_name_idx" ON "field_addresses" USING btree ("campaign_id","commune_code",reverse(split_part(btrim(reverse(translate(replace(replace(lower(reverse(split_part(btrim(reverse("street_name")), ' ', 1))), 'œ', 'oe'), 'Œ', 'oe'), 'àâäáçéèêëíîïñóôöúùûüÿÀÂÄÁÇÉÈÊËÍÎÏÑÓÔÖÚÙÛÜŸ''’-.()', 'aaaaceeeeiiinooouuuuyaaaaceeeeiiinooouuuuy      '))), ' ', 1)));