/**
 * Builds (or reuses) the large benchmark site: 50,000 units, ≥150,000 people and 1,000,000 audit + history rows.
 *
 * Units and people go through the real import path (generateSite + commitRows, one transaction) so the search
 * terms, links, audit rows and history are exactly what the app writes. The long tail the app would accumulate
 * over five years (state changes, edits, sign-ins, reveals) is then added with direct prepared INSERTs, shaped
 * like the rows the services write, with time-ordered UUIDv7 ids from the host's own generator.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { appendAudit } from '../../db/audit-chain';
import { createSlip, submitSlip } from '../../electron/workflows/slips/service';
import { LATEST_VERSION } from '../../db/migrate';
import { maskPhone } from '../../shared/master/id-number';
import type { ImportParty, ImportRow } from '../../shared/master/import-schema';
import type { OccupancyState, UnitUse } from '../../shared/master/enums';
import { createHost, type Host } from '../../electron/host/host';
import { createIds } from '../../electron/host/ids';
import type { Logger } from '../../electron/host/log';
import { generateSite } from '../../electron/services/demo/generate';
import { commitDemoRows, demoDates } from '../../electron/services/demo/seed';
import { commitRows, type ImportCounts } from '../../electron/workflows/master/import/commit';
import type { SessionUser } from '../../shared/contract';
import { REPAIRS_SITE, seedRepairs, TECHNICIANS } from './repairs';
import { DECORATION_SITE, seedDecorations } from './decoration';
import { int, pick, rng, s1, timed } from './stats';

/** Bump when the shape of the seeded data changes: cached sites with another version are rebuilt. */
export const SITE_VERSION = 5;
export const SITE = {
  seed: 20_260_501,
  units: 50_000,
  people: 150_000,
  /** audit_log + occupancy_history rows together. */
  logRows: 1_000_000,
  /** Share of the top-up spent on occupancy changes (each is one history row plus its audit row). */
  changeShare: 0.4,
  /** Release slips (numbers to open from the search box, Today's queues). */
  slips: 2_000,
  /** Years since the site was delivered: the dated history (and the audit log) spans them. */
  years: 5,
  /** Repair orders over those years, and the callbacks they made (test/bench/repairs.ts). */
  repairs: REPAIRS_SITE.repairs,
  callbacks: REPAIRS_SITE.callbacks,
  /** Decoration permits over those years, with their passes, patrols and penalties (test/bench/decoration.ts). */
  decorations: DECORATION_SITE.permits,
  passes: DECORATION_SITE.passes,
  patrols: DECORATION_SITE.patrols,
  penalties: DECORATION_SITE.penalties,
} as const;

export const PASSWORD = 'bench-Passw0rd';
export const USERS = {
  manager: { username: 'bench.manager', displayName: '王经理', role: 'manager' },
  supervisor: { username: 'bench.super', displayName: '李主管', role: 'supervisor' },
  clerk: { username: 'bench.clerk', displayName: '张前台', role: 'clerk' },
  clerk2: { username: 'bench.clerk2', displayName: '陈前台', role: 'clerk' },
  clerk3: { username: 'bench.clerk3', displayName: '刘前台', role: 'clerk' },
} as const;

interface Marker {
  siteVersion: number;
  schemaVersion: number;
  site: typeof SITE;
  seededOn: string;
  seconds: number;
}

const markerFile = (dataDir: string) => path.join(dataDir, 'bench-site.json');

/** The cached site is reused when its marker and the file's schema version match this build. */
export function cachedSite(dataDir: string, dbFile: string): { ok: true; marker: Marker } | { ok: false; why: string } {
  if (!fs.existsSync(dbFile)) return { ok: false, why: 'no cached database' };
  let marker: Marker;
  try {
    marker = JSON.parse(fs.readFileSync(markerFile(dataDir), 'utf8')) as Marker;
  } catch {
    return { ok: false, why: 'no seed marker (an earlier seeding did not finish)' };
  }
  if (marker.siteVersion !== SITE_VERSION || JSON.stringify(marker.site) !== JSON.stringify(SITE)) return { ok: false, why: 'seed marker differs' };
  if (marker.schemaVersion !== LATEST_VERSION) return { ok: false, why: `schema changed (${marker.schemaVersion} → ${LATEST_VERSION})` };
  let fileVersion = -1;
  try {
    const db = new Database(dbFile, { readonly: true, fileMustExist: true });
    fileVersion = db.pragma('user_version', { simple: true }) as number;
    db.close();
  } catch (e) {
    return { ok: false, why: `cached database unreadable: ${(e as Error).message}` };
  }
  if (fileVersion !== LATEST_VERSION) return { ok: false, why: `cached database is at schema ${fileVersion}, build is at ${LATEST_VERSION}` };
  return { ok: true, marker };
}

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayMs = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
/** A moment during office hours (08:30–18:30, China time) on a local day, as an epoch ms. */
const officeMoment = (next: () => number, dayUtcMs: number) => dayUtcMs - 8 * 3_600_000 + Math.floor((8.5 + next() * 10) * 3_600_000);

function personsOf(rows: ImportRow[]): ImportParty[] {
  const out: ImportParty[] = [];
  for (const r of rows) for (const p of [r.owner, r.tenant, ...(r.coOwners ?? []), ...(r.family ?? [])]) if (p && p.kind === 'person') out.push(p);
  return out;
}

/** How many distinct people commitRows will create for these rows (it matches by ID number, then name + phone). */
function distinctParties(rows: ImportRow[]): number {
  const keys = new Set<string>();
  let anon = 0;
  for (const r of rows)
    for (const p of [r.owner, r.tenant, ...(r.coOwners ?? []), ...(r.family ?? [])]) {
      if (!p) continue;
      if (p.idNumber) keys.add(`id:${p.idNumber}`);
      else if (p.phone) keys.add(`ph:${p.phone}:${p.name}`);
      else anon++;
    }
  return keys.size + anon;
}

export interface SeedReport {
  seconds: number;
  steps: { name: string; ms: number }[];
}

/** Seeds a fresh site into `dataDir` (which is wiped first). */
export async function seedSite(dataDir: string, log: Logger, say: (line: string) => void): Promise<SeedReport> {
  const t0 = performance.now();
  const steps: SeedReport['steps'] = [];
  const step = async <T>(name: string, fn: () => T | Promise<T>): Promise<T> => {
    const cpu0 = process.cpuUsage();
    const r = await timed(fn);
    const cpu = process.cpuUsage(cpu0);
    steps.push({ name, ms: r.ms });
    say(`  ${name}: ${s1(r.ms)} (CPU ${s1((cpu.user + cpu.system) / 1000)})`);
    return r.value;
  };

  fs.rmSync(dataDir, { recursive: true, force: true });
  const host = createHost({ dataDir, log });
  try {
    const users = await step('users', () => createUsers(host));
    const manager = users.manager;
    const ctx = host.ctx(manager);
    // Seeding writes ~600 MB in two transactions; a bigger page cache on this connection keeps them from spilling.
    const cacheMb = Number(process.env.BENCH_SEED_CACHE_MB ?? 256);
    if (cacheMb > 0) ctx.db.pragma(`cache_size = -${cacheMb * 1024}`);
    const today = ctx.today();

    const rows = await step('generate 50,000 units', () => generateSite({ seed: SITE.seed, units: SITE.units, today }));
    // The generator makes ~2 people a unit; a second site's residents join the first one's households as family.
    const extra = await step('generate extra residents', () => {
      let need = SITE.people - distinctParties(rows) + 300;
      if (need <= 0) return 0;
      const pool = personsOf(generateSite({ seed: SITE.seed + 1, units: SITE.units, today }));
      const homes = rows.filter((r) => r.use === 'residential' && r.owner?.kind === 'person' && (r.state === 'owner_occupied' || r.state === 'rented'));
      let added = 0;
      for (let i = 0; need > 0 && i < pool.length; i++, need--, added++) {
        const home = homes[i % homes.length];
        (home.family ??= []).push(pool[i]);
      }
      return added;
    });
    say(`  (${int(extra)} extra family members added to ${int(SITE.units)} units)`);

    const counts: ImportCounts = { buildings: 0, units: 0, people: 0, links: 0, skipped: 0 };
    const dates = new Map(rows.map((r) => [r.unitCode, demoDates(r, today, SITE.years)]));
    await step('commitRows (one transaction)', () =>
      ctx.db.transaction(() => {
        commitDemoRows(ctx, rows, counts, SITE.years);
        ctx.audit('seed-demo', 'database', null, null, { ...counts });
      })(),
    );
    say(`  (created ${int(counts.buildings)} buildings, ${int(counts.units)} units, ${int(counts.people)} people, ${int(counts.links)} links)`);

    // Should matching have merged more people than expected, a few more family members make up the count.
    for (let pass = 2; ; pass++) {
      const people = ctx.db.prepare('SELECT count(*) FROM people').pluck().get() as number;
      if (people >= SITE.people || pass > 5) break;
      const pool = personsOf(generateSite({ seed: SITE.seed + pass, units: Math.ceil((SITE.people - people) / 1.5) + 100, today }));
      const more = rows.slice(0, SITE.people - people + 50).map((r, i) => ({ ...r, owner: null, tenant: null, state: null, coOwners: [], family: [pool[i % pool.length]] }));
      await step(`top up people (pass ${pass})`, () => ctx.db.transaction(() => commitRows(ctx, more, counts, { source: 'demo' }))());
    }

    await step('top up audit_log + occupancy_history', () => topUpLogs(host, users, rows, dates, today));
    await step(`${int(SITE.slips)} release slips`, () => seedSlips(host, users.clerk));
    const tech = await host.dispatch('settings.update', { technicians: TECHNICIANS }, 'bench-seed');
    if (!tech.ok) throw new Error(`settings.update technicians failed: ${JSON.stringify(tech.error)}`);
    const repairs = await step(`${int(SITE.repairs)} repairs and their callbacks`, () =>
      seedRepairs(ctx.db, {
        now: Date.now(),
        years: SITE.years,
        clerks: [users.clerk.id, users.clerk2.id, users.clerk3.id],
        cashier: users.manager.id,
        supervisor: users.supervisor.id,
        say,
      }),
    );
    say(`  (${int(repairs.repairs)} repairs, ${int(repairs.charges)} charge lines, ${int(repairs.callbacks)} callbacks, ${int(repairs.attempts)} attempts)`);
    const settings = ctx.settings();
    const deco = await step(`${int(SITE.decorations)} decoration permits and their ledger`, () =>
      seedDecorations(ctx.db, {
        now: Date.now(),
        years: SITE.years,
        clerks: [users.clerk.id, users.clerk2.id, users.clerk3.id],
        cashier: users.manager.id,
        manager: users.manager.id,
        supervisor: users.supervisor.id,
        fees: settings.decorationFees,
        wait: settings.decorationRefundWait,
        decorationPrefix: settings.decorationPrefix,
        passPrefix: settings.passPrefix,
        overrides: ctx.deadlines().overrides,
        say,
      }),
    );
    say(`  (${int(deco.permits)} permits, ${int(deco.items)} checklist items, ${int(deco.passes)} passes, ${int(deco.patrols)} patrols, ${int(deco.violations)} violations of which ${int(deco.penalties)} with a penalty, ${int(deco.ledger)} ledger entries)`);
  } finally {
    host.close();
  }
  const seconds = (performance.now() - t0) / 1000;
  const marker: Marker = { siteVersion: SITE_VERSION, schemaVersion: LATEST_VERSION, site: SITE, seededOn: new Date().toISOString(), seconds };
  fs.writeFileSync(markerFile(dataDir), `${JSON.stringify(marker, null, 2)}\n`);
  return { seconds, steps };
}

type Users = Record<keyof typeof USERS, SessionUser>;

async function createUsers(host: Host): Promise<Users> {
  const key = 'bench-seed';
  const m = USERS.manager;
  const init = await host.dispatch('setup.init', { siteName: '锦绣华庭（基准测试）', username: m.username, displayName: m.displayName, password: PASSWORD, demo: false }, key);
  if (!init.ok) throw new Error(`setup.init failed: ${JSON.stringify(init.error)}`);
  const out = { manager: init.value as SessionUser } as Users;
  for (const [name, u] of Object.entries(USERS) as [keyof typeof USERS, (typeof USERS)[keyof typeof USERS]][]) {
    if (name === 'manager') continue;
    const r = await host.dispatch('users.create', { username: u.username, displayName: u.displayName, role: u.role, password: PASSWORD }, key);
    if (!r.ok) throw new Error(`users.create ${u.username} failed: ${JSON.stringify(r.error)}`);
    const v = r.value as SessionUser & { id: string };
    out[name] = { id: v.id, username: v.username, displayName: v.displayName, role: v.role };
  }
  return out;
}

const WALK: Record<UnitUse, readonly OccupancyState[]> = {
  residential: ['vacant', 'under_decoration', 'owner_occupied', 'rented', 'rented', 'owner_occupied'],
  office: ['vacant', 'under_decoration', 'office_in_use', 'rented', 'rented'],
  business_apartment: ['vacant', 'under_decoration', 'owner_occupied', 'rented', 'rented'],
  shop: ['vacant', 'under_decoration', 'owner_occupied', 'rented', 'rented'],
};
const NOTES: Partial<Record<OccupancyState, readonly string[]>> = {
  vacant: ['租户退租', '业主搬离', '合同到期未续'],
  under_decoration: ['装修备案已办理', '二次装修'],
  rented: ['新租户入住', '续租', '租户已登记'],
  owner_occupied: ['业主入住', '业主收回自住'],
  office_in_use: ['公司入驻', '办公使用'],
};

type Event =
  | { t: number; kind: 'change'; unitId: string; state: OccupancyState; before: OccupancyState; date: string; user: string; note: string | null }
  | { t: number; kind: 'audit'; user: string; action: string; entity: string; entityId: string | null; before: unknown; after: unknown };

/**
 * Five years of front-desk life: monthly-ish state changes for most units (each with its 'set-occupancy'
 * audit row, like units.setOccupancy writes), plus edits, reveals, link changes and sign-ins in the audit log,
 * until audit_log + occupancy_history hold SITE.logRows rows. Inserted in time order so UUIDv7 ids sort by time.
 */
function topUpLogs(host: Host, users: Users, rows: ImportRow[], dates: Map<string, ReturnType<typeof demoDates>>, today: string): { history: number; audit: number } {
  const db = host.ctx(null).db;
  const next = rng(SITE.seed ^ 0x5eed);
  const count = (t: string) => db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;
  const have = count('audit_log') + count('occupancy_history');
  const missing = Math.max(0, SITE.logRows - have);
  const changes = Math.floor((missing * SITE.changeShare) / 2);
  const misc = missing - 2 * changes;

  const unitIds = new Map((db.prepare('SELECT code, id FROM units').all() as { code: string; id: string }[]).map((r) => [r.code, r.id]));
  const personRows = db.prepare('SELECT id, name, phone, kind, id_type AS idType, id_number AS idNumber, birthday FROM people').all() as {
    id: string; name: string; phone: string | null; kind: string; idType: string | null; idNumber: string | null; birthday: string | null;
  }[];
  const linkIds = db.prepare('SELECT l.id, u.code AS unit, p.name AS person, l.relation FROM unit_people l JOIN units u ON u.id = l.unit_id JOIN people p ON p.id = l.person_id').all() as {
    id: string; unit: string; person: string; relation: string;
  }[];
  const unitList = rows.map((r) => ({ id: unitIds.get(r.unitCode)!, row: r }));

  const end = dayMs(today) - DAY; // up to yesterday
  const start = end - SITE.years * 365 * DAY;
  const staff = [users.manager, users.supervisor, users.clerk, users.clerk2, users.clerk3];
  const writers = [users.supervisor, users.clerk, users.clerk, users.clerk2, users.clerk2, users.clerk3];
  const events: Event[] = [];

  // ---- occupancy changes: a random walk per unit after handover, ending in the unit's current state ----
  const eligible = unitList.filter((u) => u.row.state && u.row.state !== 'not_handed_over');
  const perUnit = changes / eligible.length;
  let made = 0;
  for (let i = 0; i < eligible.length && made < changes; i++) {
    const { row } = eligible[i];
    const current = row.state!;
    const handover = dayMs(dates.get(row.unitCode)!.handover);
    // Spread the remaining budget evenly over the remaining units, with some units much busier than others.
    const left = changes - made;
    const k = Math.min(left, Math.max(1, Math.round(perUnit * (0.2 + 1.6 * next()))), Math.floor((end - handover) / (20 * DAY)));
    if (k <= 0) continue;
    const days = new Set<number>();
    while (days.size < k) days.add(handover + (1 + Math.floor(next() * ((end - handover) / DAY - 1))) * DAY);
    const sorted = [...days].sort((a, b) => a - b);
    const walk = WALK[row.use];
    const states: OccupancyState[] = [];
    let prev: OccupancyState = 'vacant';
    for (let j = 0; j < k; j++) {
      let s = j === k - 1 ? current : pick(next, walk);
      if (j === k - 2 && s === current) s = current === 'vacant' ? 'rented' : 'vacant';
      if (s === prev && j !== k - 1) s = s === 'vacant' ? 'under_decoration' : 'vacant';
      states.push(s);
      prev = s;
    }
    let before: OccupancyState = 'vacant';
    for (let j = 0; j < k; j++) {
      const date = isoDay(sorted[j]);
      const notes = NOTES[states[j]];
      events.push({
        t: officeMoment(next, sorted[j]),
        kind: 'change',
        unitId: eligible[i].id,
        state: states[j],
        before,
        date,
        user: users.manager.id,
        note: notes && next() < 0.6 ? pick(next, notes) : null,
      });
      before = states[j];
    }
    made += k;
  }

  // ---- everything else the audit log sees ----
  const moment = () => officeMoment(next, start + Math.floor(next() * ((end - start) / DAY)) * DAY);
  const personAudit = (p: (typeof personRows)[number], phone: string | null) => ({
    kind: p.kind, name: p.name, phone: phone ? maskPhone(phone) : null, idType: p.idType,
    idNumber: p.idNumber ? `${p.idNumber.slice(0, 3)}…${p.idNumber.slice(-4)}` : null, contactPerson: null, emergencyName: null, birthday: p.birthday,
  });
  for (let i = 0; i < misc; i++) {
    const x = next();
    const t = moment();
    const who = pick(next, writers).id;
    if (x < 0.26) {
      // A sign-in and, usually, the matching sign-out later that day.
      const u = pick(next, staff).id;
      events.push({ t, kind: 'audit', user: u, action: 'sign-in', entity: 'user', entityId: u, before: null, after: null });
      if (next() < 0.5 && i + 1 < misc) {
        i++;
        events.push({ t: t + Math.floor(next() * 4 * 3_600_000), kind: 'audit', user: u, action: 'sign-out', entity: 'user', entityId: u, before: null, after: null });
      }
    } else if (x < 0.46) {
      const p = pick(next, personRows);
      events.push({ t, kind: 'audit', user: who, action: 'reveal', entity: 'person', entityId: p.id, before: null, after: { field: next() < 0.8 ? 'phone' : 'idNumber', name: p.name } });
    } else if (x < 0.68) {
      const p = pick(next, personRows);
      const newPhone = `1${Math.floor(30 + next() * 70)}${String(Math.floor(next() * 1e8)).padStart(8, '0')}`;
      events.push({ t, kind: 'audit', user: who, action: 'update', entity: 'person', entityId: p.id, before: personAudit(p, p.phone), after: personAudit(p, newPhone) });
    } else if (x < 0.8) {
      const u = pick(next, unitList);
      const r = u.row;
      const base = { buildingId: null, code: r.unitCode, use: r.use, floor: r.floor, areaM2: r.areaM2 };
      events.push({ t, kind: 'audit', user: who, action: 'update', entity: 'unit', entityId: u.id, before: { ...base, note: null }, after: { ...base, note: pick(next, ['钥匙寄存前台', '车位 B2-' + Math.floor(next() * 900), '阳台漏水已报修', '业主常住外地']) } });
    } else if (x < 0.9) {
      const l = pick(next, linkIds);
      events.push({ t, kind: 'audit', user: who, action: 'create', entity: 'link', entityId: l.id, before: null, after: { unit: l.unit, person: l.person, relation: l.relation, startDate: isoDay(t), endDate: null } });
    } else if (x < 0.98) {
      const l = pick(next, linkIds);
      events.push({ t, kind: 'audit', user: who, action: 'end', entity: 'link', entityId: l.id, before: { endDate: null }, after: { endDate: isoDay(t) } });
    } else {
      const l = pick(next, linkIds);
      events.push({ t, kind: 'audit', user: users.supervisor.id, action: 'void', entity: 'link', entityId: l.id, before: { unit: l.unit, person: l.person, relation: l.relation }, after: { reason: '录入错误' } });
    }
  }
  events.sort((a, b) => a.t - b.t);

  let clockMs = start;
  const newId = createIds(() => clockMs);
  const insHistory = db.prepare(
    `INSERT INTO occupancy_history (id, unit_id, state, effective_date, source, note, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, 'manual', ?, ?, ?, ?)`,
  );
  // Chained like the app's own rows (seq and hash), so verify and the chain walk are measured on real data.
  const insAudit = { run: (id: string, at: string, user: string | null, action: string, entity: string, entityId: string | null, before: string | null, after: string | null) => appendAudit(db, { id, at, user_id: user, action, entity, entity_id: entityId, before, after, via: 'app', os_user: null }) };
  const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
  let history = 0;
  let audit = 0;
  db.transaction(() => {
    for (const e of events) {
      clockMs = e.t;
      const at = new Date(e.t).toISOString();
      if (e.kind === 'change') {
        const unitId = e.unitId;
        const hid = newId();
        insHistory.run(hid, unitId, e.state, e.date, e.note, e.user, at, at);
        insAudit.run(newId(), at, e.user, 'set-occupancy', 'unit', unitId, json({ state: e.before, date: e.date }), json({ state: e.state, date: e.date, historyId: hid, note: e.note }));
        history++;
        audit++;
      } else {
        insAudit.run(newId(), at, e.user, e.action, e.entity, e.entityId, json(e.before), json(e.after));
        audit++;
      }
    }
  })();
  return { history, audit };
}

/** Release slips on random units, through the service (numbers, items, audit), left in their first states. */
function seedSlips(host: Host, clerk: SessionUser): void {
  const ctx = host.ctx(clerk);
  const next = rng(SITE.seed + 7);
  const units = ctx.db.prepare('SELECT id FROM units ORDER BY id LIMIT 5000').pluck().all() as string[];
  ctx.db.transaction(() => {
    for (let i = 0; i < SITE.slips; i++) {
      const s = createSlip(ctx, {
        unitId: units[Math.floor(next() * units.length)],
        nature: 'temporary',
        reason: '维修',
        carrier: { type: 'other', personId: null, name: '王师傅', phone: null, idType: null, idNumber: null },
        items: [{ name: '冰箱', quantity: 1, unitOfCount: '台', remark: null }],
        tenantMoveOut: false,
        meterReadings: null,
      });
      if (i % 3 === 0) submitSlip(ctx, s.id);
    }
  })();
}
