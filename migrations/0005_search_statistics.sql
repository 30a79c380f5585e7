-- A finer histogram of the search text lets the planner tell a common search term from a
-- rare one (see people/queries.ts: the search picks its plan from that estimate).
ALTER TABLE "people" ALTER COLUMN "search_text" SET STATISTICS 1000;
