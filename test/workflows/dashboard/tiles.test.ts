/**
 * The manager's dashboard on real SQLite through the real host: a small site scripted from December 2025 to
 * 15 March 2026 (states set on dates, three release slips, a backup), each tile's figures against a hand count;
 * the same figures with no month end kept (rolled back from now); a finalised month and a late change after it;
 * the manager gets the tiles in their fixed order, a clerk gets none.
 */
import { describe, expect, it } from 'vitest';
import zhCN from '../../../shared/i18n/zh-CN';
import en from '../../../shared/i18n/en';
import type { ChannelOutput } from '../../../shared/contract';
import { TileSchema, type Tile, type Text } from '../../../shared/kernel/dashboard';
import type { OccupancyState } from '../../../shared/master/enums';
import { PASSWORD, testEnv, type TestEnv } from '../../helpers/host';
import { temporarySlip } from '../../helpers/slip-draft';

const SESSIONS = ['mgr', 'clerk'];

async function on(env: TestEnv, iso: string) {
  env.clock.set(iso.length === 10 ? `${iso}T04:00:00.000Z` : iso);
  for (const s of SESSIONS) await env.ok('auth.unlock', { password: PASSWORD }, s);
}

const setState = (env: TestEnv, unitId: string, state: OccupancyState, effectiveDate: string) => env.ok('units.setOccupancy', { unitId, state, effectiveDate, note: null });

const person = (name: string, phone: string) =>
  ({ kind: 'person', name, phone, phone2: null, idType: null, idNumber: null, contactPerson: null, emergencyName: null, emergencyPhone: null, birthday: null, note: null }) as const;

/**
 * Building 1: A, B, C, D handed over at various dates, E never given a state.
 *   2025-12-05  A B C D not handed over
 *   2026-01-06  A B vacant;           2026-01-20  B rented           → Jan end: 1 occupied of 2 handed over = 50.00 %
 *   2026-02-10  A owner-occupied, C vacant                         → Feb end: 2 of 3 = 66.67 %
 *   2026-03-05  C under decoration, B vacant;  2026-03-10  D vacant  → now (15 Mar): 1 of 4 = 25.00 %
 */
async function buildSite() {
  const env = testEnv();
  env.clock.set('2025-12-01T04:00:00.000Z');
  await env.init();
  await env.addUser('clerk');
  const b = await env.ok('buildings.create', { code: '1', name: '1号楼', note: null });
  const unit = async (code: string) => (await env.ok('units.create', { buildingId: b.id, code, use: 'residential', floor: 1, areaM2: 90, note: null })).id;
  const u = { A: await unit('1-101'), B: await unit('1-102'), C: await unit('1-103'), D: await unit('1-104'), E: await unit('1-105') };
  const owner = await env.ok('people.create', person('张三', '13812345678'));
  for (const k of ['A', 'B', 'C', 'D'] as const) await env.ok('links.create', { unitId: u[k], personId: owner.id, relation: 'owner', startDate: '2025-12-01', endDate: null });
  await on(env, '2025-12-05');
  for (const k of ['A', 'B', 'C', 'D'] as const) await setState(env, u[k], 'not_handed_over', '2025-12-05');
  await on(env, '2026-01-06');
  await setState(env, u.A, 'vacant', '2026-01-06');
  await setState(env, u.B, 'vacant', '2026-01-06');
  await on(env, '2026-01-20');
  await setState(env, u.B, 'rented', '2026-01-20');
  await on(env, '2026-02-10');
  await setState(env, u.A, 'owner_occupied', '2026-02-10');
  await setState(env, u.C, 'vacant', '2026-02-10');
  await on(env, '2026-03-05');
  await setState(env, u.C, 'under_decoration', '2026-03-05');
  await setState(env, u.B, 'vacant', '2026-03-05');
  await on(env, '2026-03-10');
  await setState(env, u.D, 'vacant', '2026-03-10');
  await on(env, '2026-03-15');
  return { env, u };
}

const draft = temporarySlip;

/** Three slips on 15 March: one out through the gate, one ready to issue, one awaiting its verification call. */
async function slips(env: TestEnv, u: Record<string, string>) {
  const made: string[] = [];
  for (const k of ['A', 'B', 'D']) {
    const s = await env.ok('slips.create', draft(u[k]), 'clerk');
    await env.ok('slips.submit', { id: s.id }, 'clerk');
    made.push(s.id);
  }
  for (const id of made.slice(0, 2)) {
    await env.ok('slips.recordCall', { slipId: id, contactRole: 'owner', contactName: '张三', contactPhone: '13812345678', calledAt: env.clock.now().toISOString(), answer: 'agreed', note: null }, 'clerk');
  }
  const issued = await env.ok('slips.issue', { slipId: made[0], signatures: { clerk: { mode: 'paper' }, carrier: { mode: 'paper' }, owner: { mode: 'recording' } }, recordingRef: 'REC-1', acknowledgeFrequent: false }, 'clerk');
  await env.ok('gate.exit', { number: issued.number }, 'clerk');
}

const tile = <K extends Tile['kind']>(tiles: Tile[], id: string, kind: K) => {
  const t = tiles.find((x) => x.id === id);
  expect(t, id).toBeDefined();
  expect(t!.kind, id).toBe(kind);
  return t as Extract<Tile, { kind: K }>;
};

const byState = (tiles: Tile[]) => Object.fromEntries(tile(tiles, 'occupancy.byState', 'breakdown').parts.map((p) => [p.key, [p.value, p.change]]));

type Tree = { [k: string]: string | Tree };
const has = (tree: Tree, key: string) => key.split('.').reduce<string | Tree | undefined>((t, k) => (t && typeof t === 'object' ? t[k] : undefined), tree) !== undefined;

/** Every tile is valid by the kit's schema, and every text it names is a message in both languages. */
function checkTiles(tiles: ChannelOutput<'today.summary'>['tiles']) {
  const texts: Text[] = [];
  for (const t of tiles) {
    expect(TileSchema.safeParse(t).success, t.id).toBe(true);
    texts.push({ key: t.title });
    if (t.kind === 'breakdown') texts.push(...t.parts.map((p) => p.label), ...(t.changeLabel ? [t.changeLabel] : []), ...(t.empty ? [t.empty] : []));
    if (t.kind === 'status') texts.push(t.message);
    if ('note' in t && t.note) texts.push(t.note);
  }
  for (const { key } of texts) for (const [lang, tree] of [['zh-CN', zhCN], ['en', en]] as const) expect(has(tree as Tree, key), `${lang} ${key}`).toBe(true);
}

describe('the manager’s dashboard', () => {
  it('counts each tile by hand on a scripted site, in a fixed order, for the manager only', async () => {
    const { env, u } = await buildSite();
    await slips(env, u);
    await env.host.integrity();
    const summary = await env.ok('today.summary', {});
    const tiles = summary.tiles;
    checkTiles(tiles);
    // (No handover on this site: move-in's two tiles come with its first record or notice — test/workflows/move-in.)
    expect(tiles.map((t) => t.id)).toEqual(['occupancy.byState', 'occupancy.rateTrend', 'report.lastMonth', 'slips.exitedToday', 'slips.waiting', 'repairs.callbackRateToday', 'repairs.callbackRateWeek', 'repairs.callbackRateMonth', 'repairs.open', 'decoration.approvals', 'decoration.depositsHeld', 'decoration.refunds', 'safety.backup', 'safety.integrity']);

    // Now: A owner-occupied; B, D vacant; C under decoration; E no state. Against 28 Feb: A owner-occupied, B rented, C vacant, D not handed over.
    expect(byState(tiles)).toEqual({
      not_handed_over: [0, -1],
      vacant: [2, 1],
      under_decoration: [1, 1],
      owner_occupied: [1, 0],
      office_in_use: [0, 0],
      rented: [0, -1],
      unknown: [1, null],
    });
    const states = tile(tiles, 'occupancy.byState', 'breakdown');
    expect(states.link).toBe('/units');
    expect(states.parts.find((p) => p.key === 'vacant')?.link).toBe('/units?state=vacant');
    expect(states.changeLabel).toEqual({ key: 'dashboard.byState.change', params: { date: '2026-02-28' } });

    // April 2025 … November 2025: no unit had a state; December: none handed over; then 50 %, 66.67 %, 25 % so far.
    const trend = tile(tiles, 'occupancy.rateTrend', 'trend');
    expect(trend.points.map((p) => p.period)).toEqual(['2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03']);
    expect(trend.points.map((p) => p.value)).toEqual([null, null, null, null, null, null, null, null, null, 5000, 6667, 2500]);
    expect(trend).toMatchObject({ format: 'bp', link: '/reports/occupancy?month=2026-02', note: { key: 'dashboard.rateTrend.note' } });

    // The 15th is after the due day (the 3rd) and February is not finalised.
    expect(tile(tiles, 'report.lastMonth', 'status')).toMatchObject({ tone: 'bad', message: { key: 'dashboard.report.overdue', params: { month: '2026-02', date: '2026-03-03' } }, link: '/reports/occupancy?month=2026-02' });

    expect(tile(tiles, 'slips.exitedToday', 'stat')).toMatchObject({ value: 1, link: '/slips?state=exited' });
    expect(Object.fromEntries(tile(tiles, 'slips.waiting', 'breakdown').parts.map((p) => [p.key, p.value]))).toEqual({ awaitingVerification: 1, readyToIssue: 1, feesToConfirm: 0 });
    // The queues agree with Today's own lists.
    expect([summary.slips.awaitingVerification.length, summary.slips.readyToIssue.length, summary.slips.exitedToday.length]).toEqual([1, 1, 1]);

    expect(tile(tiles, 'safety.backup', 'status')).toMatchObject({ tone: 'bad', message: { key: 'dashboard.backup.never' }, link: '/backup' });
    expect(tile(tiles, 'safety.integrity', 'status')).toMatchObject({ tone: 'ok', message: { key: 'dashboard.integrity.ok' } });
    // No decoration permit on this site: nothing waits, nothing is held.
    expect(tile(tiles, 'decoration.depositsHeld', 'stat')).toMatchObject({ format: 'fen', value: 0, link: '/decoration/ledger' });
    expect(tile(tiles, 'decoration.refunds', 'breakdown').parts.map((p) => p.value)).toEqual([0, 0]);

    // A backup, then five hours later; then two days later with none since.
    const b = env.host.backupNow('manual');
    await on(env, '2026-03-15T09:00:00.000Z');
    expect(tile((await env.ok('today.summary', {})).tiles, 'safety.backup', 'status')).toMatchObject({ tone: 'ok', message: { key: 'dashboard.backup.hoursAgo', params: { count: 5 } }, at: b.createdAt });
    await on(env, '2026-03-17T06:00:00.000Z');
    expect(tile((await env.ok('today.summary', {})).tiles, 'safety.backup', 'status')).toMatchObject({ tone: 'warn', message: { key: 'dashboard.backup.daysAgo', params: { count: 2 } } });

    // A clerk's Today has no dashboard (the lists behind it keep their own permissions).
    expect((await env.ok('today.summary', {}, 'clerk')).tiles).toEqual([]);
  });

  it('gives the same figures with no month end kept (rolled back from now over the units changed since)', async () => {
    const { env } = await buildSite();
    const before = (await env.ok('today.summary', {})).tiles;
    expect(env.count('SELECT count(*) FROM occupancy_month_ends')).toBeGreaterThan(0);
    env.db().exec('DELETE FROM occupancy_month_end_counts; DELETE FROM occupancy_month_ends;');
    const after = (await env.ok('today.summary', {})).tiles;
    expect(after.slice(0, 2)).toEqual(before.slice(0, 2));
  });

  it('shows a finalised month as finalised, and the units changed after it', async () => {
    const { env, u } = await buildSite();
    const draftFeb = await env.ok('occupancyReport.get', { month: '2026-02', draft: true });
    for (const w of draftFeb.warnings.filter((x) => x.acceptable)) await env.ok('occupancyReport.accept', { month: '2026-02', kind: w.kind, subjectId: w.subjectId, reason: '已核实' });
    const fin = await env.ok('occupancyReport.finalise', { month: '2026-02' });
    let tiles = (await env.ok('today.summary', {})).tiles;
    checkTiles(tiles);
    expect(tile(tiles, 'report.lastMonth', 'status')).toMatchObject({ tone: 'ok', message: { key: 'dashboard.report.final', params: { month: '2026-02', number: fin.snapshot!.number } } });

    // C was in fact let on 20 February (entered late): February's end changes, the finalised report does not.
    await setState(env, u.C, 'rented', '2026-02-20');
    tiles = (await env.ok('today.summary', {})).tiles;
    checkTiles(tiles);
    expect(tile(tiles, 'report.lastMonth', 'status')).toMatchObject({ tone: 'warn', message: { key: 'dashboard.report.finalChanged', params: { count: 1 } } });
    expect(tile(tiles, 'occupancy.rateTrend', 'trend').points.at(-2)).toEqual({ period: '2026-02', value: 6667 });
    // Against 28 Feb as the history now has it: A owner-occupied, B rented, C rented, D not handed over.
    expect(byState(tiles)).toMatchObject({ not_handed_over: [0, -1], vacant: [2, 2], under_decoration: [1, 1], owner_occupied: [1, 0], rented: [0, -2] });
  });
});
