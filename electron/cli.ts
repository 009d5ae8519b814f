import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createHost } from './host/host';
import { defaultDataDir } from './host/paths';
import * as auth from './services/auth';
import { seedDemo } from './services/demo/seed';
import { parseImportFile } from './workflows/master/import/parse';
import { commitRows, type ImportCounts } from './workflows/master/import/commit';
import { checkDatabaseFile } from './backup/backup';
import { openRaw } from '../db/connection';
import { verifyAuditChain } from '../db/audit-chain';
import { describeOwner, FolderBusyError } from './host/folder-lock';
import { pageFormatLabel } from '../shared/kernel/records';
import { NewUserSchema } from '../shared/master/schema';
import { AppError } from '../shared/kernel/errors';
import { isMonth } from '../shared/workflows/occupancy-report/rules';
import { exportReport } from './workflows/occupancy-report/export';

const USAGE = `FrontDesk admin CLI — npm run cli -- <command> [options]

  init --site NAME --username U --password P [--display-name N] [--demo]
                      create the database and the first manager account
  seed-demo [--units N]   add the demo site (about 2,000 units by default)
  import <file.csv|xlsx> [--only-valid]
                      import buildings, units, owners and tenants
  backup              take a backup now (printed: its file)
  restore <file>      replace the database with a backup (the current one is backed up first)
  verify              integrity check of the database and of the audit log's hash chain
  print <number> [--form NAME] --out FILE [--lang zh-CN|en]
                      write the PDF of a record's form; the number says the kind (FX release slip…),
                      --form picks one of its forms (default: the first); a print after the first is
                      marked 副本 / COPY on every part. \`print slip <number>\` still works.
  forms <number>      list the forms of that record (name, paper, title)
  report occupancy --month YYYY-MM --out FILE.pdf|FILE.xlsx [--lang zh-CN|en]
                      write the monthly occupancy report (月度物业动态信息表): the latest finalised
                      version when that month is finalised, else the draft (the file says which)

Every command takes --data-dir DIR (or the FRONTDESK_DATA_DIR environment variable).
init, seed-demo, import and restore change the data: they refuse while FrontDesk runs on that folder.
verify, backup, print and report work beside the running app. Every command is in the audit log as CLI, with
the operating-system user who ran it.`;

/** Commands that change the data take the folder's lock; the others read beside the running app. */
const WRITES = new Set(['init', 'seed-demo', 'import', 'restore']);

/** An expected failure: its message is printed and the CLI exits 1, after the host closed the file properly. */
class CliFailure extends Error {}

function fail(msg: string): never {
  throw new CliFailure(msg);
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' },
      site: { type: 'string' },
      username: { type: 'string' },
      password: { type: 'string' },
      'display-name': { type: 'string' },
      demo: { type: 'boolean' },
      units: { type: 'string' },
      'only-valid': { type: 'boolean' },
      out: { type: 'string' },
      form: { type: 'string' },
      lang: { type: 'string' },
      month: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...rest] = positionals;
  if (!command || values.help) {
    console.log(USAGE);
    process.exit(command ? 0 : 1);
  }
  const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir());
  // Only init and restore may create the database; the others must not leave an empty one behind.
  if (!['init', 'restore'].includes(command) && !fs.existsSync(path.join(dataDir, 'frontdesk.db'))) {
    fail(`No database at ${path.join(dataDir, 'frontdesk.db')}`);
  }
  let host: ReturnType<typeof createHost>;
  try {
    host = createHost({
      dataDir,
      log: (level, m) => level !== 'info' && console.error(m),
      lock: WRITES.has(command) ? 'cli' : false,
      actor: { via: 'cli', osUser: osUser() },
    });
  } catch (e) {
    if (e instanceof FolderBusyError) fail(`${describeOwner(dataDir, e.owner)} \`${command}\` changes the data: close FrontDesk first, or do it in the app.`);
    throw e;
  }
  host.lock?.update({ command });
  const state = host.state();
  if (state.db !== 'ok' && command !== 'restore' && command !== 'verify') fail(`The database in ${dataDir} cannot be used (${state.db}): ${state.message ?? ''}`);
  const ctx = () => {
    requireManager(host);
    return host.ctx(null);
  };
  try {
    switch (command) {
      case 'init': {
        const c = host.ctx(null);
        if (!host.setupOpen()) fail(`${dataDir} is already set up.`);
        const parsed = NewUserSchema.safeParse({
          username: values.username,
          displayName: values['display-name'] ?? values.username,
          role: 'manager',
          password: values.password ?? process.env.FRONTDESK_PASSWORD,
        });
        if (!parsed.success || !values.site) fail(`init needs --site, --username and --password (8+ characters with letters and digits).\n${parsed.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n') ?? ''}`);
        const user = await auth.createUser(c, parsed.data, { onlyIfFirst: true });
        host.completeSetup(values.site);
        if (values.demo) printCounts('demo site', seedDemo(host.ctx(null), { units: 2000, seed: 20261123 }));
        console.log(`Created ${host.paths.db} with manager "${user.username}".`);
        break;
      }
      case 'seed-demo': {
        const units = Number(values.units ?? 2000);
        if (!Number.isInteger(units) || units < 1 || units > 200_000) fail('--units must be between 1 and 200000');
        printCounts('demo site', seedDemo(ctx(), { units, seed: 20261123 }));
        break;
      }
      case 'import': {
        const file = rest[0] ?? fail('import needs a file');
        const parsed = await parseImportFile(path.basename(file), fs.readFileSync(file));
        for (const e of parsed.fileErrors) console.error(`file: ${e.code} ${JSON.stringify(e.params ?? {})}`);
        // fail(), not process.exit: the host closes the file first (else the next start reports an unclean stop).
        if (parsed.fileErrors.length) fail(`${file}: nothing imported.`);
        for (const e of parsed.errors.slice(0, 50)) console.error(`row ${e.line}${e.column ? ` [${e.column}]` : ''}: ${e.code} ${e.params ? JSON.stringify(e.params) : ''}`);
        if (parsed.errors.length && !values['only-valid']) fail(`${new Set(parsed.errors.map((e) => e.line)).size} rows have errors; nothing imported. Fix them, or pass --only-valid to import the ${parsed.rows.length} valid rows.`);
        host.backupNow('pre-import');
        const counts: ImportCounts = { buildings: 0, units: 0, people: 0, links: 0, skipped: 0 };
        const c = ctx();
        c.db.transaction(() => {
          commitRows(c, parsed.rows, counts);
          c.audit('import', 'import', null, null, { file: path.basename(file), rows: parsed.rows.length, ...counts });
        })();
        printCounts(`imported ${parsed.rows.length} rows`, counts);
        break;
      }
      case 'backup': {
        const info = host.backupNow('manual');
        host.ctx(null).audit('backup', 'database', null, null, { backup: info.name });
        console.log(path.join(host.paths.backups, info.name));
        break;
      }
      case 'restore': {
        const file = rest[0] ?? fail('restore needs a backup file');
        if (!fs.existsSync(file)) fail(`${file} does not exist`);
        host.restoreFile(path.resolve(file), null);
        console.log(`Restored ${file} into ${host.paths.db}.`);
        break;
      }
      case 'forms': {
        const [number] = rest;
        if (!number) fail('usage: forms <number>');
        requireManager(host);
        const r = recordOrFail(host, number);
        console.log(`${r.number} (${r.kind}):`);
        for (const f of r.forms) console.log(`  ${f.name.padEnd(20)} ${pageFormatLabel(f.format).padEnd(14)} ${f.title['zh-CN']} / ${f.title.en}`);
        break;
      }
      case 'print': {
        // `print slip <number>` (the first form of this command) reads as `print <number>`.
        const number = rest[0] === 'slip' ? rest[1] : rest[0];
        if (!number) fail('usage: print <number> [--form NAME] --out FILE [--lang zh-CN|en]');
        if (!values.out) fail('print needs --out FILE');
        const lang = values.lang ?? 'zh-CN';
        if (lang !== 'zh-CN' && lang !== 'en') fail('--lang must be zh-CN or en');
        requireManager(host);
        const r = recordOrFail(host, number);
        if (rest[0] === 'slip' && r.kind !== 'slip') fail(`${r.number} is not a release slip.`);
        if (values.form && !r.forms.some((f) => f.name === values.form)) fail(`${r.number} has no form "${values.form}"; its forms: ${r.forms.map((f) => f.name).join(', ')}.`);
        const { bytes, copy, form } = await host.printRecord(r.number, values.form, lang, null);
        fs.writeFileSync(values.out, bytes);
        console.log(`${values.out}: ${form} of ${r.number} (${bytes.length} bytes${copy ? ', marked as a copy' : ''})`);
        break;
      }
      case 'report': {
        if (rest[0] !== 'occupancy') fail('usage: report occupancy --month YYYY-MM --out FILE.pdf|FILE.xlsx [--lang zh-CN|en]');
        const month = values.month ?? fail('report occupancy needs --month YYYY-MM');
        if (!isMonth(month)) fail(`--month must be a month, YYYY-MM (not "${month}")`);
        const out = values.out ?? fail('report occupancy needs --out FILE.pdf or FILE.xlsx');
        const format = path.extname(out).toLowerCase().slice(1);
        if (format !== 'pdf' && format !== 'xlsx') fail('--out must end in .pdf or .xlsx');
        const lang = values.lang ?? 'zh-CN';
        if (lang !== 'zh-CN' && lang !== 'en') fail('--lang must be zh-CN or en');
        const r = await exportReport(ctx(), { month, format, lang });
        fs.writeFileSync(out, r.bytes);
        console.log(`${out}: occupancy report ${month}, ${r.finalised ? `finalised (${r.version})` : 'draft'} (${r.bytes.length} bytes)`);
        break;
      }
      case 'verify': {
        if (!fs.existsSync(host.paths.db)) fail(`No database at ${host.paths.db}`);
        if (host.state().db === 'ok') host.ctx(null).audit('verify', 'database', null);
        host.close();
        const check = checkDatabaseFile(host.paths.db);
        if (!check.ok) fail(`${host.paths.db}: ${check.reason}: ${check.message}`);
        console.log(`${host.paths.db}: ok (schema version ${check.version})`);
        const db = openRaw(host.paths.db, { readonly: true });
        try {
          const chain = verifyAuditChain(db);
          if (!chain.ok) fail(`audit log: row ${chain.seq} ${chain.problem} (${chain.rows} rows read) — the file was changed outside FrontDesk`);
          console.log(`audit log intact, ${chain.rows} rows`);
        } finally {
          db.close();
        }
        break;
      }
      default:
        fail(`Unknown command "${command}".\n\n${USAGE}`);
    }
  } finally {
    host.close();
  }
}

/** The CLI acts only on a site that is set up (it is audited as CLI with the OS user, not as an account). */
function requireManager(host: ReturnType<typeof createHost>): void {
  const c = host.ctx(null);
  const m = c.db.prepare("SELECT 1 FROM users WHERE role = 'manager' AND active = 1 LIMIT 1").get();
  if (!m) fail('No manager account yet: run `init` first.');
}

/** The record a number names, or exit saying there is none. */
function recordOrFail(host: ReturnType<typeof createHost>, number: string): ReturnType<ReturnType<typeof createHost>['findRecord']> {
  try {
    return host.findRecord(number);
  } catch (e) {
    if (e instanceof AppError && e.code === 'NOT_FOUND') fail(`No record numbered ${number.trim()}.`);
    throw e;
  }
}

function osUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}

function printCounts(what: string, c: ImportCounts) {
  console.log(`${what}: ${c.buildings} buildings, ${c.units} units, ${c.people} people, ${c.links} links created; ${c.updated ?? 0} existing units updated, ${c.skipped} existing units unchanged.`);
}

// Expected failures (bad input, refused restore) print their message; only bugs print a stack.
main().catch((e: unknown) => {
  console.error(e instanceof CliFailure ? e.message : e instanceof AppError ? `${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}` : ((e as Error).stack ?? String(e)));
  process.exitCode = 1;
});
