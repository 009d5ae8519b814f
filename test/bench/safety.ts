/**
 * Data safety figures for `npm run bench` (issue 6): commits per second with synchronous FULL vs NORMAL,
 * what the audit chain and a restore's proof cost on the large site, and the long kill -9 run.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { verifyAuditChain } from '../../db/audit-chain';
import { open, openRaw } from '../../db/connection';
import { inspectDatabaseFile } from '../../electron/backup/backup';
import { createHost } from '../../electron/host/host';
import { acquireFolderLock } from '../../electron/host/folder-lock';
import { createBuilding } from '../../electron/workflows/master/service';
import { int, ms1, s1 } from './stats';

export interface Out {
  say(line?: string): void;
  heading(title: string): void;
  info(metric: string, value: string): void;
}

const COMMITS = 2_000;
const CRASH_RUNS = 100;

/** Small write transactions on the app's connection, one COMMIT each, with the given synchronous mode. */
function commitsPerSecond(file: string, synchronous: 'NORMAL' | 'FULL'): number {
  for (const s of ['', '-wal', '-shm']) fs.rmSync(file + s, { force: true });
  const db = open(file);
  db.pragma(`synchronous = ${synchronous}`);
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL) STRICT');
  const ins = db.prepare('INSERT INTO t (v) VALUES (?)');
  const step = db.transaction((i: number) => ins.run(`row ${i}`));
  const t0 = performance.now();
  for (let i = 0; i < COMMITS; i++) step(i);
  const ms = performance.now() - t0;
  db.close();
  return (COMMITS / ms) * 1000;
}

export async function benchSafety(root: string, siteDb: string, out: Out, self: string): Promise<void> {
  out.heading('6. durability and data safety');
  const dir = path.join(root, 'safety');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });

  const normal = commitsPerSecond(path.join(dir, 'normal.db'), 'NORMAL');
  const full = commitsPerSecond(path.join(dir, 'full.db'), 'FULL');
  out.say(`${int(COMMITS)} one-row commits: synchronous NORMAL ${int(Math.round(normal))}/s, FULL ${int(Math.round(full))}/s (the app uses FULL: a COMMIT is on disk when it returns)`);
  out.info('commits/s, synchronous NORMAL (before)', int(Math.round(normal)));
  out.info('commits/s, synchronous FULL (the app)', int(Math.round(full)));

  // A real service write: check, insert, hash-chained audit row, one IMMEDIATE transaction.
  const svcDir = path.join(dir, 'service');
  const host = createHost({ dataDir: svcDir, log: () => {}, lock: 'test' });
  try {
    const ctx = host.ctx(null);
    const n = 500;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) createBuilding(ctx, { code: `S${i}`, name: `楼${i}`, note: null });
    const rate = (n / (performance.now() - t0)) * 1000;
    out.say(`buildings.create through the service (audit chain, FULL): ${int(Math.round(rate))}/s`);
    out.info('service writes/s (createBuilding, FULL)', int(Math.round(rate)));
  } finally {
    host.close();
  }

  const t1 = performance.now();
  const lock = acquireFolderLock(path.join(dir, 'lock'), { kind: 'test' });
  lock.release();
  out.say(`data folder lock: taken and released in ${ms1(performance.now() - t1)}`);

  // On the large site (read-only): the audit chain walk `verify` does, and a restore's proof of a file that size.
  const site = openRaw(siteDb, { readonly: true });
  try {
    const t = performance.now();
    const chain = verifyAuditChain(site);
    const ms = performance.now() - t;
    out.say(`audit chain of the large site: ${chain.ok ? 'intact' : `BROKEN at ${chain.seq}`}, ${int(chain.rows)} rows in ${s1(ms)}`);
    out.info(`verify: audit chain, ${int(chain.rows)} rows`, s1(ms));
  } finally {
    site.close();
  }
  const t2 = performance.now();
  const proof = inspectDatabaseFile(siteDb, { check: 'full', requireSite: true });
  const proofMs = performance.now() - t2;
  out.say(`restore proof of a file this size (integrity_check, schema, site, manager): ${proof.ok ? 'ok' : proof.reason} in ${s1(proofMs)}`);
  out.info('restore proof of the large site (integrity_check)', s1(proofMs));

  // The long kill -9 run: a writer acknowledges each committed building, and is killed at a different moment each run.
  const crashDir = path.join(dir, 'crash');
  const init = createHost({ dataDir: crashDir, log: () => {}, lock: 'test' });
  init.close();
  const acked: string[] = [];
  const t3 = performance.now();
  for (let run = 1; run <= CRASH_RUNS; run++) {
    acked.push(...(await killedWriter(self, crashDir, `R${run}`, 2 + ((run * 7919) % 40))));
  }
  const db = openRaw(path.join(crashDir, 'frontdesk.db'), { readonly: true });
  let lost = 0;
  let integrity = '';
  let chainOk = false;
  try {
    const has = db.prepare('SELECT 1 FROM buildings WHERE code = ?').pluck();
    lost = acked.filter((c) => !has.get(c)).length;
    integrity = String(db.pragma('integrity_check', { simple: true }));
    chainOk = verifyAuditChain(db).ok;
  } finally {
    db.close();
  }
  out.say(`kill -9: ${CRASH_RUNS} runs in ${s1(performance.now() - t3)}, ${int(acked.length)} acknowledged writes, ${lost} lost; integrity ${integrity}; audit chain ${chainOk ? 'intact' : 'BROKEN'}`);
  out.info(`kill -9 runs / acknowledged / lost`, `${CRASH_RUNS} / ${int(acked.length)} / ${lost}`);
  if (lost || integrity !== 'ok' || !chainOk) throw new Error('the kill -9 run lost data');
  fs.rmSync(dir, { recursive: true, force: true });
}

function killedWriter(self: string, dir: string, prefix: string, after: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [self, '--crash-writer', dir, prefix], { stdio: ['ignore', 'pipe', 'pipe'] });
    let buf = '';
    let err = '';
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.stdout.on('data', (b: Buffer) => {
      buf += b.toString();
      if (buf.split('\n').length > after && !child.killed) child.kill('SIGKILL');
    });
    child.once('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(buf.split('\n').slice(0, -1)) : reject(new Error(`writer exited: ${err}`))));
  });
}

/** `--crash-writer DIR PREFIX`: writes until killed, printing each code once committed. */
export function crashWriter(dir: string, prefix: string): void {
  const host = createHost({ dataDir: dir, log: () => {}, lock: 'test' });
  const ctx = host.ctx(null);
  for (let i = 1; ; i++) {
    createBuilding(ctx, { code: `${prefix}-${i}`, name: prefix, note: null });
    process.stdout.write(`${prefix}-${i}\n`);
  }
}

