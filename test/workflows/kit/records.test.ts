/**
 * The record kit (electron/kit/): numbers, the timeline and void, for any kind of record — on a real SQLite
 * file through a real host, the way a workflow's service uses them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { nextNumber } from '../../../electron/kit/numbers';
import { appendEvent, timelineOf } from '../../../electron/kit/timeline';
import { endRecord } from '../../../electron/kit/void';
import { AppError } from '../../../shared/kernel/errors';
import { PAGE_FORMATS, pageFormatLabel, pageSizePt } from '../../../shared/kernel/records';
import { parseRecordNumber } from '../../../shared/kernel/record-number';
import { testEnv } from '../../helpers/host';

describe('record numbers', () => {
  it('are per prefix and per year, in the canonical spelling the search box reads back', async () => {
    const env = testEnv();
    const ctx = env.host.ctx(null);
    const take = (prefix: string, year: number) => ctx.db.transaction(() => nextNumber(ctx, prefix, year))();
    expect([take('BX', 2026), take('BX', 2026), take('HF', 2026), take('BX', 2027)]).toEqual(['BX-2026-000001', 'BX-2026-000002', 'HF-2026-000001', 'BX-2027-000001']);
    expect(parseRecordNumber('bx2026 2')?.canonical).toBe('BX-2026-000002');
  });

  it('a number taken in a transaction that rolls back is not used up (no gaps)', async () => {
    const env = testEnv();
    const ctx = env.host.ctx(null);
    expect(() =>
      ctx.db.transaction(() => {
        nextNumber(ctx, 'ZX', 2026);
        throw new Error('the record failed its checks');
      })(),
    ).toThrow('the record failed its checks');
    expect(ctx.db.transaction(() => nextNumber(ctx, 'ZX', 2026))()).toBe('ZX-2026-000001');
  });

  it('gives no duplicates and no gaps when four connections take numbers at the same time', async () => {
    const env = testEnv();
    const dir = path.resolve('node_modules/.cache/frontdesk-tests');
    fs.mkdirSync(dir, { recursive: true });
    const bundle = path.join(dir, `kit-number-worker-${process.pid}.cjs`);
    await build({ entryPoints: [path.resolve('test/workflows/kit/number-worker.ts')], outfile: bundle, bundle: true, platform: 'node', format: 'cjs', packages: 'external', loader: { '.sql': 'text' }, logLevel: 'silent', absWorkingDir: process.cwd() });
    try {
      const runs = await Promise.all(
        Array.from({ length: 4 }, () => new Promise<string[]>((resolve, reject) => {
          const w = new Worker(bundle, { workerData: { dataDir: env.dir, prefix: 'RH', count: 50 } });
          w.once('message', resolve);
          w.once('error', reject);
        })),
      );
      const all = runs.flat();
      expect(new Set(all).size).toBe(200);
      expect(all.map((n) => Number(n.slice(-6))).sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
      // Each number's timeline step committed with it.
      expect(env.count("SELECT count(*) FROM record_events WHERE kind = 'kit-test'")).toBe(200);
    } finally {
      fs.rmSync(bundle, { force: true });
    }
  });
});

describe('the timeline', () => {
  it('keeps every kind apart, oldest first, with who did each step', async () => {
    const env = testEnv();
    const manager = await env.init();
    const ctx = env.host.ctx(manager);
    ctx.db.transaction(() => {
      appendEvent(ctx, 'repair', 'r1', 'create', { category: 'water' });
      appendEvent(ctx, 'callback', 'r1', 'create');
    })();
    env.clock.advanceMinutes(5);
    ctx.db.transaction(() => appendEvent(env.host.ctx(null), 'repair', 'r1', 'dispatch'))();
    expect(timelineOf(ctx, 'repair', 'r1')).toEqual([
      { at: '2026-03-15T04:00:00.000Z', userName: manager.displayName, action: 'create', detail: '{"category":"water"}' },
      { at: '2026-03-15T04:05:00.000Z', userName: null, action: 'dispatch', detail: null },
    ]);
    expect(timelineOf(ctx, 'callback', 'r1').map((e) => e.action)).toEqual(['create']);
  });

  it('is append-only: the database refuses to change or remove a step', async () => {
    const env = testEnv();
    const ctx = env.host.ctx(null);
    ctx.db.transaction(() => appendEvent(ctx, 'repair', 'r1', 'create'))();
    expect(() => ctx.db.prepare("UPDATE record_events SET action = 'x'").run()).toThrow('record_events is append-only');
    expect(() => ctx.db.prepare('DELETE FROM record_events').run()).toThrow('record_events is append-only');
  });
});

describe('void', () => {
  it('refuses by the state rule and changes nothing; else the row, the timeline step and the audit row commit together', async () => {
    const env = testEnv();
    await env.init();
    const supervisor = await env.addUser('supervisor');
    const ctx = env.host.ctx(supervisor);
    let applied = 0;
    const attempt = (refusal: string | null) =>
      endRecord(ctx, 'void', '录入错误', { kind: 'repair', id: 'r9', state: 'open', to: 'voided', refusal, apply: () => void applied++ });
    expect(() => attempt('repair.why.alreadyClosed')).toThrow(AppError);
    expect(applied).toBe(0);
    expect(env.count("SELECT count(*) FROM record_events WHERE record_id = 'r9'")).toBe(0);
    attempt(null);
    expect(applied).toBe(1);
    expect(timelineOf(ctx, 'repair', 'r9')).toMatchObject([{ action: 'void', detail: '{"reason":"录入错误"}', userName: supervisor.displayName }]);
    const audit = env.db().prepare("SELECT action, before, after FROM audit_log WHERE entity = 'repair' AND entity_id = 'r9'").all();
    expect(audit).toEqual([{ action: 'void', before: '{"state":"open"}', after: '{"state":"voided","reason":"录入错误"}' }]);
  });

  it('rolls back the timeline and the audit row when the workflow update fails', async () => {
    const env = testEnv();
    const ctx = env.host.ctx(await env.init());
    expect(() =>
      endRecord(ctx, 'void', 'x', { kind: 'repair', id: 'r10', state: 'open', to: 'voided', refusal: null, apply: () => { throw new Error('disk full'); } }),
    ).toThrow('disk full');
    expect(env.count("SELECT count(*) FROM record_events WHERE record_id = 'r10'")).toBe(0);
    expect(env.count("SELECT count(*) FROM audit_log WHERE entity_id = 'r10'")).toBe(0);
  });
});

describe('page formats', () => {
  it('measure what the printer is given, in points', () => {
    const r = (n: number) => Math.round(n);
    const size = (f: Parameters<typeof pageSizePt>[0]) => { const s = pageSizePt(f); return [r(s.width), r(s.height)]; };
    expect(size(PAGE_FORMATS.a4)).toEqual([595, 842]);
    expect(size(PAGE_FORMATS.a4Landscape)).toEqual([842, 595]);
    expect(size(PAGE_FORMATS.a5)).toEqual([420, 595]);
    expect(size(PAGE_FORMATS.continuous241x140)).toEqual([683, 397]);
    expect(pageFormatLabel(PAGE_FORMATS.continuous241x140)).toBe('241 × 140 mm');
    expect(pageFormatLabel(PAGE_FORMATS.a4Landscape)).toBe('A4 landscape');
  });
});
