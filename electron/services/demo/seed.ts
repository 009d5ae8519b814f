import type { ImportRow } from '../../../shared/master/import-schema';
import type { OccupancyState } from '../../../shared/master/enums';
import type { ServiceCtx } from '../../host/context';
import { commitRows, type ImportCounts } from '../../workflows/master/import/commit';
import { generateSite } from './generate';
import { seedDemoSlips } from '../../workflows/slips/demo';
import { DEMO_TECHNICIANS, seedDemoRepairs } from '../../workflows/repairs/demo';
import { seedDemoDecorations } from '../../workflows/decoration/demo';
import { DELIVERED_DAYS_AGO, seedDemoMoveIns, splitHandoverTower } from '../../workflows/move-in/demo';
import { addCalendarDays } from '../../../shared/kernel/deadlines';
import type { Settings } from '../../../shared/master/schema';
import { writeSettings } from '../settings';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A stable small number from a unit code, so demo dates do not change between runs. */
function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * Seeds a demo site through the import path, with a believable history: the site was delivered three
 * years ago, units were handed over during the first year, and reached today's state some time later.
 */
/** A unit's believable dates: the site was delivered `years` ago and handed over through its first ~300 days. */
export function demoDates(row: ImportRow, today: string, years = 3) {
  const t = Date.parse(`${today}T00:00:00Z`);
  const delivered = t - years * 365 * DAY;
  const h = hash(row.unitCode);
  const handover = delivered + (h % 300) * DAY;
  const settled = Math.min(t, handover + (30 + ((h >>> 9) % 400)) * DAY);
  const stateDate = row.state === 'rented' && row.tenancyStart ? row.tenancyStart : iso(settled);
  const history: { state: OccupancyState; date: string }[] = [{ state: 'not_handed_over', date: iso(delivered) }];
  if (row.state && row.state !== 'not_handed_over') history.push({ state: 'vacant', date: iso(handover) });
  return { handover: iso(handover), stateDate: stateDate < iso(handover) ? iso(handover) : stateDate, history };
}

/** Writes generated rows with their believable dated history (inside the caller's transaction). */
export function commitDemoRows(ctx: ServiceCtx, rows: ImportRow[], counts: ImportCounts, years = 3): void {
  const today = ctx.today();
  const dates = new Map(rows.map((r) => [r.unitCode, demoDates(r, today, years)]));
  commitRows(ctx, rows, counts, {
    source: 'demo',
    history: (r) => dates.get(r.unitCode)!.history,
    stateDate: (r) => dates.get(r.unitCode)!.stateDate,
    ownerSince: (r) => dates.get(r.unitCode)!.handover,
  });
}

/** Writes the tower in handover through the import path: its units not handed over since the developer delivered it. */
function commitHandoverTower(ctx: ServiceCtx, tower: ImportRow[], counts: ImportCounts): void {
  if (!tower.length) return;
  const delivered = addCalendarDays(ctx.today(), -DELIVERED_DAYS_AGO);
  commitRows(ctx, tower, counts, { source: 'demo', history: () => [{ state: 'not_handed_over', date: delivered }], stateDate: () => delivered, ownerSince: () => delivered });
}

/**
 * A demo site: buildings, units and people with their dated history, then (unless `records` is false) release
 * slips, repairs, decoration permits and a tower's move-ins in every state. Settings the demo needs (the technicians) go through `updateSettings`, so
 * the host's cached settings see them.
 */
export function seedDemo(
  ctx: ServiceCtx,
  opts: { units: number; seed: number; records?: boolean },
  updateSettings: (ctx: ServiceCtx, patch: Partial<Settings>) => Settings = writeSettings,
): ImportCounts {
  const rows = generateSite({ seed: opts.seed, units: opts.units, today: ctx.today() });
  // One tower was delivered lately and is being handed over (move-in): its units are not handed over yet.
  const { rest, tower } = opts.records === false ? { rest: rows, tower: [] } : splitHandoverTower(rows);
  const counts: ImportCounts = { buildings: 0, units: 0, people: 0, links: 0, skipped: 0 };
  ctx.db.transaction(() => {
    commitDemoRows(ctx, rest, counts);
    commitHandoverTower(ctx, tower, counts);
    let slipCount = 0;
    let repairCount = 0;
    let decorationCount = 0;
    let moveInCount = 0;
    if (opts.records !== false) {
      slipCount = seedDemoSlips(ctx);
      const settings = ctx.settings().technicians.length ? ctx.settings() : updateSettings(ctx, { technicians: DEMO_TECHNICIANS });
      repairCount = seedDemoRepairs({ ...ctx, settings: () => settings });
      decorationCount = seedDemoDecorations(ctx);
      if (tower.length) moveInCount = seedDemoMoveIns(ctx, tower[0].buildingCode);
    }
    ctx.audit('seed-demo', 'database', null, null, { ...counts, slips: slipCount, repairs: repairCount, decorations: decorationCount, moveIns: moveInCount });
  })();
  return counts;
}
