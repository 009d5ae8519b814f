/**
 * The bones every workflow record shares (ARCHITECTURE.md convention 12): a number from its kind's per-year
 * sequence, a timeline, void with a reason, printed forms, Today items, open by number. The pure parts are
 * here; the host side is electron/kit/.
 */
import { z } from 'zod';
import type { Role } from '../master/enums';

/** One step on a record's timeline: who did what when; `detail` is the step's JSON, read by the record page. */
export const TimelineEntrySchema = z.object({ at: z.string(), userName: z.string().nullable(), action: z.string(), detail: z.string().nullable() });
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

/** Who may void a record of any kind (with a reason): a supervisor or the manager. One rule for every kind. */
export const VOID_ROLES = ['supervisor', 'manager'] as const satisfies readonly Role[];

/** The paper a form is printed on. `custom` is pre-printed continuous paper (e.g. 241 × 140 mm, 9.5″ × 5.5″). */
export type PageFormat =
  | { kind: 'A4'; orientation: 'portrait' | 'landscape' }
  | { kind: 'A5'; orientation: 'portrait' | 'landscape' }
  | { kind: 'custom'; widthMm: number; heightMm: number };

export const PAGE_FORMATS = {
  a4: { kind: 'A4', orientation: 'portrait' },
  a4Landscape: { kind: 'A4', orientation: 'landscape' },
  a5: { kind: 'A5', orientation: 'portrait' },
  a5Landscape: { kind: 'A5', orientation: 'landscape' },
  /** 241 × 140 mm continuous paper of a dot-matrix printer (multi-part carbonless forms). */
  continuous241x140: { kind: 'custom', widthMm: 241, heightMm: 140 },
} as const satisfies Record<string, PageFormat>;

const MM = 72 / 25.4;

/** The page's size in PDF points (1/72 in), as it lies on the printer (landscape: wider than high). */
export function pageSizePt(f: PageFormat): { width: number; height: number } {
  if (f.kind === 'custom') return { width: f.widthMm * MM, height: f.heightMm * MM };
  const [w, h] = f.kind === 'A4' ? [210, 297] : [148, 210];
  const [width, height] = f.orientation === 'landscape' ? [h, w] : [w, h];
  return { width: width * MM, height: height * MM };
}

/** How the format is named to a person (Settings, `cli forms`). */
export function pageFormatLabel(f: PageFormat): string {
  if (f.kind === 'custom') return `${f.widthMm} × ${f.heightMm} mm`;
  return f.orientation === 'landscape' ? `${f.kind} landscape` : f.kind;
}
