-- The events on the map are counted per type too (layer 'events:<type>', see
-- core/geo/map-cells.ts): the events already there get their type's cells, as applyToCells
-- would have written them (cell side = the world's width 2π × 6,378,137 m / 2^level).
INSERT INTO "map_cells" ("campaign_id", "layer", "level", "cx", "cy", "n", "sx", "sy")
SELECT e."campaign_id", 'events:' || e."type", l.level,
       floor((e."location"[0] + pi() * 6378137) / (2 * pi() * 6378137 / 2 ^ l.level))::int,
       floor((e."location"[1] + pi() * 6378137) / (2 * pi() * 6378137 / 2 ^ l.level))::int,
       count(*)::int, sum(e."location"[0]), sum(e."location"[1])
  FROM "events" e CROSS JOIN unnest(ARRAY[4,5,6,7,8,9,10,11,12,13,14,15,16]) AS l(level)
 WHERE e."on_map"
 GROUP BY 1, 2, 3, 4, 5;
