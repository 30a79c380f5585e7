-- btree_gin puts the département in the trigram index (a trusted extension, in contrib).
CREATE EXTENSION IF NOT EXISTS btree_gin;--> statement-breakpoint
DROP INDEX "people_search_trgm_idx";--> statement-breakpoint
CREATE INDEX "people_search_trgm_idx" ON "people" USING gin ("departement_code","search_text" gin_trgm_ops);