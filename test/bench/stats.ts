import { mulberry32 } from '../../electron/services/demo/generate';
/** Small timing and formatting helpers for the benchmark. */

export interface Summary {
  n: number;
  min: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile of sorted samples (q in 0..1). */
function rank(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export function summarize(samples: number[]): Summary {
  const s = [...samples].sort((a, b) => a - b);
  const sum = s.reduce((a, b) => a + b, 0);
  return { n: s.length, min: s[0] ?? NaN, p50: rank(s, 0.5), p95: rank(s, 0.95), max: s[s.length - 1] ?? NaN, mean: s.length ? sum / s.length : NaN };
}

export async function timed<T>(fn: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

export function timedSync<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}

export const ms1 = (ms: number) => `${ms.toFixed(1)} ms`;
export const s1 = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
export const int = (n: number) => n.toLocaleString('en-US');
export const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** A deterministic PRNG (the demo generator's) so the query sample is the same on every run. */
export const rng = (seed: number): (() => number) => mulberry32(seed);

export function pick<T>(next: () => number, arr: readonly T[]): T {
  return arr[Math.floor(next() * arr.length)];
}

/** Renders rows as a plain-text table; the first row is the header. */
export function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) => `| ${r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(' | ')} |`;
  const sep = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [line(rows[0]), sep, ...rows.slice(1).map(line)].join('\n');
}
