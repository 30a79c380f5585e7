DROP INDEX "people_departement_idx";--> statement-breakpoint
CREATE INDEX "people_departement_created_idx" ON "people" USING btree ("departement_code","created_at");