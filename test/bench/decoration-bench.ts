/**
 * Section 9 of `npm run bench` (--decoration-only): decoration permits at the large site (test/bench/decoration.ts
 * seeds 10,000 permits, 60,000 passes, 100,000 patrols, 5,000 penalties). What the desk, the gate, the cashier
 * and the manager feel: the manager's deposit ledger, the refunds due on Today, a pass scanned at the gate, the
 * list and its searches, a permit's page, the dashboard's tiles, and the permit and passes PDFs. Each query the
 * section runs is shown with its EXPLAIN QUERY PLAN, and one that scans a table instead of using an index is named.
 */
import type { Db } from '../../db/connection';
import { setSlowLog } from '../../db/statements';
import type { Host } from '../../electron/host/host';
import type { Logger } from '../../electron/host/log';
import { DECORATION_FORMS } from '../../electron/workflows/decoration/print';
import * as repo from '../../electron/workflows/decoration/repo';
import { checkPass, getDecoration, ledgerView, listDecorations, siteToday } from '../../electron/workflows/decoration/service';
import { decorationTiles } from '../../electron/workflows/decoration/tiles';
import { decorationToday } from '../../electron/workflows/decoration/today';
import { addCalendarDays } from '../../shared/kernel/deadlines';
import type { SessionUser } from '../../shared/contract';
import type { Result } from '../../shared/kernel/errors';
import type { LedgerView, PassCheck } from '../../shared/workflows/decoration/schema';
import { USERS } from './site';
import { int, mib, ms1, rng, summarize, timed, type Summary } from './stats';

type Budget = { limit: number; hard: boolean };
export interface Tools {
  say: (line?: string) => void;
  check: (metric: string, value: number, unit: 'ms' | 's', budget: Budget, shown?: string) => void;
  info: (metric: string, value: string) => void;
  failure: (metric: string, why: string, target: string) => void;
  repeat: (runs: number, fn: () => unknown, maxMs?: number) => Promise<Summary>;
  fmtSummary: (s: Summary) => string;
  signIn: (host: Host, key: string, username: string) => Promise<SessionUser>;
  unwrap: <T>(r: Result<unknown>, what: string) => T;
  log: Logger;
  budget: {
    decorationLedgerP95Ms: Budget;
    refundsDueP95Ms: Budget;
    passCheckP95Ms: Budget;
    decorationListP95Ms: Budget;
    decorationGetP95Ms: Budget;
    decorationTilesP95Ms: Budget;
    permitPdfMs: Budget;
    passesPdfMs: Budget;
  };
  /** How many permits the site should hold. */
  expected: number;
}

/** The decoration tables: a plan step that scans one of them whole (no index) is a finding. */
const TABLES = ['decorations', 'decoration_items', 'decoration_passes', 'decoration_patrols', 'decoration_violations', 'decoration_hot_work', 'decoration_inspections', 'decoration_problems', 'deposit_ledger', 'deposit_balances', 'record_events'];
const ALIASES: Record<string, string> = { d: 'decorations', b: 'deposit_balances', l: 'deposit_ledger', v: 'decoration_violations', i: 'decoration_items', e: 'record_events' };

/** Binds NULL to every parameter (`?` and `:name`): the plan does not depend on the values (the app never runs ANALYZE). */
function nullParams(sql: string): unknown[] {
  const names = [...new Set([...sql.replace(/'[^']*'/g, "''").matchAll(/(?<![\w'])[:@$]([a-z_]\w*)/gi)].map((m) => m[1]))];
  if (names.length) return [Object.fromEntries(names.map((n) => [n, null]))];
  const positional = (sql.replace(/'[^']*'/g, "''").match(/\?/g) ?? []).length;
  return Array.from({ length: positional }, () => null);
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
  const out: PlanLine[] = [];
  for (const sql of seen) {
    if (!/^\s*(SELECT|WITH)/i.test(sql)) continue;
    const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...nullParams(sql)) as { detail: string }[];
    const plan = rows.map((r) => r.detail);
    const scans = plan.filter((d) => {
      const m = /^SCAN (\w+)(?: AS (\w+))?(.*)$/.exec(d);
      if (!m || /USING (COVERING )?INDEX/.test(m[3])) return false;
      const t = ALIASES[m[2] ?? m[1]] ?? m[2] ?? m[1];
      return TABLES.includes(t) || TABLES.includes(m[1]);
    });
    out.push({ sql, plan, scans });
  }
  return out;
}

export async function benchDecorationSection(host: Host, t: Tools): Promise<void> {
  const { say, check, info, failure, repeat, fmtSummary, unwrap, budget } = t;
  const db = host.ctx(null).db;
  const restoreSlowLog = () => setSlowLog(db, host.ctx(null).settings().slowQueryMs, (sql, ms) => t.log('warn', `slow query ${ms.toFixed(0)} ms: ${sql.slice(0, 300)}`));
  const count = (sql: string, ...p: unknown[]) => db.prepare(sql).pluck().get(...p) as number;
  const permits = count('SELECT count(*) FROM decorations');
  say(`permits ${int(permits)} · checklist items ${int(count('SELECT count(*) FROM decoration_items'))} · passes ${int(count('SELECT count(*) FROM decoration_passes'))} · patrols ${int(count('SELECT count(*) FROM decoration_patrols'))} · violations ${int(count('SELECT count(*) FROM decoration_violations'))} (${int(count('SELECT count(*) FROM decoration_violations WHERE penalty_fen IS NOT NULL'))} with a penalty) · ledger entries ${int(count('SELECT count(*) FROM deposit_ledger'))}`);
  say(`states: ${(db.prepare('SELECT state, count(*) AS n FROM decorations GROUP BY state ORDER BY n DESC').all() as { state: string; n: number }[]).map((r) => `${r.state} ${int(r.n)}`).join(', ')}`);
  if (permits < t.expected) throw new Error('the site has fewer decoration permits than the bench asks for; run with --fresh');

  const clerkKey = 'bench-decoration-clerk';
  const managerKey = 'bench-decoration-manager';
  const clerk = await t.signIn(host, clerkKey, USERS.clerk.username);
  const manager = await t.signIn(host, managerKey, USERS.manager.username);
  const clerkCtx = host.ctx(clerk);
  const managerCtx = host.ctx(manager);
  const today = siteToday(clerkCtx);
  const plans: { name: string; lines: PlanLine[] }[] = [];
  const plan = (name: string, fn: () => unknown) => plans.push({ name, lines: explain(db, restoreSlowLog, fn) });

  // ---- the manager's deposit ledger ----
  let view = unwrap<LedgerView>(await host.dispatch('decoration.ledger', {}, managerKey), 'decoration.ledger');
  const ledgerS = await repeat(30, async () => void (view = unwrap<LedgerView>(await host.dispatch('decoration.ledger', {}, managerKey), 'decoration.ledger')));
  const yuan = (fen: number) => `¥${int(Math.round(fen / 100))}`;
  say(`decoration.ledger (totals, deposits held by age, refunds due and overdue): ${fmtSummary(ledgerS)}`);
  say(`  held ${int(view.held.count)} deposits, ${yuan(view.held.fen)} (${view.byAge.map((b) => `${b.bucket} ${int(b.count)}`).join(', ')}); paid ${yuan(view.totals.paidFen)}, penalties ${yuan(view.totals.penaltiesFen)}, utilities ${yuan(view.totals.utilitiesFen)}, refunded ${yuan(view.totals.refundedFen)}; ${view.refundsDue.length} due this week, ${view.refundsOverdue.length} overdue`);
  check('deposit ledger: totals + deposits held (decoration.ledger) p95', ledgerS.p95, 'ms', budget.decorationLedgerP95Ms);
  const paid = count("SELECT coalesce(sum(amount_fen), 0) FROM deposit_ledger WHERE kind = 'payment'");
  const out = count("SELECT coalesce(sum(amount_fen), 0) FROM deposit_ledger WHERE kind <> 'payment'");
  if (view.held.fen !== paid - out) failure('deposits held = payments − deductions − refunds', `${view.held.fen} ≠ ${paid - out}`, 'equal');
  const totalsS = await repeat(30, () => repo.ledgerTotals(db));
  const ageS = await repeat(30, () => ledgerView(managerCtx, 200).byAge);
  say(`  of which the ledger's totals by kind (repo.ledgerTotals): ${fmtSummary(totalsS)}; the whole ledgerView in-process: ${fmtSummary(ageS)}`);
  info('  ledger totals by kind (repo.ledgerTotals) p95', ms1(totalsS.p95));
  plan('decoration.ledger (ledgerView)', () => ledgerView(managerCtx, 200));

  // ---- refunds due: the Today list ----
  const ahead = addCalendarDays(today, managerCtx.settings().decorationRefundAheadDays);
  let due = 0;
  const dueS = await repeat(50, () => void (due = repo.refundsDueBy(db, ahead, 50).length));
  say(`repo.refundsDueBy ${ahead} (${due} shown of ${int(count("SELECT count(*) FROM decorations WHERE state IN ('completed', 'rejected') AND refund_due <= ?", ahead))}): ${fmtSummary(dueS)}`);
  check('refunds due (repo.refundsDueBy) p95', dueS.p95, 'ms', budget.refundsDueP95Ms);
  const todayS = await repeat(50, () => decorationToday(clerkCtx));
  const td = decorationToday(clerkCtx);
  say(`decorationToday as a clerk (approvals near their deadline ${td.approvalsNearDeadline.length}, no patrol today ${td.noPatrolToday.length}, refunds due ${td.refundsDue.length}): ${fmtSummary(todayS)}`);
  check("decoration's Today (decorationToday, clerk) p95", todayS.p95, 'ms', budget.refundsDueP95Ms);
  plan('decorationToday (clerk)', () => decorationToday(clerkCtx));

  // ---- the gate ----
  const pick = (sql: string, n: number) => db.prepare(`${sql} ORDER BY random() LIMIT ${n}`).pluck().all(today, today) as string[];
  const valid = pick(`SELECT p.number FROM decoration_passes p JOIN decorations d ON d.id = p.decoration_id
                       WHERE d.state IN ('approved', 'under_way', 'inspection') AND p.revoked_at IS NULL AND p.valid_from <= ? AND p.valid_to >= ?`, 140);
  const expired = pick("SELECT p.number FROM decoration_passes p JOIN decorations d ON d.id = p.decoration_id WHERE d.state = 'refunded' AND p.revoked_at IS NULL AND ? = ?", 40);
  const revoked = pick('SELECT number FROM decoration_passes WHERE revoked_at IS NOT NULL AND ? = ?', 20);
  const next = rng(0x6a7e);
  const unknown = Array.from({ length: 20 }, () => `CR-${today.slice(0, 4)}-${900_000 + Math.floor(next() * 99_999)}`);
  const sample = [...valid.map((n) => ({ n, want: 'valid' })), ...expired.map((n) => ({ n, want: 'expired' })), ...revoked.map((n) => ({ n, want: 'revoked' })), ...unknown.map((n) => ({ n, want: 'unknown' }))];
  for (let i = sample.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [sample[i], sample[j]] = [sample[j], sample[i]];
  }
  const gate = async (n: string) => unwrap<PassCheck>(await host.dispatch('passes.check', { number: n }, clerkKey), 'passes.check');
  for (const s of sample.slice(0, 10)) await gate(s.n);
  const gateMs: number[] = [];
  const answers = new Map<string, number>();
  let wrong = 0;
  for (const [i, s] of sample.entries()) {
    const typed = i % 3 === 1 ? s.n.toLowerCase() : i % 3 === 2 ? s.n.replace(/-/g, ' ') : s.n; // as scanned, or typed
    const tt = performance.now();
    const r = await gate(typed);
    gateMs.push(performance.now() - tt);
    answers.set(r.answer, (answers.get(r.answer) ?? 0) + 1);
    if (r.answer !== s.want) wrong++;
  }
  const gateS = summarize(gateMs);
  say(`passes.check at the gate (${sample.length} scans, committed and logged: ${[...answers].map(([a, n]) => `${a} ${n}`).join(', ')}): ${fmtSummary(gateS)}`);
  check('a pass scanned at the gate (passes.check) p95', gateS.p95, 'ms', budget.passCheckP95Ms);
  if (wrong) failure('gate answers', `${wrong} of ${sample.length} answered otherwise than expected`, 'all right');
  plan('passes.check', () => checkPass(clerkCtx, { number: valid[0] ?? sample[0].n }));

  // ---- the list and its searches ----
  const rows = db.prepare("SELECT number, unit_code AS unit, contractor_company AS company FROM decorations WHERE contractor_company IS NOT NULL ORDER BY random() LIMIT 100").all() as { number: string; unit: string; company: string }[];
  const list = async (input: Record<string, unknown>) => unwrap<{ total: number }>(await host.dispatch('decoration.list', { offset: 0, limit: 50, ...input }, clerkKey), 'decoration.list');
  const searches: [string, (i: number) => Record<string, unknown>][] = [
    ['list, first page of 50', () => ({})],
    ['queue open', () => ({ queue: 'open' })],
    ['queue no patrol today', () => ({ queue: 'noPatrolToday' })],
    ['queue refund due', () => ({ queue: 'refundDue' })],
    ['state refunded', () => ({ state: 'refunded' })],
    ['search by number', (i) => ({ search: rows[i % rows.length].number })],
    ['search by unit code', (i) => ({ search: rows[i % rows.length].unit })],
    ['search by contractor', (i) => ({ search: rows[i % rows.length].company.slice(0, 4) })],
  ];
  for (const [name, input] of searches) {
    let i = 0;
    let total = 0;
    const s = await repeat(60, async () => void (total += (await list(input(i++))).total));
    say(`decoration.list ${name.padEnd(26)} ${fmtSummary(s)}  avg total ${(total / (s.n + 1)).toFixed(1)}`);
    check(`decoration.list p95, ${name}`, s.p95, 'ms', budget.decorationListP95Ms);
    plan(`decoration.list ${name}`, () => listDecorations(clerkCtx, { offset: 0, limit: 50, ...input(0) }));
  }

  // ---- a permit's page, the dashboard's tiles ----
  const bigId = db.prepare("SELECT decoration_id FROM decoration_passes GROUP BY decoration_id ORDER BY count(*) DESC LIMIT 1").pluck().get() as string;
  const underWay = db.prepare("SELECT id FROM decorations WHERE state = 'under_way' ORDER BY random() LIMIT 30").pluck().all() as string[];
  let g = 0;
  const getS = await repeat(30, async () => unwrap(await host.dispatch('decoration.get', { id: underWay[g++ % underWay.length] }, clerkKey), 'decoration.get'));
  const getBig = await repeat(10, async () => unwrap(await host.dispatch('decoration.get', { id: bigId }, clerkKey), 'decoration.get'));
  say(`decoration.get, a permit under way: ${fmtSummary(getS)}; the one with ${int(count('SELECT count(*) FROM decoration_passes WHERE decoration_id = ?', bigId))} passes: ${fmtSummary(getBig)}`);
  check("a permit's page (decoration.get, under way) p95", getS.p95, 'ms', budget.decorationGetP95Ms);
  info(`  decoration.get, the permit with 200 passes p95`, ms1(getBig.p95));
  plan('decoration.get', () => getDecoration(clerkCtx, underWay[0]));
  const tilesS = await repeat(30, () => decorationTiles(managerCtx));
  say(`decorationTiles (the manager's dashboard: approvals, deposits held, refunds): ${fmtSummary(tilesS)}`);
  check("decoration's dashboard tiles (decorationTiles) p95", tilesS.p95, 'ms', budget.decorationTilesP95Ms);
  plan('decorationTiles', () => decorationTiles(managerCtx));

  // ---- the plans ----
  say('\nquery plans (EXPLAIN QUERY PLAN of every statement the measured calls ran):');
  const shown = new Set<string>();
  let scans = 0;
  for (const p of plans)
    for (const l of p.lines) {
      if (shown.has(l.sql)) continue;
      shown.add(l.sql);
      if (!TABLES.some((tb) => new RegExp(`\\b${tb}\\b`).test(l.sql))) continue;
      const flat = l.sql.replace(/\s+/g, ' ');
      say(`  [${p.name}] ${flat.length > 150 ? `${flat.slice(0, 147)}…` : flat}`);
      say(`      ${l.plan.join(' | ')}${l.scans.length ? `   << full scan: ${l.scans.join('; ')}` : ''}`);
      if (l.scans.length) scans++;
    }
  info('decoration statements scanning a table whole', String(scans));

  // ---- PDFs: the permit (施工许可证) and 200 worker passes (出入证) in one file ----
  const form = (name: string) => DECORATION_FORMS.find((f) => f.name === name);
  const print = async (number: string, name: string, lang: 'zh-CN' | 'en') =>
    unwrap<{ pdfBase64: string }>(await host.dispatch('records.print', { number, form: name, lang }, clerkKey), `records.print ${name}`);
  const numberOf = db.prepare('SELECT number FROM decorations WHERE id = ?').pluck();
  if (!form('permit')) {
    say('permit PDF: skipped: no form named permit');
    info('permit PDF warm (records.print)', 'skipped: no form named permit');
  } else {
    const numbers = underWay.map((id) => numberOf.get(id) as string);
    const first = await timed(() => print(numbers[0], 'permit', 'zh-CN'));
    let p = 1;
    const s = await repeat(30, async () => void (await print(numbers[p % numbers.length], 'permit', p++ % 2 ? 'en' : 'zh-CN')));
    say(`records.print permit: first in this process ${ms1(first.ms)}, warm ${fmtSummary(s)}  (${mib((first.value.pdfBase64.length * 3) / 4)})`);
    check('permit PDF warm (records.print permit) p95', s.p95, 'ms', budget.permitPdfMs);
  }
  if (!form('passes')) {
    say('passes PDF: skipped: no form named passes');
    info('200 worker passes in one PDF', 'skipped: no form named passes');
  } else {
    const n = numberOf.get(bigId) as string;
    const runs: number[] = [];
    let bytes = 0;
    let last = '';
    for (let i = 0; i < 3; i++) {
      const r = await timed(() => print(n, 'passes', 'zh-CN'));
      runs.push(r.ms);
      bytes = (r.value.pdfBase64.length * 3) / 4;
      last = r.value.pdfBase64;
    }
    const worst = Math.max(...runs);
    const valid = count('SELECT count(*) FROM decoration_passes WHERE decoration_id = ? AND revoked_at IS NULL', bigId);
    // Eight cards to an A4 sheet: the pages the PDF says it has.
    const pages = (Buffer.from(last, 'base64').toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
    say(`records.print passes for ${n} (${int(valid)} passes not revoked, ${pages} pages): ${runs.map(ms1).join(', ')}; ${mib(bytes)}`);
    if (pages !== Math.ceil(valid / 8)) failure('worker passes: eight to a page', `${pages} pages for ${valid} passes`, `${Math.ceil(valid / 8)}`);
    check('200 worker passes in one PDF (records.print passes, slowest of 3)', worst, 'ms', budget.passesPdfMs);
  }
}
