import { z } from 'zod';

/**
 * The dashboard's tile kit: each workflow contributes tiles from its `tiles(ctx)` (next to its today.ts), the
 * host puts them in a fixed order on Today for the manager, and the renderer draws any tile by its kind alone.
 * A tile says what to show, never how: text is a message key (with params) translated by the renderer, numbers
 * are raw (formatted there), and `link` is the route of the list behind the figure.
 */

export const TONES = ['ok', 'warn', 'bad', 'neutral'] as const;
export const ToneSchema = z.enum(TONES);
export type Tone = z.infer<typeof ToneSchema>;

/** A translatable text: a message key and its interpolation params. */
export const TextSchema = z.object({ key: z.string().min(1), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() });
export type Text = z.infer<typeof TextSchema>;

/** How a figure is written: a count, basis points shown as a percentage (8523 → 85.23 %), or money in fen (¥1,000.00). */
export const FigureFormatSchema = z.enum(['int', 'bp', 'fen']);
export type FigureFormat = z.infer<typeof FigureFormatSchema>;

/** A route inside the app (hash router path with its query), never a URL. */
const route = z.string().regex(/^\/[^\s]*$/);

const base = {
  /** Stable: `<workflow>.<name>`, e.g. `occupancy.byState`; the e2e tests and the renderer's test ids use it. */
  id: z.string().regex(/^[a-z][A-Za-z]*(\.[a-z][A-Za-z]*)+$/),
  title: z.string().min(1),
  link: route,
  tone: ToneSchema.optional(),
};

/** One number, optionally against a previous value (the renderer shows the difference). */
export const StatTileSchema = z.object({
  ...base,
  kind: z.literal('stat'),
  format: FigureFormatSchema,
  value: z.number().nullable(),
  previous: z.number().nullable().optional(),
  /** What `previous` was, e.g. "at the end of last month". */
  previousLabel: TextSchema.optional(),
  note: TextSchema.optional(),
});

/** Labelled counts (units by state, slips by queue), each with its own list and, optionally, its change. */
export const BreakdownTileSchema = z.object({
  ...base,
  kind: z.literal('breakdown'),
  parts: z.array(
    z.object({
      key: z.string().min(1),
      label: TextSchema,
      value: z.number().int(),
      /** The change over the tile's period (e.g. since last month's end); null when not known. */
      change: z.number().int().nullable().optional(),
      link: route.optional(),
      tone: ToneSchema.optional(),
    }),
  ),
  /** What `change` is measured against. */
  changeLabel: TextSchema.optional(),
  /** Said instead of the parts when every one is zero with no change (e.g. a new site with no units). */
  empty: TextSchema.optional(),
  note: TextSchema.optional(),
});

/** A series over periods (oldest first); a null value is a period with no figure. */
export const TrendTileSchema = z.object({
  ...base,
  kind: z.literal('trend'),
  format: FigureFormatSchema,
  points: z.array(z.object({ period: z.string().min(1), value: z.number().nullable() })),
  note: TextSchema.optional(),
});

/** A state in words: a tone, a message, optionally when. */
export const StatusTileSchema = z.object({
  ...base,
  kind: z.literal('status'),
  tone: ToneSchema,
  message: TextSchema,
  /** ISO timestamp the status refers to (last backup, last check), shown in local time. */
  at: z.string().nullable().optional(),
});

export const TileSchema = z.discriminatedUnion('kind', [StatTileSchema, BreakdownTileSchema, TrendTileSchema, StatusTileSchema]);
export type Tile = z.infer<typeof TileSchema>;
export type StatTile = z.infer<typeof StatTileSchema>;
export type BreakdownTile = z.infer<typeof BreakdownTileSchema>;
export type TrendTile = z.infer<typeof TrendTileSchema>;
export type StatusTile = z.infer<typeof StatusTileSchema>;

export const text = (key: string, params?: Text['params']): Text => (params ? { key, params } : { key });
