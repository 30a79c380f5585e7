import { doublePrecision, integer, pgTable, primaryKey, smallint, text } from 'drizzle-orm/pg-core';
import { campaignId } from '../db/columns.ts';

/**
 * Points of a map layer (committees, events) counted per grid cell at a few levels, kept in
 * step by the layer's owner as its points come and go: a map at any zoom reads a bounded
 * number of cells, whatever the number of points (core/geo/map-cells.ts).
 */
export const mapCells = pgTable(
  'map_cells',
  {
    campaignId: campaignId(),
    layer: text('layer').notNull(),
    level: smallint('level').notNull(),
    cx: integer('cx').notNull(),
    cy: integer('cy').notNull(),
    /** Points in the cell, and the sums of their Web Mercator coordinates (their centre). */
    n: integer('n').notNull(),
    sx: doublePrecision('sx').notNull(),
    sy: doublePrecision('sy').notNull(),
  },
  (t) => [
    primaryKey({
      name: 'map_cells_pkey',
      columns: [t.campaignId, t.layer, t.level, t.cx, t.cy],
    }),
  ],
);
