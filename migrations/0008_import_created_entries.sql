-- A person created by an import shows it from people.import_id (features/people/import-entry.ts):
-- the rows written for it before would now appear twice.
DELETE FROM "person_events" p
 USING "people" x
 WHERE p."kind" = 'import' AND p."data"->>'created' = 'true'
   AND x."id" = p."person_id" AND x."import_id" = (p."data"->>'importId')::bigint;
