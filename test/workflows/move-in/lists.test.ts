import { describe, expect, it } from 'vitest';
import type { ChannelInput, ImportProgress } from '../../../shared/contract';
import { moveInContract } from '../../../shared/workflows/move-in/contract';
import { b64, type TestEnv } from '../../helpers/host';
import { at, handedOver, newOwner, setup, throughKeys } from '../../helpers/move-in';

/** The batch pickers' channel (moveIn.batches) and the moving-in list's search, on real SQLite through the real host. */

async function rosterImport(env: TestEnv, csv: string): Promise<void> {
  const summary = await env.ok('import.preview', { fileName: 'T8.csv', contentBase64: b64(csv) });
  await env.ok('import.commit', { jobId: summary.jobId, onlyValid: false });
  for (let i = 0; i < 5000; i++) {
    const p: ImportProgress = await env.ok('import.progress', { jobId: summary.jobId });
    if (p.phase === 'done') return;
    if (p.phase === 'failed') throw new Error('roster import failed');
    await new Promise((r) => setImmediate(r));
  }
  throw new Error('roster import did not finish');
}

async function importNotices(env: TestEnv, batchName: string, rows: string[]): Promise<string> {
  const p = await env.ok('moveIn.importPreview', { fileName: `${batchName}.csv`, contentBase64: b64(['房号,业主,联系电话,入伙日期', ...rows].join('\n')), batchName }, 'clerk');
  expect(p).toMatchObject({ fileError: null, invalid: 0, valid: rows.length });
  await env.ok('moveIn.importCommit', { batchId: p.batchId, onlyValid: false }, 'clerk');
  return p.batchId;
}

const t8 = (i: number) => `T8-${String(Math.floor(i / 20) + 1).padStart(2, '0')}${String((i % 20) + 1).padStart(2, '0')}`;

describe('the imported batches (moveIn.batches)', () => {
  it('lists every committed batch newest first with its counts, on a site with more than 500 notices over several batches', async () => {
    const { env, site } = await setup();
    // A tower of 700 units not handed over, from the roster.
    await rosterImport(env, ['楼栋,房号,用途,楼层,建筑面积,房屋状态', ...Array.from({ length: 700 }, (_, i) => `T8,${t8(i)},住宅,${Math.floor(i / 20) + 1},89.5,未接房`)].join('\n'));
    expect(env.count("SELECT count(*) FROM units WHERE code LIKE 'T8-%'")).toBe(700);
    expect(await env.ok('moveIn.batches', {}, 'clerk')).toEqual([]);

    await at(env, '2026-03-01T02:00:00.000Z');
    const first = await importNotices(env, '8号楼第一批', Array.from({ length: 400 }, (_, i) => `${t8(i)},业主${i},,2026-03-02`));
    await at(env, '2026-03-05T02:00:00.000Z');
    const second = await importNotices(env, '8号楼第二批', Array.from({ length: 300 }, (_, i) => `${t8(400 + i)},业主${400 + i},,2026-03-06`));
    // A preview never committed is no batch of the site.
    await env.ok('moveIn.importPreview', { fileName: 'draft.csv', contentBase64: b64('房号,业主,入伙日期\n1-101,张三,2026-03-10\n'), batchName: '草稿' }, 'clerk');
    await at(env, '2026-03-08T02:00:00.000Z');
    const third = await importNotices(env, '1号楼补录', ['1-101,张三,13812345678,2026-03-10', '1-102,李雷,,2026-03-12']);

    // The first 500 notices (the notices list's page limit) are all of the first two batches: the third is not among them.
    const firstPage = await env.ok('moveIn.notices', { waiting: false, offset: 0, limit: 500 }, 'clerk');
    expect(firstPage.total).toBe(702);
    expect(new Set(firstPage.rows.map((n) => n.batchId)).has(third)).toBe(false);

    const batches = await env.ok('moveIn.batches', {}, 'clerk');
    expect(batches.map((b) => [b.id, b.name, b.fileName, b.importedAt, b.notices, b.waiting, b.handedOver])).toEqual([
      [third, '1号楼补录', '1号楼补录.csv', '2026-03-08T02:00:00.000Z', 2, 2, 0],
      [second, '8号楼第二批', '8号楼第二批.csv', '2026-03-05T02:00:00.000Z', 300, 300, 0],
      [first, '8号楼第一批', '8号楼第一批.csv', '2026-03-01T02:00:00.000Z', 400, 400, 0],
    ]);

    // 1-101 handed over (its move-in takes the unit's notice), 1-102 under way: neither waits; 1-102 waits again once its record is voided.
    await at(env, '2026-03-15T04:00:00.000Z');
    const d = await handedOver(env, site);
    expect(d.noticeId).not.toBeNull();
    const open = await throughKeys(env, site, site.unit2Id);
    expect(open.noticeId).not.toBeNull();
    const t8Notice = (await env.ok('moveIn.notices', { batchId: first, search: 'T8-0101' }, 'clerk')).rows[0];
    await env.ok('moveIn.create', { unitId: t8Notice.unitId, noticeId: t8Notice.id, newOwner: newOwner('业主0') }, 'clerk');
    const counts = async () => (await env.ok('moveIn.batches', {}, 'clerk')).map((b) => [b.name, b.notices, b.waiting, b.handedOver]);
    expect(await counts()).toEqual([
      ['1号楼补录', 2, 0, 1],
      ['8号楼第二批', 300, 300, 0],
      ['8号楼第一批', 400, 399, 0],
    ]);
    await env.ok('moveIn.void', { id: open.id, reason: '录错业主' }, 'supervisor');
    expect((await counts())[0]).toEqual(['1号楼补录', 2, 1, 1]);
    // The counts agree with the notices list of each batch.
    for (const b of await env.ok('moveIn.batches', {}, 'clerk')) {
      expect((await env.ok('moveIn.notices', { batchId: b.id, waiting: false, limit: 1 }, 'clerk')).total).toBe(b.notices);
      expect((await env.ok('moveIn.notices', { batchId: b.id, waiting: true, limit: 1 }, 'clerk')).total).toBe(b.waiting);
    }

    // The counts read the notices by batch and their records by notice, through indexes.
    const plan = env.rows<{ detail: string }>(`EXPLAIN QUERY PLAN
      SELECT b.id, COUNT(n.id), SUM(m.state = 'handed_over') FROM move_in_batches b LEFT JOIN move_in_notices n ON n.batch_id = b.id
        LEFT JOIN move_ins m ON m.notice_id = n.id AND m.state != 'voided' WHERE b.state = 'committed' GROUP BY b.id`).map((r) => r.detail);
    expect(plan.some((p) => /move_in_notices_batch/.test(p))).toBe(true);
    expect(plan.some((p) => /move_ins_notice/.test(p))).toBe(true);
    const started = performance.now();
    for (let i = 0; i < 20; i++) await env.ok('moveIn.batches', {}, 'clerk');
    const ms = (performance.now() - started) / 20;
    console.log(`moveIn.batches over 702 notices in 3 batches: ${ms.toFixed(2)} ms a call`);
    expect(ms).toBeLessThan(50);
  });

  it('is read with move-in.read, and takes no input', async () => {
    const { env } = await setup();
    expect(moveInContract['moveIn.batches'].permission).toBe('move-in.read');
    for (const s of ['clerk', 'cashier', 'supervisor']) expect(await env.ok('moveIn.batches', {}, s)).toEqual([]);
    expect(await env.fail('moveIn.batches', { all: true } as never, 'clerk')).toMatchObject({ code: 'VALIDATION' });
  });
});

describe('the moving-in list’s search (movingIn.list search)', () => {
  it('finds by RZ number, unit code prefix and the name of the person moving in; with the unit filter and the queue', async () => {
    const { env, site } = await setup();
    await handedOver(env, site, [], '2026-03-10');
    await at(env, '2026-03-20T04:00:00.000Z');
    const owner = await env.ok('movingIn.create', { unitId: site.unitId, occupant: 'owner', date: '2026-03-18', personId: site.personId }, 'clerk');
    // Two tenants in units already handed over (vacant), of another building's codes.
    const b2 = await env.ok('buildings.create', { code: '12', name: '12号楼', note: null });
    const tenantIn = async (code: string, name: string) => {
      const u = await env.ok('units.create', { buildingId: b2.id, code, use: 'residential', floor: 1, areaM2: 80, note: null });
      await env.ok('units.setOccupancy', { unitId: u.id, state: 'vacant', effectiveDate: '2026-01-01', note: null });
      const call = { contactName: '房东', contactPhone: '13500001234', calledAt: '2026-03-20T03:00:00.000Z', answer: 'agreed' as const };
      const m = await env.ok('movingIn.create', { unitId: u.id, occupant: 'tenant', date: '2026-03-19', tenant: { ...newOwner(name), phone: '13912345678' }, ownerConfirmation: call, pledgeSigned: true, leaseFrom: '2026-03-19', leaseTo: '2027-03-18' }, 'clerk');
      return { unitId: u.id, m };
    };
    const a = await tenantIn('12-101', '王小二');
    const b = await tenantIn('12-1102', '李娜');
    await env.ok('movingIn.receipt', { id: b.m.id, department: 'security', receivedBy: '保安' }, 'clerk');
    await env.ok('movingIn.receipt', { id: b.m.id, department: 'engineering', receivedBy: '工程' }, 'clerk');
    await env.ok('movingIn.receipt', { id: b.m.id, department: 'cashier', receivedBy: '收银' }, 'clerk');

    const numbers = async (input: ChannelInput<'movingIn.list'>) => {
      const r = await env.ok('movingIn.list', input, 'clerk');
      expect(r.rows.length).toBe(Math.min(r.total, 50));
      return r.rows.map((x) => x.number);
    };
    expect(await numbers({})).toEqual([b.m.number, a.m.number, owner.number]);
    // An RZ number, typed loosely (lower case, a space for a dash): that record only.
    expect(await numbers({ search: a.m.number })).toEqual([a.m.number]);
    expect(await numbers({ search: a.m.number.toLowerCase().replace('-', ' ') })).toEqual([a.m.number]);
    expect(await numbers({ search: 'RZ-2026-999999' })).toEqual([]);
    // A unit code's prefix (any case); the middle of a code is not a prefix.
    expect(await numbers({ search: '12-1' })).toEqual([b.m.number, a.m.number]);
    expect(await numbers({ search: '12-11' })).toEqual([b.m.number]);
    expect(await numbers({ search: '1-101' })).toEqual([owner.number]);
    expect(await numbers({ search: '101' })).toEqual([]);
    // The person's name (prefix): owner or tenant.
    expect(await numbers({ search: '张' })).toEqual([owner.number]);
    expect(await numbers({ search: '王小' })).toEqual([a.m.number]);
    expect(await numbers({ search: '小二' })).toEqual([]);
    // LIKE's wildcards are text, not patterns.
    expect(await numbers({ search: '%' })).toEqual([b.m.number, a.m.number, owner.number]);
    expect(await numbers({ search: '_2-1' })).toEqual([]);
    // With the unit filter and the queue of notices not received.
    expect(await numbers({ unitId: a.unitId })).toEqual([a.m.number]);
    expect(await numbers({ unitId: a.unitId, search: '李' })).toEqual([]);
    expect(await numbers({ queue: 'notReceived', search: '12-' })).toEqual([a.m.number]);
    expect((await env.ok('movingIn.list', { search: '12-', limit: 1 }, 'clerk')).total).toBe(2);
    // A voided record is still found (its state says so).
    await env.ok('movingIn.void', { id: a.m.id, reason: '录错房号' }, 'supervisor');
    expect((await env.ok('movingIn.list', { search: '王小二' }, 'clerk')).rows.map((r) => r.state)).toEqual(['voided']);
    expect(await env.fail('movingIn.list', { search: 'x'.repeat(61) }, 'clerk')).toMatchObject({ code: 'VALIDATION' });
  });

  it('on 20,000 moving-ins: the number through its unique index, the rest one pass over the list newest first (no sort)', async () => {
    const { env, site } = await setup();
    const db = env.db();
    // Seeded rows shaped like the service's (one person each), over 40 units' codes.
    const person = db.prepare("INSERT INTO people (id, kind, name, phone, created_at, updated_at) VALUES (?, 'person', ?, NULL, ?, ?)");
    const mi = db.prepare(`INSERT INTO moving_ins (id, number, state, unit_id, unit_code, occupant, person_id, on_date, occupancy, created_at, updated_at)
                            VALUES (?, ?, ?, ?, ?, 'tenant', ?, ?, 'rented', ?, ?)`);
    const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
    db.transaction(() => {
      for (let i = 0; i < 20_000; i++) {
        const at = new Date(Date.UTC(2016, 0, 1) + i * 4 * 3_600_000).toISOString();
        const pid = `01900000-0000-7000-8000-${String(i).padStart(12, '0')}`;
        person.run(pid, `${SURNAMES[i % 10]}${i}`, at, at);
        mi.run(`01900000-0000-7000-9000-${String(i).padStart(12, '0')}`, `RZ-${at.slice(0, 4)}-${String(i + 1).padStart(6, '0')}`, i % 7 === 0 ? 'notified' : 'received',
          site.unitId, `${Math.floor(i / 500) + 1}-${String((i % 40) + 101)}`, pid, at.slice(0, 10), at, at);
      }
    })();
    const time = async (input: ChannelInput<'movingIn.list'>) => {
      await env.ok('movingIn.list', input, 'clerk');
      const started = performance.now();
      let total = 0;
      for (let i = 0; i < 10; i++) total = (await env.ok('movingIn.list', input, 'clerk')).total;
      return { ms: (performance.now() - started) / 10, total };
    };
    const byNumber = await time({ search: 'RZ-2019-008000' });
    const byUnit = await time({ search: '40-1' });
    const byName = await time({ search: '王1' });
    const rare = await time({ search: '没有这个人' });
    const unitFilter = await time({ unitId: site.unitId, search: '李' });
    console.log(`movingIn.list on 20,000 rows: number ${byNumber.ms.toFixed(2)} ms, unit prefix ${byUnit.ms.toFixed(2)} ms (${byUnit.total}), name ${byName.ms.toFixed(2)} ms (${byName.total}), no match ${rare.ms.toFixed(2)} ms, unit + name ${unitFilter.ms.toFixed(2)} ms (${unitFilter.total})`);
    expect(byNumber.total).toBe(1);
    expect(byUnit.total).toBe(500);
    expect(byName.total).toBe(1111);
    expect(rare.total).toBe(0);
    expect(unitFilter.total).toBe(2000);
    // Timings are printed, not asserted (budgets live in the bench, `npm run bench -- --move-in-only`): the query plans below are what keeps it quick.

    const plan = (sql: string, ...p: unknown[]) => env.rows<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, ...p).map((r) => r.detail).join(' | ');
    const SELECT = 'SELECT mi.id FROM moving_ins mi JOIN people p ON p.id = mi.person_id';
    expect(plan(`${SELECT} WHERE mi.number = ? ORDER BY mi.created_at DESC LIMIT 50`, 'RZ-2019-008000')).toMatch(/SEARCH mi USING INDEX sqlite_autoindex_moving_ins_\d \(number=\?\)/);
    // The text search walks the list newest first through moving_ins_created (no sort), each person by its key.
    const text = plan(`${SELECT} WHERE (mi.unit_code LIKE ? OR p.name LIKE ?) ORDER BY mi.created_at DESC LIMIT 50`, '40-1%', '40-1%');
    console.log(`plan of the text search: ${text}`);
    expect(text).toMatch(/SCAN mi USING INDEX moving_ins_created/);
    expect(text).toMatch(/SEARCH p USING (COVERING )?INDEX sqlite_autoindex_people_1 \(id=\?\)/);
    expect(text).not.toMatch(/TEMP B-TREE/);
    expect(plan(`${SELECT} WHERE mi.unit_id = ? AND (mi.unit_code LIKE ? OR p.name LIKE ?) ORDER BY mi.created_at DESC LIMIT 50`, site.unitId, 'a%', 'a%')).toMatch(/moving_ins_unit|moving_ins_created/);
  });
});
