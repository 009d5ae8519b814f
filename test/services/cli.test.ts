/**
 * The admin CLI as shipped: bundled by esbuild with the options of scripts/build-node.mjs (SQL inlined
 * as text, packages external) and run with node in a child process against temp data folders.
 * It is bundled into its own folder rather than dist/node so that a concurrent `npm run build` (e2e
 * tests, other entries of build-node.mjs being edited) cannot swap the file under the test.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '../../db/migrate';
import { listBackups } from '../../electron/backup/backup';
import { bundle, ROOT } from '../helpers/bundle';
import { pdfText } from '../helpers/pdf-tools';
import { PASSWORD, testDir, TestClock, TestEnv } from '../helpers/host';

let built: Awaited<ReturnType<typeof bundle>>;
let cli = '';
const root = ROOT;
beforeAll(async () => {
  built = await bundle('cli', { cli: 'electron/cli.ts' });
  cli = built.file('cli');
}, 60_000);
afterAll(() => built?.remove());

function run(args: string[], env: Record<string, string | undefined> = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, FRONTDESK_DATA_DIR: undefined, FRONTDESK_PASSWORD: undefined, ...env },
    timeout: 30_000,
  });
  return { status: r.status, stdout: r.stdout.trim(), stderr: r.stderr.trim() };
}

function readDb<T>(dir: string, read: (db: Database.Database) => T): T {
  const db = new Database(path.join(dir, 'frontdesk.db'), { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

const names = (dir: string) => {
  const db = new Database(path.join(dir, 'frontdesk.db'), { readonly: true });
  try {
    return db.prepare('SELECT code FROM buildings WHERE voided_at IS NULL ORDER BY code').pluck().all();
  } finally {
    db.close();
  }
};

describe('admin CLI', () => {
  it('init, verify, backup, restore on --data-dir', async () => {
    const dir = testDir();
    const dbFile = path.join(dir, 'frontdesk.db');

    const init = run(['init', '--site', '阳光花园', '--username', 'Admin', '--password', PASSWORD, '--display-name', '王经理', '--data-dir', dir]);
    expect(init).toEqual({ status: 0, stdout: `Created ${dbFile} with manager "admin".`, stderr: '' });
    expect(run(['init', '--site', 'X', '--username', 'other', '--password', PASSWORD, '--data-dir', dir])).toMatchObject({ status: 1, stderr: `${dir} is already set up.` });

    // The account works in the app.
    const env = new TestEnv({ dir });
    try {
      expect(await env.signIn('admin', 'mgr')).toMatchObject({ username: 'admin', displayName: '王经理', role: 'manager' });
      expect((await env.ok('app.status', {})).siteName).toBe('阳光花园');
      await env.ok('buildings.create', { code: 'A', name: 'A座', note: null });
    } finally {
      env.dispose();
    }

    // Setup (user, settings, setup), the sign-in and the building in the app, and the verify itself.
    // (A refused command closes the file properly: no unclean stop is found after it. Until the CLI's exit on a
    // refusal went through the host's close, the refused second init above left one, audited as a 7th row.)
    expect(run(['verify', '--data-dir', dir])).toEqual({ status: 0, stdout: `${dbFile}: ok (schema version ${LATEST_VERSION})\naudit log intact, 6 rows`, stderr: '' });
    expect(readDb(dir, (db) => db.prepare("SELECT count(*) FROM audit_log WHERE action = 'unclean-stop'").pluck().get())).toBe(0);
    // The CLI's rows say CLI and the operating-system user, and no account.
    const cliRows = readDb(dir, (db) => db.prepare("SELECT action, user_id AS userId, os_user AS osUser FROM audit_log WHERE via = 'cli' ORDER BY seq").all());
    expect(cliRows.map((r) => (r as { action: string }).action)).toEqual(['create', 'update', 'setup', 'verify']);
    expect(new Set(cliRows.map((r) => JSON.stringify([(r as { userId: unknown }).userId, (r as { osUser: unknown }).osUser])))).toEqual(new Set([JSON.stringify([null, os.userInfo().username])]));

    const backup = run(['backup', '--data-dir', dir]);
    expect(backup.status).toBe(0);
    const file = backup.stdout;
    expect(path.dirname(file)).toBe(path.join(dir, 'backups'));
    expect(listBackups(path.join(dir, 'backups')).map((b) => [b.name, b.kind])).toEqual([[path.basename(file), 'manual']]);

    // Change the data, then restore the backup with the CLI.
    const env2 = new TestEnv({ dir });
    try {
      await env2.signIn('admin', 'mgr');
      await env2.ok('buildings.create', { code: 'B', name: 'B座', note: null });
    } finally {
      env2.dispose();
    }
    expect(names(dir)).toEqual(['A', 'B']);
    const restore = run(['restore', file, '--data-dir', dir]);
    expect(restore).toEqual({ status: 0, stdout: `Restored ${file} into ${dbFile}.`, stderr: '' });
    expect(names(dir)).toEqual(['A']);
    expect(listBackups(path.join(dir, 'backups')).map((b) => b.kind).sort()).toEqual(['manual', 'pre-restore']);

    // A file that is not a database is refused and nothing changes.
    const junk = path.join(dir, 'junk.db');
    fs.writeFileSync(junk, 'not a database');
    const bad = run(['restore', junk, '--data-dir', dir]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('error.backupInvalid');
    expect(names(dir)).toEqual(['A']);
  });

  it('prints any form of any record by its number, lists its forms, and keeps `print slip` working', () => {
    const dir = testDir();
    expect(run(['init', '--site', '阳光花园', '--username', 'admin', '--password', PASSWORD, '--data-dir', dir, '--demo']).status).toBe(0);
    const number = readDb(dir, (db) => db.prepare("SELECT number FROM release_slips WHERE state IN ('issued', 'exited') AND print_count = 0 ORDER BY number LIMIT 1").pluck().get() as string);
    expect(number).toMatch(/^FX-\d{4}-\d{6}$/);

    const forms = run(['forms', number, '--data-dir', dir]);
    expect(forms).toMatchObject({ status: 0, stderr: '' });
    expect(forms.stdout.split('\n')).toEqual([`${number} (slip):`, expect.stringMatching(/^ {2}release-slip +A4 +物品放行条（存档联、门岗联） \/ Goods release slip/)]);

    // Typed as a person or a scanner might: lower case, no dashes, no leading zeros.
    const typed = `${number.slice(0, 2).toLowerCase()}${number.slice(3, 7)}${Number(number.slice(-6))}`;
    const first = path.join(dir, 'first.pdf');
    expect(run(['print', typed, '--out', first, '--data-dir', dir])).toMatchObject({ status: 0, stdout: expect.stringMatching(new RegExp(`^${first}: release-slip of ${number} \\(\\d+ bytes\\)$`)) });
    const text1 = pdfText(first);
    expect(text1).toContain(number);
    expect(text1).not.toContain('副本');
    // The form's declared paper: A4 portrait, 595 × 842 pt.
    expect(execFileSync('pdfinfo', [first], { encoding: 'utf8' })).toMatch(/Page size:\s+595\.2\d* x 841\.8\d* pts \(A4\)/);

    // The old spelling, in English: a reprint, marked as a copy on both parts.
    const again = path.join(dir, 'again.pdf');
    expect(run(['print', 'slip', number, '--form', 'release-slip', '--lang', 'en', '--out', again, '--data-dir', dir])).toMatchObject({ status: 0, stdout: expect.stringContaining('marked as a copy') });
    expect(pdfText(again).match(/COPY/g)?.length).toBeGreaterThanOrEqual(2);
    expect(readDb(dir, (db) => db.prepare("SELECT action FROM audit_log WHERE entity = 'slip' AND action IN ('print', 'reprint') ORDER BY seq").pluck().all())).toEqual(['print', 'reprint']);

    expect(run(['print', number, '--form', 'nope', '--out', again, '--data-dir', dir])).toMatchObject({ status: 1, stderr: `${number} has no form "nope"; its forms: release-slip.` });
    expect(run(['print', 'FX-1999-000001', '--out', again, '--data-dir', dir])).toMatchObject({ status: 1, stderr: 'No record numbered FX-1999-000001.' });
    expect(run(['forms', 'ZX-1999-000001', '--data-dir', dir])).toMatchObject({ status: 1, stderr: 'No record numbered ZX-1999-000001.' });
    expect(run(['print', number, '--data-dir', dir])).toMatchObject({ status: 1, stderr: 'print needs --out FILE' });
  }, 120_000);

  it('writes the monthly occupancy report: the draft as PDF and XLSX, then the finalised version', async () => {
    const dir = testDir();
    const clock = new TestClock('2026-11-02T04:00:00.000Z');
    let env = new TestEnv({ dir, clock });
    try {
      await env.init({ siteName: '阳光花园' });
      const b = await env.ok('buildings.create', { code: '1', name: '1号楼', note: null });
      for (const [code, state] of [['1-101', 'owner_occupied'], ['1-102', 'not_handed_over']] as const) {
        const u = await env.ok('units.create', { buildingId: b.id, code, use: 'residential', floor: 1, areaM2: 90, note: null });
        await env.ok('units.setOccupancy', { unitId: u.id, state, effectiveDate: '2026-11-02', note: null });
      }
    } finally {
      env.dispose();
    }
    const pdf = path.join(dir, 'report.pdf');
    const xlsx = path.join(dir, 'report.xlsx');
    expect(run(['report', 'occupancy', '--month', '2026-11', '--out', pdf, '--data-dir', dir])).toMatchObject({ status: 0, stderr: '', stdout: expect.stringMatching(new RegExp(`^${pdf}: occupancy report 2026-11, draft \\(\\d+ bytes\\)$`)) });
    const draftText = pdfText(pdf).replace(/[ \t]+/g, ' ');
    expect(draftText).toContain('草稿');
    expect(draftText).toContain('1号楼 2 1 1 1 0 0 0 0');
    expect(run(['report', 'occupancy', '--month', '2026-11', '--out', xlsx, '--lang', 'en', '--data-dir', dir])).toMatchObject({ status: 0, stdout: expect.stringContaining(', draft (') });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(xlsx) as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Summary')!.getCell('A2').value).toContain('draft');
    expect(wb.getWorksheet('Units')!.rowCount).toBe(2 + 2);

    clock.set('2026-12-02T04:00:00.000Z');
    env = new TestEnv({ dir, clock });
    let number = '';
    try {
      await env.signIn('admin', 'mgr');
      number = (await env.ok('occupancyReport.finalise', { month: '2026-11' })).snapshot!.number;
      // Open by number: the version's page (its month, that snapshot), for anyone who may read reports.
      const hits = await env.ok('search.global', { q: number.toLowerCase().replace(/-/g, '') });
      expect(hits).toMatchObject([{ kind: 'report', title: number, subtitle: '2026-11', unitId: null, revision: 0 }]);
      expect(hits[0].route).toBe(`/reports/occupancy?month=2026-11&snapshot=${hits[0].id}`);
    } finally {
      env.dispose();
    }
    expect(run(['forms', number, '--data-dir', dir]).stdout.split('\n')).toEqual([`${number} (occupancy-report):`, expect.stringMatching(/^ {2}occupancy-report +A4 landscape +月度物业动态信息表（PDF）/)]);
    const byNumber = path.join(dir, 'by-number.pdf');
    expect(run(['print', number, '--out', byNumber, '--data-dir', dir])).toMatchObject({ status: 0, stdout: expect.stringContaining(`: occupancy-report of ${number} (`) });
    expect(pdfText(byNumber)).toContain(number);
    expect(execFileSync('pdfinfo', [byNumber], { encoding: 'utf8' })).toMatch(/Page size:\s+841\.8\d* x 595\.2\d* pts/);
    expect(run(['report', 'occupancy', '--month', '2026-11', '--out', pdf, '--lang', 'en', '--data-dir', dir])).toMatchObject({ status: 0, stdout: expect.stringContaining(`: occupancy report 2026-11, finalised (${number}) (`) });
    const finalText = pdfText(pdf);
    expect(finalText).toContain(`finalised ${number}`);
    expect(finalText).not.toMatch(/\bdraft\b/);

    expect(run(['report', 'occupancy', '--month', '2026-13', '--out', pdf, '--data-dir', dir])).toMatchObject({ status: 1, stderr: '--month must be a month, YYYY-MM (not "2026-13")' });
    expect(run(['report', 'occupancy', '--month', '2026-11', '--out', path.join(dir, 'r.csv'), '--data-dir', dir])).toMatchObject({ status: 1, stderr: '--out must end in .pdf or .xlsx' });
  }, 120_000);

  it('reads the data folder from FRONTDESK_DATA_DIR, and the password from FRONTDESK_PASSWORD', () => {
    const dir = testDir();
    const sub = path.join(dir, 'nested', 'data');
    const init = run(['init', '--site', 'Env', '--username', 'boss'], { FRONTDESK_DATA_DIR: sub, FRONTDESK_PASSWORD: PASSWORD });
    expect(init).toEqual({ status: 0, stdout: `Created ${path.join(sub, 'frontdesk.db')} with manager "boss".`, stderr: '' });
    expect(run(['verify'], { FRONTDESK_DATA_DIR: sub })).toMatchObject({ status: 0, stdout: `${path.join(sub, 'frontdesk.db')}: ok (schema version ${LATEST_VERSION})\naudit log intact, 4 rows` });
    // --data-dir wins over the variable.
    const other = path.join(dir, 'other');
    fs.mkdirSync(other);
    fs.copyFileSync(path.join(sub, 'frontdesk.db'), path.join(other, 'frontdesk.db'));
    expect(run(['backup', '--data-dir', other], { FRONTDESK_DATA_DIR: sub })).toMatchObject({ status: 0, stdout: expect.stringContaining(path.join(other, 'backups')) });
    expect(listBackups(path.join(sub, 'backups'))).toEqual([]);
    expect(listBackups(path.join(other, 'backups')).length).toBe(1);
  });

  it('verify on a folder without a database says so and creates nothing', () => {
    const dir = testDir();
    const r = run(['verify', '--data-dir', dir]);
    expect(r).toMatchObject({ status: 1, stderr: `No database at ${path.join(dir, 'frontdesk.db')}` });
    expect(fs.existsSync(path.join(dir, 'frontdesk.db'))).toBe(false);
  });

  it('refuses bad init input, reports a damaged database, imports a file', () => {
    const dir = testDir();
    const weak = run(['init', '--site', 'S', '--username', 'admin', '--password', 'weak', '--data-dir', dir]);
    expect(weak.status).toBe(1);
    expect(weak.stderr).toContain('init needs --site, --username and --password');
    expect(weak.stderr).toContain('password: v.passwordShort');

    expect(run(['init', '--site', 'S', '--username', 'admin', '--password', PASSWORD, '--data-dir', dir]).status).toBe(0);
    const csv = path.join(dir, 'units.csv');
    fs.writeFileSync(csv, '楼栋,房号,业主姓名,业主电话\n7,7-101,张三,13812345678\n7,7-102,李四,\n');
    const imp = run(['import', csv, '--data-dir', dir]);
    expect(imp).toMatchObject({ status: 0, stdout: 'imported 2 rows: 1 buildings, 2 units, 2 people, 2 links created; 0 existing units updated, 0 existing units unchanged.' });
    expect(run(['import', csv, '--data-dir', dir]).stdout).toBe('imported 2 rows: 0 buildings, 0 units, 0 people, 0 links created; 0 existing units updated, 2 existing units unchanged.');
    expect(listBackups(path.join(dir, 'backups')).map((b) => b.kind)).toEqual(['pre-import', 'pre-import']);

    fs.writeFileSync(path.join(dir, 'frontdesk.db'), Buffer.alloc(4096, 7));
    for (const s of ['-wal', '-shm']) fs.rmSync(path.join(dir, `frontdesk.db${s}`), { force: true });
    const verify = run(['verify', '--data-dir', dir]);
    expect(verify.status).toBe(1);
    expect(verify.stderr.split('\n').at(-1)).toBe(`${path.join(dir, 'frontdesk.db')}: not-sqlite: file is not a database`);
    const backup = run(['backup', '--data-dir', dir]);
    expect(backup.status).toBe(1);
    expect(backup.stderr).toContain('cannot be used (damaged)');
  });
});
