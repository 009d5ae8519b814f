import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../../shared/contract';
import { listBackups } from '../../../electron/backup/backup';
import { digest, ID_A, ID_B, ID_BAD } from '../../helpers/fixtures';
import { b64, PASSWORD, testEnv, type TestEnv } from '../../helpers/host';

const HEADER = '楼栋,房号,用途,楼层,建筑面积,房屋状态,业主姓名,业主电话,业主身份证号,租户姓名,租户电话,起租日期';
const GOOD = [
  HEADER,
  `8,8-101,住宅,1,89.5,自住,张三,13812345678,${ID_A},,,`,
  `8,8-102,住宅,1,120,出租,李四,13912345678,${ID_B},王五,13700001111,2025-09-01`,
  '8,8-201,商铺,2,45,空置,赵六,,,,,',
].join('\n');

async function waitDone(env: TestEnv, jobId: string, session = 'mgr'): Promise<ImportProgress> {
  for (let i = 0; i < 2000; i++) {
    const p = await env.ok('import.progress', { jobId }, session);
    if (p.phase === 'done' || p.phase === 'failed') return p;
    await new Promise((r) => setImmediate(r));
  }
  throw new Error('import did not finish');
}

async function runImport(env: TestEnv, fileName: string, content: string | Uint8Array, onlyValid = false) {
  const summary = await env.ok('import.preview', { fileName, contentBase64: b64(content) });
  const started = await env.ok('import.commit', { jobId: summary.jobId, onlyValid });
  expect(started).toMatchObject({ jobId: summary.jobId, phase: 'importing' });
  return { summary, final: await waitDone(env, summary.jobId) };
}

const counts = (env: TestEnv) => ({
  buildings: env.count('SELECT count(*) FROM buildings'),
  units: env.count('SELECT count(*) FROM units'),
  people: env.count('SELECT count(*) FROM people'),
  links: env.count('SELECT count(*) FROM unit_people'),
  history: env.count('SELECT count(*) FROM occupancy_history'),
});

describe('import through the channels', () => {
  it('gives the imported units their opening states: the report counts them at month end, with no movements', async () => {
    const env = testEnv();
    await env.init();
    await runImport(env, 'owners.csv', GOOD);
    const today = env.clock.now().toISOString().slice(0, 10);
    const r = await env.ok('occupancyReport.draft', { date: today });
    expect(r.total).toMatchObject({ units: 3, handedOver: 3, ownerOccupied: 1, rented: 1, vacant: 1, moveIns: 0, movingIns: 0, moveOuts: 0, noHistory: 0 });
    // A change after that is a movement: the next day the tenant of 8-102 moves out.
    env.clock.advanceDays(1);
    await env.ok('auth.unlock', { password: PASSWORD });
    const tomorrow = env.clock.now().toISOString().slice(0, 10);
    const unit = env.rows<{ id: string }>("SELECT id FROM units WHERE code = '8-102'")[0];
    await env.ok('units.setOccupancy', { unitId: unit.id, state: 'vacant', effectiveDate: tomorrow, note: null });
    expect((await env.ok('occupancyReport.draft', { date: tomorrow })).total).toMatchObject({ rented: 0, vacant: 2, moveOuts: 1, moveIns: 0 });
  });

  it('a good file: preview, commit, progress, stored rows, pre-import backup, audit, search', async () => {
    const env = testEnv();
    await env.init();
    const summary = await env.ok('import.preview', { fileName: 'owners.csv', contentBase64: b64(GOOD) });
    expect(summary).toMatchObject({ fileName: 'owners.csv', totalLines: 3, validRows: 3, errorRows: 0, encoding: 'utf-8', fileErrors: [], errors: [] });
    expect(summary.columns).toMatchObject({ buildingCode: '楼栋', unitCode: '房号', ownerName: '业主姓名', ownerPhone: '业主电话', tenantName: '租户姓名' });
    // The values as they will be stored (phone and ID masked as in every list); birthdays read from the IDs.
    const person = (name: string, phoneMasked: string | null, id: { masked: string; birthday: string } | null = null) => ({
      name, kind: 'person', phoneMasked, idType: id ? 'resident_id' : null, idNumberMasked: id?.masked ?? null,
      birthday: id?.birthday ?? null, birthdayFromId: id !== null, note: null,
    });
    const unit = { useDefaulted: false, floorFromCode: false, note: null, tenancyStart: null, changes: null };
    expect(summary.preview).toEqual([
      { ...unit, line: 2, unitCode: '8-101', buildingCode: '8', use: 'residential', floor: 1, areaM2: 89.5, state: 'owner_occupied', owner: person('张三', '138****5678', { masked: '110***********002X', birthday: '1949-12-31' }), tenant: null },
      { ...unit, line: 3, unitCode: '8-102', buildingCode: '8', use: 'residential', floor: 1, areaM2: 120, state: 'rented', owner: person('李四', '139****5678', { masked: '440***********1235', birthday: '1990-03-07' }), tenant: person('王五', '137****1111'), tenancyStart: '2025-09-01' },
      { ...unit, line: 4, unitCode: '8-201', buildingCode: '8', use: 'shop', floor: 2, areaM2: 45, state: 'vacant', owner: person('赵六', null), tenant: null },
    ]);
    expect(summary).toMatchObject({ newUnits: 3, existingUnits: 0, existing: [], skipped: [], skippedRows: 0, ignoredColumns: [] });
    // Nothing stored by a preview.
    expect(counts(env)).toEqual({ buildings: 0, units: 0, people: 0, links: 0, history: 0 });

    env.clock.advanceMinutes(1);
    await env.ok('import.commit', { jobId: summary.jobId, onlyValid: false });
    const final = await waitDone(env, summary.jobId);
    expect(final).toEqual({ jobId: summary.jobId, phase: 'done', done: 3, total: 3, result: { buildings: 1, units: 3, updated: 0, people: 4, links: 4, skipped: 0, skippedBy: [] }, error: null });
    expect(counts(env)).toEqual({ buildings: 1, units: 3, people: 4, links: 4, history: 3 });
    expect(listBackups(env.paths.backups).map((b) => b.kind)).toEqual(['pre-import']);

    const units = await env.ok('units.list', {});
    expect(units.rows.map((u) => [u.code, u.use, u.floor, u.areaM2, u.state, u.stateSince, u.ownerNames])).toEqual([
      ['8-101', 'residential', 1, 89.5, 'owner_occupied', '2026-03-15', '张三'],
      ['8-102', 'residential', 1, 120, 'rented', '2026-03-15', '李四'],
      ['8-201', 'shop', 2, 45, 'vacant', '2026-03-15', '赵六'],
    ]);
    const u102 = await env.ok('units.get', { id: units.rows[1].id });
    expect(u102.links.map((l) => [l.relation, l.personName, l.phoneMasked, l.startDate])).toEqual([
      ['owner', '李四', '139****5678', '2026-03-15'],
      ['tenant', '王五', '137****1111', '2025-09-01'],
    ]);
    expect(u102.history.map((h) => [h.state, h.source])).toEqual([['rented', 'import']]);
    expect((await env.ok('search.global', { q: 'zs' })).map((h) => h.title)).toEqual(['张三']);
    expect((await env.ok('search.global', { q: '8-10' })).map((h) => h.title).sort()).toEqual(['8-101', '8-102']);
    const audit = env.rows<{ after: string }>("SELECT after FROM audit_log WHERE action = 'import'");
    expect(audit.map((a) => JSON.parse(a.after))).toEqual([{ file: 'owners.csv', rows: 3, errorRows: 0, buildings: 1, units: 3, updated: 0, people: 4, links: 4, skipped: 0, skippedBy: [] }]);
    expect(env.count("SELECT count(*) FROM audit_log WHERE action = 'import-create'")).toBe(1 + 3 + 4);
    // A job runs once.
    expect(await env.fail('import.commit', { jobId: summary.jobId, onlyValid: false })).toEqual({ code: 'BAD_STATE', message: 'error.importAlreadyRun' });
  });

  it('re-importing the same file creates no duplicate units, people or links', async () => {
    const env = testEnv();
    await env.init();
    await runImport(env, 'owners.csv', GOOD);
    const before = counts(env);
    const again = await runImport(env, 'owners.csv', GOOD);
    expect(again.final.result).toEqual({ buildings: 0, units: 0, updated: 0, people: 0, links: 0, skipped: 3, skippedBy: [{ reason: 'unchanged', count: 3 }] });
    // The preview said so, row by row.
    expect(again.summary).toMatchObject({ newUnits: 0, existingUnits: 3, skippedRows: 3, skipped: [{ reason: 'unchanged', count: 3, lines: [2, 3, 4] }] });
    expect(again.summary.existing).toEqual([2, 3, 4].map((line, i) => ({ line, unitCode: ['8-101', '8-102', '8-201'][i], changes: [] })));
    expect(counts(env)).toEqual(before);
    expect(env.rows('SELECT name FROM people ORDER BY name')).toEqual([{ name: '张三' }, { name: '李四' }, { name: '王五' }, { name: '赵六' }].sort((a, b) => (a.name < b.name ? -1 : 1)));
  });

  it('rows with errors: commit is refused unless onlyValid, then only the valid rows land', async () => {
    const env = testEnv();
    await env.init();
    const csv = [
      HEADER,
      `8,8-101,住宅,1,89.5,自住,张三,13812345678,${ID_A},,,`,
      `8,8-102,住宅,1,120,自住,李四,1381234567,,,,`, // bad phone
      `8,8-103,住宅,1,120,自住,王五,13812345679,${ID_BAD},,,`, // bad checksum
      '8,8-104,别墅,1,120,,赵六,,,,,', // bad use
      '8,8-105,住宅,1,-3,,孙七,,,,,', // bad area
      `8,8-106,住宅,1,60,空置,,,,,,`,
    ].join('\n');
    const summary = await env.ok('import.preview', { fileName: 'mixed.csv', contentBase64: b64(csv) });
    expect(summary).toMatchObject({ totalLines: 6, validRows: 2, errorRows: 4, fileErrors: [] });
    expect(summary.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [3, '业主电话', 'import.error.badPhone'],
      [4, '业主身份证号', 'import.error.badIdChecksum'],
      [5, '用途', 'import.error.badUse'],
      [6, '建筑面积', 'import.error.badArea'],
    ]);
    const before = digest(env.db());
    expect(await env.fail('import.commit', { jobId: summary.jobId, onlyValid: false })).toEqual({ code: 'BAD_STATE', message: 'error.importHasErrors' });
    expect(digest(env.db())).toEqual(before);
    expect(listBackups(env.paths.backups)).toEqual([]);
    expect(await env.ok('import.progress', { jobId: summary.jobId })).toMatchObject({ phase: 'ready', done: 0, total: 2 });

    await env.ok('import.commit', { jobId: summary.jobId, onlyValid: true });
    const final = await waitDone(env, summary.jobId);
    // The four rows with errors are counted as skipped, with their reason.
    expect(final.result).toEqual({ buildings: 1, units: 2, updated: 0, people: 1, links: 1, skipped: 4, skippedBy: [{ reason: 'error', count: 4 }] });
    expect((await env.ok('units.list', {})).rows.map((u) => u.code)).toEqual(['8-101', '8-106']);
    const audit = env.rows<{ after: string }>("SELECT after FROM audit_log WHERE action = 'import'");
    expect(JSON.parse(audit[0].after)).toMatchObject({ rows: 2, errorRows: 4 });
  });

  it('a file with the wrong columns is refused as a whole', async () => {
    const env = testEnv();
    await env.init();
    const summary = await env.ok('import.preview', { fileName: 'wrong.csv', contentBase64: b64('名称,数量,单价\n苹果,3,2.5\n梨,4,3\n') });
    expect(summary.validRows).toBe(0);
    expect(summary.fileErrors.length).toBe(1);
    expect(summary.fileErrors[0].code).toMatch(/^import\.error\.(noHeader|missingColumns)$/);
    const before = digest(env.db());
    for (const onlyValid of [false, true]) {
      expect(await env.fail('import.commit', { jobId: summary.jobId, onlyValid })).toEqual({ code: 'BAD_STATE', message: 'error.importHasErrors' });
    }
    expect(digest(env.db())).toEqual(before);
    // An empty file and binary junk are file errors too, not crashes.
    const empty = await env.ok('import.preview', { fileName: 'empty.csv', contentBase64: b64(' ') });
    expect(empty.validRows).toBe(0);
    expect(empty.fileErrors.length).toBe(1);
    const junk = await env.ok('import.preview', { fileName: 'junk.xlsx', contentBase64: b64(new Uint8Array(4096).map((_, i) => (i * 37) % 256)) });
    expect(junk.fileErrors.map((e) => e.code)).toEqual(['import.error.unreadable']);
    // The size limit is checked before anything is decoded.
    expect(await env.fail('import.preview', { fileName: 'huge.csv', contentBase64: 'A'.repeat(70_000_001) })).toEqual({
      code: 'VALIDATION',
      message: 'error.VALIDATION',
      fieldErrors: { contentBase64: { message: 'v.tooLong', params: { max: 70_000_000 } } },
    });
    expect(await env.fail('import.preview', { fileName: 'x.csv', contentBase64: '' })).toEqual({
      code: 'VALIDATION',
      message: 'error.VALIDATION',
      fieldErrors: { contentBase64: { message: 'v.required' } },
    });
  });

  it('a GBK (non-UTF-8) CSV from Chinese Excel is decoded and stored with the right names', async () => {
    const env = testEnv();
    await env.init();
    const data = new Uint8Array(readFileSync(fileURLToPath(new URL('../../fixtures/import/gbk-owners.csv', import.meta.url))));
    const { summary, final } = await runImport(env, 'gbk-owners.csv', data);
    expect(summary).toMatchObject({ encoding: 'gb18030', validRows: 3, errorRows: 0 });
    expect(final.phase).toBe('done');
    expect(env.rows<{ name: string; kind: string; phone: string }>('SELECT name, kind, phone FROM people ORDER BY phone')).toEqual([
      { name: '欧阳娜娜', kind: 'person', phone: '075512345678' },
      { name: '张伟', kind: 'person', phone: '13812345678' },
      { name: '深圳市阳光物业管理有限公司', kind: 'company', phone: '4008001234' },
    ]);
    expect((await env.ok('units.list', {})).rows.map((u) => u.code)).toEqual(['3-2-1502', '3-2-1503', '5-1-101']);
    expect((await env.ok('search.global', { q: 'oynn' })).map((h) => h.title)).toEqual(['欧阳娜娜']);
  });

  it('a large file runs in the background: progress moves, writes wait, reads go on', async () => {
    const env = testEnv();
    await env.init();
    await env.addUser('supervisor');
    const N = 3000;
    const lines = [HEADER];
    for (let i = 0; i < N; i++) {
      const b = 10 + (i % 5);
      lines.push(`${b},${b}-${Math.floor(i / 5) + 100},住宅,${(i % 30) + 1},${80 + (i % 50)},${i % 2 ? '自住' : '空置'},业主${i},139${String(i).padStart(8, '0')},,,,`);
    }
    const summary = await env.ok('import.preview', { fileName: 'big.csv', contentBase64: b64(lines.join('\n')) }, 'supervisor');
    expect(summary).toMatchObject({ totalLines: N, validRows: N, errorRows: 0 });
    expect(summary.preview.length).toBe(20);
    // Another user does not see the job.
    expect(await env.fail('import.progress', { jobId: summary.jobId })).toEqual({ code: 'NOT_FOUND', message: 'error.NOT_FOUND' });

    const started = await env.ok('import.commit', { jobId: summary.jobId, onlyValid: false }, 'supervisor');
    expect(started).toMatchObject({ phase: 'importing', total: N });
    const busy = { code: 'BAD_STATE', message: 'error.busyImporting' };
    expect(await env.fail('buildings.create', { code: 'X', name: 'X', note: null })).toEqual(busy);
    expect(await env.fail('people.create', { kind: 'person', name: '甲' })).toEqual(busy);
    expect(await env.fail('settings.update', { hotline: '123' })).toEqual(busy);
    expect(await env.fail('backup.create', {})).toEqual(busy);
    expect(await env.fail('auth.signIn', { username: 'admin', password: 'whatever1' }, 'other')).toEqual(busy);
    expect(await env.fail('import.preview', { fileName: 'x.csv', contentBase64: b64(GOOD) })).toEqual(busy);
    // Reads still answer.
    expect((await env.ok('app.status', {})).db).toBe('ok');
    await env.ok('units.list', {});
    await env.ok('today.summary', {});

    const seen: number[] = [];
    let p: ImportProgress;
    for (;;) {
      p = await env.ok('import.progress', { jobId: summary.jobId }, 'supervisor');
      seen.push(p.done);
      if (p.phase !== 'importing') break;
      await new Promise((r) => setImmediate(r));
    }
    expect(p).toMatchObject({ phase: 'done', done: N, total: N, result: { buildings: 5, units: N, people: N, links: N, skipped: 0 } });
    expect(seen.some((d) => d > 0 && d < N)).toBe(true);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(counts(env)).toMatchObject({ units: N, people: N, links: N, history: N });
    // Writes work again.
    await env.ok('buildings.create', { code: 'X', name: 'X', note: null });
  });

  it('closing the app during an import rolls it back; the file reopens without any of it', async () => {
    const env = testEnv();
    await env.init();
    const N = 1500;
    const lines = [HEADER];
    for (let i = 0; i < N; i++) lines.push(`30,30-${1000 + i},住宅,1,90,自住,住户${i},135${String(i).padStart(8, '0')},,,,`);
    const summary = await env.ok('import.preview', { fileName: 'closing.csv', contentBase64: b64(lines.join('\n')) });
    const before = digest(env.db());
    await env.ok('import.commit', { jobId: summary.jobId, onlyValid: false });
    expect(env.count('SELECT count(*) FROM units')).toBeGreaterThan(0); // the first chunk is in the open transaction
    env.restart();
    // Let the cancelled job notice and wind down.
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
    expect(env.host.state()).toEqual({ db: 'ok', message: null });
    expect(digest(env.db())).toEqual(before);
    expect(env.db().pragma('integrity_check', { simple: true })).toBe('ok');
    expect(env.logs.some((l) => l.startsWith('error import closing.csv failed, rolled back'))).toBe(true);
  });

  it('an import that fails midway leaves nothing half-saved', async () => {
    const env = testEnv();
    await env.init();
    await env.ok('buildings.create', { code: '1', name: '1号楼', note: null });
    const N = 1200;
    const lines = [HEADER];
    for (let i = 0; i < N; i++) lines.push(`20,20-${1000 + i},住宅,1,90,自住,住户${i},136${String(i).padStart(8, '0')},,,,`);
    // The database itself refuses one row of the third chunk (rows 1000-1199): a real constraint, no stub.
    env.db().exec(`CREATE TRIGGER refuse_one BEFORE INSERT ON units WHEN NEW.code = '20-2100' BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END`);
    const before = digest(env.db());
    const auditBefore = env.count('SELECT count(*) FROM audit_log');

    const summary = await env.ok('import.preview', { fileName: 'fails.csv', contentBase64: b64(lines.join('\n')) });
    await env.ok('import.commit', { jobId: summary.jobId, onlyValid: false });
    const final = await waitDone(env, summary.jobId);
    expect(final).toMatchObject({ phase: 'failed', error: 'error.importFailed', result: null });
    expect(final.done).toBe(1000);
    expect(digest(env.db())).toEqual(before);
    expect(env.count('SELECT count(*) FROM audit_log')).toBe(auditBefore);
    expect(env.db().inTransaction).toBe(false);
    expect(env.logs.some((l) => l.startsWith('error import fails.csv failed, rolled back') && l.includes('refused by test trigger'))).toBe(true);
    // The pre-import backup was taken; the app goes on and takes writes.
    expect(listBackups(env.paths.backups).map((b) => b.kind)).toEqual(['pre-import']);
    expect(await env.fail('import.commit', { jobId: summary.jobId, onlyValid: false })).toEqual({ code: 'BAD_STATE', message: 'error.importAlreadyRun' });
    await env.ok('buildings.create', { code: '2', name: '2号楼', note: null });

    env.db().exec('DROP TRIGGER refuse_one');
    const { final: retry } = await runImport(env, 'fails.csv', lines.join('\n'));
    expect(retry.result).toEqual({ buildings: 1, units: N, updated: 0, people: N, links: N, skipped: 0, skippedBy: [] });
  });
});

/** A roster as a service center's WPS exports it: a merged title row, Chinese headers, 序号 and 备注 columns, text-formatted IDs. */
async function rosterXlsx(rows: Array<Array<string | number | null>>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('房屋信息');
  ws.addRow(['阳光花园房屋信息表']);
  ws.mergeCells('A1:J1');
  ws.addRow(['序号', '楼栋', '房号', '用途', '楼层', '建筑面积(㎡)', '房屋状态', '业主姓名', '业主电话', '身份证号', '备注']);
  for (const r of rows) ws.addRow(r);
  ws.getColumn(10).numFmt = '@';
  return new Uint8Array((await wb.xlsx.writeBuffer()) as unknown as ArrayBuffer);
}

describe('import preview: what the clerk is about to import', () => {
  it('shows normalised values, names the columns not imported, and stores notes, birthdays and derived floors', async () => {
    const env = testEnv();
    await env.init();
    const data = await rosterXlsx([
      [1, 9, '902', '住宅', null, '89.50㎡', '自住', '张三', '+86 138-1234-5678', ID_A.toLowerCase(), '车位A12'],
      [2, 9, '1001', '', 11, 120, '', '李四', '0755-1234 5678', null, null],
    ]);
    const summary = await env.ok('import.preview', { fileName: '房屋信息.xlsx', contentBase64: b64(data) });
    expect(summary).toMatchObject({ validRows: 2, errorRows: 0, ignoredColumns: ['序号'], newUnits: 2, existingUnits: 0, skippedRows: 0 });
    expect(summary.columns).toMatchObject({ unitNote: '备注' });
    expect(summary.preview.map((r) => [r.unitCode, r.floor, r.floorFromCode, r.areaM2, r.use, r.useDefaulted, r.note, r.owner?.phoneMasked, r.owner?.idNumberMasked, r.owner?.birthday, r.owner?.birthdayFromId])).toEqual([
      ['9-902', 9, true, 89.5, 'residential', false, '车位A12', '138****5678', '110***********002X', '1949-12-31', true],
      ['9-1001', 11, false, 120, 'residential', true, null, '075*****5678', null, null, false],
    ]);
    const { final } = await (async () => {
      await env.ok('import.commit', { jobId: summary.jobId, onlyValid: false });
      return { final: await waitDone(env, summary.jobId) };
    })();
    expect(final.result).toMatchObject({ units: 2, people: 2, skipped: 0 });
    expect(env.rows('SELECT code, floor, area_m2 AS area, note FROM units ORDER BY code')).toEqual([
      { code: '9-1001', floor: 11, area: 120, note: null },
      { code: '9-902', floor: 9, area: 89.5, note: '车位A12' },
    ]);
    expect(env.rows('SELECT name, phone, id_number AS id, birthday FROM people ORDER BY name')).toEqual([
      { name: '张三', phone: '13812345678', id: ID_A, birthday: '1949-12-31' },
      { name: '李四', phone: '075512345678', id: null, birthday: null },
    ].sort((a, b) => (a.name < b.name ? -1 : 1)));
  });

  it('a 业主备注 column goes into the owner’s note', async () => {
    const env = testEnv();
    await env.init();
    await runImport(env, 'notes.csv', '楼栋,房号,业主姓名,业主电话,业主备注\n3,3-101,周明,13812340000,老人独居 需关照\n');
    expect(env.rows('SELECT name, note FROM people')).toEqual([{ name: '周明', note: '老人独居 需关照' }]);
    expect(env.rows('SELECT note FROM units')).toEqual([{ note: null }]);
  });

  it('flags rows whose unit exists and says, per row, what importing them does; the commit does exactly that', async () => {
    const env = testEnv();
    await env.init();
    await runImport(env, 'first.csv', [HEADER, `8,8-101,住宅,1,89.5,自住,张三,13812345678,${ID_A},,,`, '8,8-102,住宅,1,120,空置,李四,13912345678,,,,', '8,8-103,商铺,1,60,空置,,,,,,'].join('\n'));
    await env.ok('units.update', { ...(await unitInput(env, '8-103')), note: '门口有消防栓' });
    const data = await rosterXlsx([
      [1, 8, '8-101', '住宅', 1, 89.5, '自住', '张三', '13812345678', ID_A, null], // nothing to change
      [2, 8, '8-102', '商铺', null, 121, '出租', '李四', '13912345678', null, null], // use, area, state
      [3, 8, '8-103', '', null, null, '', '王五', '13700001111', null, '另一条备注'], // no use given: kept; note kept; new owner linked
      [4, 8, '8-104', '住宅', null, 90, '空置', null, null, null, null], // new unit
    ]);
    const summary = await env.ok('import.preview', { fileName: '更新.xlsx', contentBase64: b64(data) });
    expect(summary).toMatchObject({ validRows: 4, newUnits: 1, existingUnits: 3, skippedRows: 1, skipped: [{ reason: 'unchanged', count: 1, lines: [3] }] });
    expect(summary.existing).toEqual([
      { line: 3, unitCode: '8-101', changes: [] },
      {
        line: 4,
        unitCode: '8-102',
        changes: [
          { kind: 'use', from: 'residential', to: 'shop' },
          { kind: 'area', from: 120, to: 121 },
          { kind: 'state', from: 'vacant', to: 'rented' },
        ],
      },
      { line: 5, unitCode: '8-103', changes: [{ kind: 'noteKept' }, { kind: 'link', relation: 'owner', name: '王五', newPerson: true }] },
    ]);
    expect(summary.preview.map((r) => r.changes?.length ?? null)).toEqual([0, 3, 2, null]);

    const before = env.rows<{ code: string; updated_at: string }>('SELECT code, updated_at FROM units ORDER BY code');
    env.clock.advanceMinutes(5);
    await env.ok('import.commit', { jobId: summary.jobId, onlyValid: false });
    const final = await waitDone(env, summary.jobId);
    expect(final.result).toEqual({ buildings: 0, units: 1, updated: 2, people: 1, links: 1, skipped: 1, skippedBy: [{ reason: 'unchanged', count: 1 }] });
    expect(env.rows('SELECT code, use, floor, area_m2 AS area, note, state FROM units ORDER BY code')).toEqual([
      { code: '8-101', use: 'residential', floor: 1, area: 89.5, note: null, state: 'owner_occupied' },
      { code: '8-102', use: 'shop', floor: 1, area: 121, note: null, state: 'rented' },
      { code: '8-103', use: 'shop', floor: 1, area: 60, note: '门口有消防栓', state: 'vacant' },
      { code: '8-104', use: 'residential', floor: 1, area: 90, note: null, state: 'vacant' },
    ]);
    // The unchanged unit was not touched at all.
    const after = env.rows<{ code: string; updated_at: string }>('SELECT code, updated_at FROM units ORDER BY code');
    expect(after[0]).toEqual(before[0]);
    const u103 = (await env.ok('units.list', { q: '8-103' })).rows[0];
    expect((await env.ok('units.get', { id: u103.id })).links.map((l) => [l.relation, l.personName])).toEqual([['owner', '王五']]);
  });

  it('counts every line left out, with its reason, in the preview and the result; a run that adds nothing says so', async () => {
    const env = testEnv();
    await env.init();
    await runImport(env, 'first.csv', [HEADER, '8,8-101,住宅,1,89.5,自住,张三,13812345678,,,,'].join('\n'));
    const data = await rosterXlsx([
      [1, 8, '8-101', '住宅', 1, 89.5, '自住', '张三', '13812345678', null, null], // exists, nothing to change
      [null, null, null, null, null, null, null, null, null, null, null], // blank
      [2, 8, '8-101', '住宅', 1, 89.5, '自住', '张三', '13812345678', null, null], // repeats line 3
      [3, 8, '8-105', '住宅', 1, 89.5, '自住', '李四', '138123', null, null], // bad phone
      [null, null, null, null, null, null, null, null, null, null, '以下空白'], // a remark alone
      ['合计', null, null, null, null, 179, null, null, null, null, null],
    ]);
    const summary = await env.ok('import.preview', { fileName: '无新数据.xlsx', contentBase64: b64(data) });
    expect(summary).toMatchObject({ validRows: 1, errorRows: 2, newUnits: 0, existingUnits: 1, skippedRows: 6 });
    expect(summary.skipped).toEqual([
      { reason: 'blank', count: 1, lines: [4] },
      { reason: 'summary', count: 1, lines: [8] },
      { reason: 'note', count: 1, lines: [7] },
      { reason: 'duplicate', count: 1, lines: [5] },
      { reason: 'error', count: 1, lines: [6] },
      { reason: 'unchanged', count: 1, lines: [3] },
    ]);
    const before = counts(env);
    await env.ok('import.commit', { jobId: summary.jobId, onlyValid: true });
    const final = await waitDone(env, summary.jobId);
    expect(final.phase).toBe('done');
    expect(final.result).toEqual({
      buildings: 0, units: 0, updated: 0, people: 0, links: 0, skipped: 6,
      skippedBy: [
        { reason: 'blank', count: 1 }, { reason: 'summary', count: 1 }, { reason: 'note', count: 1 },
        { reason: 'duplicate', count: 1 }, { reason: 'error', count: 1 }, { reason: 'unchanged', count: 1 },
      ],
    });
    expect(counts(env)).toEqual(before);
  });
});

async function unitInput(env: TestEnv, code: string) {
  const row = (await env.ok('units.list', { q: code })).rows[0];
  const u = await env.ok('units.get', { id: row.id });
  return { id: u.id, buildingId: u.buildingId, code: u.code, use: u.use, floor: u.floor, areaM2: u.areaM2, note: u.note };
}
