CREATE TABLE "field_addresses" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "field_addresses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"ban_id" text NOT NULL,
	"street_key" text NOT NULL,
	"street_name" text NOT NULL,
	"number" integer NOT NULL,
	"suffix" text,
	"postal_code" text,
	"commune_code" text NOT NULL,
	"commune_name" text NOT NULL,
	"lon" double precision NOT NULL,
	"lat" double precision NOT NULL,
	"location" "point" NOT NULL,
	"station_id" text,
	"station_link" text,
	"do_not_visit" boolean DEFAULT false NOT NULL,
	"import_id" bigint,
	CONSTRAINT "field_addresses_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
CREATE TABLE "field_areas" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "field_areas_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"stations" text[] DEFAULT '{}'::text[] NOT NULL,
	"communes" text[] DEFAULT '{}'::text[] NOT NULL,
	"geojson" jsonb,
	"polygon" "polygon",
	"bbox" "box",
	"door_count" integer DEFAULT 0 NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "field_areas_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
CREATE TABLE "field_elections" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "field_elections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"import_id" bigint NOT NULL,
	"label" text NOT NULL,
	"layout" text NOT NULL,
	"candidates" jsonb NOT NULL,
	"stations" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "field_elections_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
CREATE TABLE "field_event_turfs" (
	"campaign_id" integer NOT NULL,
	"event_id" bigint NOT NULL,
	"turf_id" bigint NOT NULL,
	CONSTRAINT "field_event_turfs_pkey" PRIMARY KEY("campaign_id","event_id","turf_id")
);
--> statement-breakpoint
CREATE TABLE "field_import_files" (
	"campaign_id" integer NOT NULL,
	"import_id" bigint NOT NULL,
	"seq" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "field_import_files_pkey" PRIMARY KEY("campaign_id","import_id","seq")
);
--> statement-breakpoint
CREATE TABLE "field_imports" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "field_imports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"size" integer NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"label" text,
	"report" jsonb,
	"error_code" text,
	"error_message" text,
	"started_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "field_imports_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
CREATE TABLE "field_questionnaire_versions" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "field_questionnaire_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"questionnaire_id" bigint NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "field_questionnaire_versions_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
CREATE TABLE "field_questionnaires" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "field_questionnaires_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"current_version_id" bigint,
	"archived" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "field_questionnaires_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
CREATE TABLE "field_reu_addresses" (
	"campaign_id" integer NOT NULL,
	"ban_id" text NOT NULL,
	"station_id" text NOT NULL,
	"commune_code" text NOT NULL,
	"geo_type" text,
	"lon" double precision,
	"lat" double precision,
	"location" "point",
	"weight" integer,
	CONSTRAINT "field_reu_addresses_pkey" PRIMARY KEY("campaign_id","ban_id","station_id")
);
--> statement-breakpoint
CREATE TABLE "field_station_results" (
	"campaign_id" integer NOT NULL,
	"election_id" bigint NOT NULL,
	"station_id" text NOT NULL,
	"commune_code" text NOT NULL,
	"commune_name" text NOT NULL,
	"department_code" text NOT NULL,
	"constituency_code" text,
	"registered" integer NOT NULL,
	"abstentions" integer NOT NULL,
	"voters" integer NOT NULL,
	"expressed" integer NOT NULL,
	"candidates" jsonb NOT NULL,
	CONSTRAINT "field_station_results_pkey" PRIMARY KEY("campaign_id","election_id","station_id")
);
--> statement-breakpoint
CREATE TABLE "field_stations" (
	"campaign_id" integer NOT NULL,
	"id" text NOT NULL,
	"commune_code" text NOT NULL,
	"lon" double precision,
	"lat" double precision,
	"reu_points" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "field_stations_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
CREATE TABLE "field_support_tallies" (
	"campaign_id" integer NOT NULL,
	"turf_id" bigint NOT NULL,
	"address_id" bigint NOT NULL,
	"level" smallint NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "field_support_tallies_pkey" PRIMARY KEY("campaign_id","turf_id","address_id","level")
);
--> statement-breakpoint
CREATE TABLE "field_targeting" (
	"campaign_id" integer NOT NULL,
	"election_id" bigint,
	"choice" jsonb,
	"formula" text NOT NULL,
	"updated_by" bigint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "field_targeting_pkey" PRIMARY KEY("campaign_id")
);
--> statement-breakpoint
CREATE TABLE "field_turf_addresses" (
	"campaign_id" integer NOT NULL,
	"turf_id" bigint NOT NULL,
	"position" integer NOT NULL,
	"address_id" bigint NOT NULL,
	"side" text,
	CONSTRAINT "field_turf_addresses_pkey" PRIMARY KEY("campaign_id","turf_id","position")
);
--> statement-breakpoint
CREATE TABLE "field_turf_assignees" (
	"campaign_id" integer NOT NULL,
	"turf_id" bigint NOT NULL,
	"person_id" bigint NOT NULL,
	"assigned_by" bigint,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "field_turf_assignees_pkey" PRIMARY KEY("campaign_id","turf_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "field_turfs" (
	"campaign_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "field_turfs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"area_id" bigint NOT NULL,
	"name" text NOT NULL,
	"committee_id" bigint,
	"starts_on" date,
	"ends_on" date,
	"door_count" integer DEFAULT 0 NOT NULL,
	"lon" double precision,
	"lat" double precision,
	"outline" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "field_turfs_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
CREATE TABLE "field_visits" (
	"campaign_id" integer NOT NULL,
	"id" uuid NOT NULL,
	"turf_id" bigint NOT NULL,
	"address_id" bigint NOT NULL,
	"volunteer_person_id" bigint NOT NULL,
	"outcome" text NOT NULL,
	"mode" text NOT NULL,
	"building" text,
	"floor" text,
	"door" text,
	"version_id" bigint,
	"answers" jsonb,
	"support_level" smallint,
	"person_id" bigint,
	"notes" text,
	"visited_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "field_visits_pkey" PRIMARY KEY("campaign_id","id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "field_addresses_ban_idx" ON "field_addresses" USING btree ("campaign_id","ban_id");--> statement-breakpoint
CREATE INDEX "field_addresses_street_idx" ON "field_addresses" USING btree ("campaign_id","commune_code","street_key","number");--> statement-breakpoint
CREATE INDEX "field_addresses_station_idx" ON "field_addresses" USING btree ("campaign_id","station_id");--> statement-breakpoint
CREATE INDEX "field_addresses_location_idx" ON "field_addresses" USING gist ("campaign_id","location");--> statement-breakpoint
CREATE INDEX "field_addresses_unlinked_idx" ON "field_addresses" USING btree ("campaign_id","import_id") WHERE station_id IS NULL;--> statement-breakpoint
CREATE INDEX "field_event_turfs_turf_idx" ON "field_event_turfs" USING btree ("campaign_id","turf_id");--> statement-breakpoint
CREATE INDEX "field_imports_created_idx" ON "field_imports" USING btree ("campaign_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "field_questionnaire_versions_number_idx" ON "field_questionnaire_versions" USING btree ("campaign_id","questionnaire_id","version");--> statement-breakpoint
CREATE INDEX "field_reu_addresses_location_idx" ON "field_reu_addresses" USING gist ("campaign_id","commune_code","location") WHERE location IS NOT NULL;--> statement-breakpoint
CREATE INDEX "field_station_results_commune_idx" ON "field_station_results" USING btree ("campaign_id","election_id","commune_code");--> statement-breakpoint
CREATE INDEX "field_stations_commune_idx" ON "field_stations" USING btree ("campaign_id","commune_code");--> statement-breakpoint
CREATE INDEX "field_turf_addresses_address_idx" ON "field_turf_addresses" USING btree ("campaign_id","address_id");--> statement-breakpoint
CREATE INDEX "field_turf_assignees_person_idx" ON "field_turf_assignees" USING btree ("campaign_id","person_id");--> statement-breakpoint
CREATE INDEX "field_turfs_area_idx" ON "field_turfs" USING btree ("campaign_id","area_id");--> statement-breakpoint
CREATE INDEX "field_turfs_committee_idx" ON "field_turfs" USING btree ("campaign_id","committee_id");--> statement-breakpoint
CREATE INDEX "field_visits_turf_idx" ON "field_visits" USING btree ("campaign_id","turf_id","visited_at");--> statement-breakpoint
CREATE INDEX "field_visits_address_idx" ON "field_visits" USING btree ("campaign_id","address_id");--> statement-breakpoint
CREATE INDEX "field_visits_volunteer_person_idx" ON "field_visits" USING btree ("campaign_id","volunteer_person_id");--> statement-breakpoint
CREATE INDEX "field_visits_person_idx" ON "field_visits" USING btree ("campaign_id","person_id") WHERE person_id IS NOT NULL;