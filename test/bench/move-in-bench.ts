/**
 * Section 10 of `npm run bench` (--move-in-only): move-in (入伙) and moving in (入住) at the large site. The
 * move-in data (test/bench/move-in.ts: 20,000 move-ins, 200,000 inspection items, 30,000 rectification items, a
 * batch of 2,000 notices being handed over, 5,000 moving-ins) is seeded into the cached site the first time the
 * section runs on it (one transaction, timed). What the desk feels: a move-in's page, the handover register of the
 * 2,000-unit batch, the overdue rectification items on Today, the lists and their searches, and every form
 * registered for move-ins and moving-ins (records.ts `forms`), printed as the desk prints them. Each statement
 * the measured calls run is shown with its EXPLAIN QUERY PLAN; one scanning a move-in table whole is named.
 */
import type { Db } from '../../db/connection';
import { setSlowLog } from '../../db/statements';
import type { Host } from '../../electron/host/host';
import { moveInRecords, movingInRecords } from '../../electron/workflows/move-in/records';
import * as repo from '../../electron/workflows/move-in/repo';
import { getMoveIn, listMoveIns, listMovingIns, listNotices, listRectifications, register, siteToday } from '../../electron/workflows/move-in/service';
import { moveInTiles } from '../../electron/workflows/move-in/tiles';
import { moveInToday } from '../../electron/workflows/move-in/today';
import type { Register } from '../../shared/workflows/move-in/schema';
import type { Tools as DecorationTools } from './decoration-bench';
import { MOVE_IN_SITE, seedMoveIns } from './move-in';
import { USERS } from './site';
import { int, mib, ms1, timed } from './stats';

type Budget = { limit: number; hard: boolean };
export type Tools = Omit<DecorationTools, 'budget' | 'expected'> & {
  budget: { moveInGetP95Ms: Budget; moveInRegisterMs: Budget; moveInOverdueP95Ms: Budget; moveInTodayP95Ms: Budget; moveInListP95Ms: Budget; moveInFormPdfMs: Budget };
};

const TABLES = ['move_ins', 'move_in_batches', 'move_in_notices', 'move_in_owners', 'move_in_steps', 'move_in_family', 'move_in_inspection_items', 'move_in_rectifications', 'moving_ins', 'moving_in_receipts', 'record_events'];
const ALIASES: Record<string, string> = { m: 'move_ins', n: 'move_in_notices', b: 'move_in_batches', o: 'move_in_owners', s: 'move_in_steps', f: 'move_in_family', i: 'move_in_inspection_items', r: 'move_in_rectifications', mi: 'moving_ins', e: 'record_events' };

/** NULL for every parameter (`?` and `:name`): the plan does not depend on the values (the app never runs ANALYZE). */
function nullParams(sql: string): unknown[] {
  const bare = sql.replace(/'[^']*'/g, "''");
  const names = [...new Set([...bare.matchAll(/(?<![\w'])[:@$]([a-z_]\w*)/gi)].map((m) => m[1]))];
  if (names.length) return [Object.fromEntries(names.map((n) => [n, null]))];
  return Array.from({ length: (bare.match(/\?/g) ?? []).length }, () => null);
}

interface PlanLine {
  sql: string;
  plan: string[];
  scans: string[];
}
/** Runs `fn` once with every statement it prepares captured, and explains each distinct one. */
function explain(db: Db, restore: () => void, fn: () => unknown): PlanLine[] {
  const seen = new Set<string>();
  setSlowLog(db, -1, (sql) => seen.add(sql));
  try {
    fn();
  } finally {
    restore();
  }
  return [...seen].filter((sql) => /^\s*(SELECT|WITH)/i.test(sql)).map((sql) => {
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...nullParams(sql)) as { detail: string }[]).map((r) => r.detail);
    const scans = plan.filter((d) => {
      const m = /^SCAN (\w+)(?: AS (\w+))?(.*)$/.exec(d);
      if (!m || /USING (COVERING )?INDEX/.test(m[3])) return false;
      return TABLES.includes(ALIASES[m[2] ?? m[1]] ?? m[2] ?? m[1]) || TABLES.includes(m[1]);
    });
    return { sql, plan, scans };
  });
}

export async function benchMoveInSection(host: Host, t: Tools): Promise<void> {
  const { say, check, info, failure, repeat, fmtSummary, unwrap, budget } = t;
  const db = host.ctx(null).db;
  const restoreSlowLog = () => setSlowLog(db, host.ctx(null).settings().slowQueryMs, (sql, ms) => t.log('warn', `slow query ${ms.toFixed(0)} ms: ${sql.slice(0, 300)}`));
  const count = (sql: string, ...p: unknown[]) => db.prepare(sql).pluck().get(...p) as number;
  const user = (name: string) => db.prepare('SELECT id FROM users WHERE username = ?').pluck().get(name) as string;

  // ---- the data: seeded once into the cached site ----
  if (count('SELECT count(*) FROM move_ins') < MOVE_IN_SITE.moveIns) {
    if (count('SELECT count(*) FROM move_ins')) throw new Error('the site has some move-ins but fewer than the bench asks for; run with --fresh');
    const s = host.ctx(null).settings();
    const seeded = await timed(() =>
      seedMoveIns(db, {
        now: Date.now(),
        years: 5,
        clerks: [user(USERS.clerk.username), user(USERS.clerk2.username), user(USERS.clerk3.username)],
        cashier: user(USERS.manager.username),
        supervisor: user(USERS.supervisor.username),
        settings: s,
      }),
    );
    const c = seeded.value;
    say(`seeded ${int(c.moveIns)} move-ins (${Object.entries(c.byState).map(([k, v]) => `${k} ${int(v)}`).join(', ')}), ${int(c.batches)} batches of ${int(c.notices)} notices, ${int(c.steps)} steps, ${int(c.items)} inspection items, ${int(c.rects)} rectification items, ${int(c.movingIns)} moving-ins with ${int(c.receipts)} receipts, ${int(c.events)} timeline events in ${(seeded.ms / 1000).toFixed(1)} s (once, into the cached site)`);
    info('move-in data seeded into the cached site (first run only)', `${(seeded.ms / 1000).toFixed(1)} s`);
  }
  const moveIns = count('SELECT count(*) FROM move_ins');
  say(`move-ins ${int(moveIns)} · notices ${int(count('SELECT count(*) FROM move_in_notices'))} in ${int(count('SELECT count(*) FROM move_in_batches'))} batches · inspection items ${int(count('SELECT count(*) FROM move_in_inspection_items'))} · rectification items ${int(count('SELECT count(*) FROM move_in_rectifications'))} · moving-ins ${int(count('SELECT count(*) FROM moving_ins'))} · units ${int(count('SELECT count(*) FROM units'))}`);
  say(`states: ${(db.prepare('SELECT state, count(*) AS n FROM move_ins GROUP BY state ORDER BY n DESC').all() as { state: string; n: number }[]).map((r) => `${r.state} ${int(r.n)}`).join(', ')}; items ${(db.prepare('SELECT state, count(*) AS n FROM move_in_rectifications GROUP BY state ORDER BY n DESC').all() as { state: string; n: number }[]).map((r) => `${r.state} ${int(r.n)}`).join(', ')}`);

  const clerkKey = 'bench-move-in-clerk';
  const managerKey = 'bench-move-in-manager';
  const clerk = await t.signIn(host, clerkKey, USERS.clerk.username);
  const manager = await t.signIn(host, managerKey, USERS.manager.username);
  const clerkCtx = host.ctx(clerk);
  const managerCtx = host.ctx(manager);
  const today = siteToday(clerkCtx);
  const plans: { name: string; lines: PlanLine[] }[] = [];
  const plan = (name: string, fn: () => unknown) => plans.push({ name, lines: explain(db, restoreSlowLog, fn) });
  /** `repeat` with the CPU time a call took on average (wall-clock figures are inflated when other work shares the cores). */
  const cpuRepeat = async (runs: number, fn: () => unknown) => {
    const c0 = process.cpuUsage();
    const s = await repeat(runs, fn);
    const c = process.cpuUsage(c0);
    return { ...s, cpuMs: (c.user + c.system) / 1000 / (s.n + 1) };
  };
  const cpu = (s: { cpuMs: number }) => `; CPU ${ms1(s.cpuMs)} a call`;

  // ---- a move-in's page ----
  const sample = (sql: string, n: number) => db.prepare(`${sql} ORDER BY random() LIMIT ${n}`).pluck().all() as string[];
  const withItems = sample("SELECT m.id FROM move_ins m WHERE m.state = 'handed_over' AND EXISTS (SELECT 1 FROM move_in_rectifications r WHERE r.move_in_id = m.id)", 20);
  const openOnes = sample("SELECT id FROM move_ins WHERE state IN ('open', 'not_handed_over')", 10);
  const ids = [...withItems, ...openOnes];
  let g = 0;
  const getS = await cpuRepeat(60, async () => unwrap(await host.dispatch('moveIn.get', { id: ids[g++ % ids.length] }, clerkKey), 'moveIn.get'));
  say(`moveIn.get (handed over with rectification items, and open ones; ${ids.length} records): ${fmtSummary(getS)}${cpu(getS)}`);
  check("a move-in's page (moveIn.get) p95", getS.p95, 'ms', budget.moveInGetP95Ms);
  plan('moveIn.get', () => getMoveIn(clerkCtx, withItems[0]));
  const movingIds = sample('SELECT id FROM moving_ins', 20);
  let mg = 0;
  const movingS = await repeat(40, async () => unwrap(await host.dispatch('movingIn.get', { id: movingIds[mg++ % movingIds.length] }, clerkKey), 'movingIn.get'));
  say(`movingIn.get: ${fmtSummary(movingS)}`);
  info('  a moving-in (movingIn.get) p95', ms1(movingS.p95));

  // ---- the handover register (房屋交接汇总表) of the 2,000-unit batch, and of a building ----
  const batchId = db.prepare('SELECT batch_id FROM move_in_notices GROUP BY batch_id ORDER BY count(*) DESC LIMIT 1').pluck().get() as string;
  let reg = unwrap<Register>(await host.dispatch('moveIn.register', { batchId }, clerkKey), 'moveIn.register');
  const regS = await cpuRepeat(15, async () => void (reg = unwrap<Register>(await host.dispatch('moveIn.register', { batchId }, clerkKey), 'moveIn.register')));
  say(`moveIn.register, batch "${reg.scope.name}" (${int(reg.counts.total)} units: ${Object.entries(reg.counts).filter(([k]) => k !== 'total').map(([k, v]) => `${k} ${int(v)}`).join(', ')}): ${fmtSummary(regS)}${cpu(regS)}`);
  check(`the handover register of a ${int(reg.counts.total)}-unit batch (moveIn.register) p95`, regS.p95, 'ms', budget.moveInRegisterMs);
  if (reg.counts.total !== count('SELECT count(*) FROM move_in_notices WHERE batch_id = ?', batchId)) failure('register: each notice of the batch once', `${reg.counts.total} rows`, `${count('SELECT count(*) FROM move_in_notices WHERE batch_id = ?', batchId)}`);
  plan('moveIn.register (batch)', () => register(clerkCtx, { batchId }));
  const buildingId = db.prepare('SELECT building_id FROM units GROUP BY building_id ORDER BY count(*) DESC LIMIT 1').pluck().get() as string;
  let breg = unwrap<Register>(await host.dispatch('moveIn.register', { buildingId }, clerkKey), 'moveIn.register');
  const bregS = await repeat(15, async () => void (breg = unwrap<Register>(await host.dispatch('moveIn.register', { buildingId }, clerkKey), 'moveIn.register')));
  say(`moveIn.register, the largest building "${breg.scope.name}" (${int(breg.counts.total)} units): ${fmtSummary(bregS)}`);
  info(`  the register of a ${int(breg.counts.total)}-unit building p95`, ms1(bregS.p95));
  plan('moveIn.register (building)', () => register(clerkCtx, { buildingId }));

  // ---- Today: the overdue rectification items, the owners expected, the notices not received ----
  let overdue = 0;
  const overdueS = await repeat(60, () => void (overdue = repo.overdueRects(db, today, 50).length));
  const overdueAll = count("SELECT count(*) FROM move_in_rectifications r JOIN move_ins m ON m.id = r.move_in_id WHERE r.state = 'open' AND r.due_date < ? AND m.state != 'voided'", today);
  say(`repo.overdueRects ${today} (${overdue} shown of ${int(overdueAll)} overdue): ${fmtSummary(overdueS)}`);
  check("overdue rectification items for Today (repo.overdueRects) p95", overdueS.p95, 'ms', budget.moveInOverdueP95Ms);
  plan('repo.overdueRects', () => repo.overdueRects(db, today, 50));
  const todayS = await cpuRepeat(40, () => moveInToday(clerkCtx));
  const td = moveInToday(clerkCtx);
  say(`moveInToday as a clerk (owners expected ${int(td.waitingTotal)}, overdue items ${int(td.overdueTotal)}, notices not received ${td.noticesNotReceived.length}): ${fmtSummary(todayS)}${cpu(todayS)}`);
  check("move-in's Today (moveInToday, clerk) p95", todayS.p95, 'ms', budget.moveInTodayP95Ms);
  const parts: [string, () => unknown][] = [
    ['owners expected (listNotices, waiting, up to today)', () => listNotices(clerkCtx, { offset: 0, limit: 50, waiting: true }, today)],
    ['overdue items (repo.overdueRects + their count)', () => [repo.overdueRects(db, today, 50), listRectifications(clerkCtx, { offset: 0, limit: 1, queue: 'overdue' }).total]],
    ['notices not received (listMovingIns notReceived)', () => listMovingIns(clerkCtx, { offset: 0, limit: 50, queue: 'notReceived' })],
  ];
  for (const [name, fn] of parts) {
    const s = await cpuRepeat(40, fn);
    say(`  of which ${name}: ${fmtSummary(s)}${cpu(s)}`);
  }
  plan('moveInToday (clerk)', () => moveInToday(clerkCtx));
  const tilesS = await cpuRepeat(30, () => moveInTiles(managerCtx));
  say(`moveInTiles (the manager's dashboard: handover progress, rectification items): ${fmtSummary(tilesS)}${cpu(tilesS)}`);
  info("  move-in's dashboard tiles (moveInTiles) p95", ms1(tilesS.p95));
  plan('moveInTiles', () => moveInTiles(managerCtx));

  // ---- the lists and their searches (for information) ----
  const rows = db.prepare('SELECT m.number, m.unit_code AS unit, p.name AS owner FROM move_ins m JOIN move_in_owners o ON o.move_in_id = m.id JOIN people p ON p.id = o.person_id ORDER BY random() LIMIT 100').all() as { number: string; unit: string; owner: string }[];
  const lists: [string, string, (i: number) => Record<string, unknown>, (i: Record<string, unknown>) => unknown][] = [
    ['moveIn.list', 'first page of 50', () => ({}), (i) => listMoveIns(clerkCtx, { offset: 0, limit: 50, ...i } as never)],
    ['moveIn.list', 'queue open', () => ({ queue: 'open' }), (i) => listMoveIns(clerkCtx, { offset: 0, limit: 50, ...i } as never)],
    ['moveIn.list', 'queue not handed over', () => ({ queue: 'notHandedOver' }), (i) => listMoveIns(clerkCtx, { offset: 0, limit: 50, ...i } as never)],
    ['moveIn.list', 'search by number', (i) => ({ search: rows[i % rows.length].number }), (i) => listMoveIns(clerkCtx, { offset: 0, limit: 50, ...i } as never)],
    ['moveIn.list', 'search by unit code', (i) => ({ search: rows[i % rows.length].unit }), (i) => listMoveIns(clerkCtx, { offset: 0, limit: 50, ...i } as never)],
    ['moveIn.list', "search by owner's name", (i) => ({ search: rows[i % rows.length].owner }), (i) => listMoveIns(clerkCtx, { offset: 0, limit: 50, ...i } as never)],
    ['moveIn.notices', 'waiting (the owners expected)', () => ({ waiting: true }), (i) => listNotices(clerkCtx, { offset: 0, limit: 50, waiting: true, ...i } as never)],
    ['moveIn.notices', 'the batch, all', () => ({ batchId, waiting: false }), (i) => listNotices(clerkCtx, { offset: 0, limit: 50, waiting: false, ...i } as never)],
    ['moveIn.rectifications', 'queue overdue', () => ({ queue: 'overdue' }), (i) => listRectifications(clerkCtx, { offset: 0, limit: 50, queue: 'open', ...i } as never)],
    ['moveIn.rectifications', 'queue fixed (waiting for the owner)', () => ({ queue: 'fixed' }), (i) => listRectifications(clerkCtx, { offset: 0, limit: 50, queue: 'open', ...i } as never)],
    ['movingIn.list', 'first page of 50', () => ({}), (i) => listMovingIns(clerkCtx, { offset: 0, limit: 50, queue: 'all', ...i } as never)],
    ['movingIn.list', 'notices not received', () => ({ queue: 'notReceived' }), (i) => listMovingIns(clerkCtx, { offset: 0, limit: 50, queue: 'all', ...i } as never)],
  ];
  for (const [channel, name, input, direct] of lists) {
    let i = 0;
    let total = 0;
    const s = await repeat(40, async () => void (total += unwrap<{ total: number }>(await host.dispatch(channel as 'moveIn.list', { offset: 0, limit: 50, ...input(i++) }, clerkKey), channel).total));
    say(`${`${channel} ${name}`.padEnd(58)} ${fmtSummary(s)}  avg total ${(total / (s.n + 1)).toFixed(1)}`);
    check(`${channel} p95, ${name}`, s.p95, 'ms', budget.moveInListP95Ms);
    plan(`${channel} ${name}`, () => direct(input(0)));
  }

  // ---- the plans ----
  say('\nquery plans (EXPLAIN QUERY PLAN of every statement the measured calls ran):');
  const shown = new Set<string>();
  let scans = 0;
  for (const p of plans)
    for (const l of p.lines) {
      if (shown.has(l.sql) || !TABLES.some((tb) => new RegExp(`\\b${tb}\\b`).test(l.sql))) continue;
      shown.add(l.sql);
      const flat = l.sql.replace(/\s+/g, ' ');
      say(`  [${p.name}] ${flat.length > 150 ? `${flat.slice(0, 147)}…` : flat}`);
      say(`      ${l.plan.join(' | ')}${l.scans.length ? `   << full scan: ${l.scans.join('; ')}` : ''}`);
      if (l.scans.length) scans++;
    }
  info('move-in statements scanning a table whole', String(scans));

  // ---- the forms: every one registered for move-ins and moving-ins, printed as the desk prints them ----
  const kinds = [
    { kind: moveInRecords, sql: "SELECT m.number FROM move_ins m WHERE m.state = 'handed_over' AND EXISTS (SELECT 1 FROM move_in_rectifications r WHERE r.move_in_id = m.id)", more: "SELECT number FROM move_ins WHERE state <> 'voided'" },
    { kind: movingInRecords, sql: "SELECT number FROM moving_ins WHERE occupant = 'tenant' AND state <> 'voided'", more: "SELECT number FROM moving_ins WHERE state <> 'voided'" },
  ];
  const forms = kinds.flatMap((k) => k.kind.forms.map((f) => ({ ...k, form: f })));
  if (!forms.length) {
    say('move-in / moving-in forms: no forms registered');
    info('move-in / moving-in form PDFs warm (records.print)', 'no forms registered');
  }
  const print = async (number: string, form: string, lang: 'zh-CN' | 'en') => host.dispatch('records.print', { number, form, lang }, clerkKey);
  for (const f of forms) {
    const name = `${f.kind.kind} ${f.form.name}`;
    // Records the form prints: the usual sample, else any record it prints (a form may be of some states only).
    let numbers = sample(f.sql, 30);
    const probe = async (list: string[]) => {
      for (const n of list.slice(0, 8)) if ((await print(n, f.form.name, 'zh-CN')).ok) return true;
      return false;
    };
    if (!(await probe(numbers))) numbers = sample(f.more, 200);
    const printable: string[] = [];
    for (const n of numbers) {
      if (printable.length >= 20) break;
      if ((await print(n, f.form.name, 'zh-CN')).ok) printable.push(n);
    }
    if (!printable.length) {
      const r = await print(numbers[0] ?? '', f.form.name, 'zh-CN');
      const why = r.ok ? 'no record' : `${r.error.code} ${r.error.message} ${JSON.stringify(r.error.params ?? {})}`;
      say(`records.print ${name}: ERROR ${why}`);
      failure(`${name} PDF warm (records.print)`, why, `< ${budget.moveInFormPdfMs.limit} ms`);
      continue;
    }
    const first = await timed(async () => unwrap<{ pdfBase64: string }>(await print(printable[0], f.form.name, 'zh-CN'), `records.print ${name}`));
    let p = 1;
    const s = await repeat(30, async () => void unwrap(await print(printable[p % printable.length], f.form.name, p++ % 2 ? 'en' : 'zh-CN'), `records.print ${name}`));
    say(`records.print ${name} (${printable.length} records): first ${ms1(first.ms)}, warm ${fmtSummary(s)}  (${mib((first.value.pdfBase64.length * 3) / 4)})`);
    check(`${name} PDF warm (records.print ${f.form.name}) p95`, s.p95, 'ms', budget.moveInFormPdfMs);
  }
}
