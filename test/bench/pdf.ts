import { spawnSync } from 'node:child_process';
import { renderPdf } from '../../electron/pdf/engine';
import { slipDocument } from '../../electron/workflows/slips/forms/release-slip';
import { MAX_SLIP_ITEMS } from '../../shared/workflows/slips/schema';
import { sampleSlip } from '../helpers/slip-sample';
import { summarize, type Summary } from './stats';

const SITE = { siteName: '阳光花园', formHeader: '深圳市安居物业服务有限公司 客户服务中心', hotline: '0755-86001234', address: '', logoDataUrl: null };

/** A fresh document for slip `i` (pdfmake mutates definitions, so every render builds its own). */
function doc(i: number) {
  const data = sampleSlip(1 + (i % MAX_SLIP_ITEMS));
  data.slip.number = `FX-2026-${String(i + 1).padStart(6, '0')}`;
  return slipDocument(data, SITE, i % 2 ? 'en' : 'zh-CN', { copy: false, printedAt: '2026-11-23 10:31', timeZone: 'Asia/Shanghai' });
}

/** In the child process started by `coldRender`: the first slip after start, fonts not yet loaded. */
export async function coldChild(): Promise<void> {
  const t = performance.now();
  const bytes = await renderPdf(doc(0));
  process.stdout.write(JSON.stringify({ ms: performance.now() - t, bytes: bytes.length }));
}

/** Cold: a new process renders its first slip (the font files are read and parsed then). Median of `runs` processes. */
export function coldRender(benchFile: string, runs: number): { ms: Summary; bytes: number } {
  const ms: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, [benchFile, '--pdf-cold-child'], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`cold PDF child failed: ${r.stderr}`);
    const out = JSON.parse(r.stdout) as { ms: number; bytes: number };
    ms.push(out.ms);
    bytes = out.bytes;
  }
  return { ms: summarize(ms), bytes };
}

/** Warm renders one after another in this process; returns per-slip timings and the total. */
export async function warmRenders(n: number): Promise<{ each: Summary; totalMs: number }> {
  await renderPdf(doc(0));
  const samples: number[] = [];
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await renderPdf(doc(i));
    samples.push(performance.now() - t);
  }
  return { each: summarize(samples), totalMs: performance.now() - t0 };
}
