/**
 * Memory of the browser shell under many maximum-size bodies at once. The shell runs in a child process
 * (bundled from electron/browser-shell/server.ts with esbuild, as the real build does), so its RSS is its
 * own and not the test runner's; the child samples `process.memoryUsage().rss` every 10 ms and after every
 * body it parses. Its host is a stub that reports the size of the import it was given, so what is measured
 * is the shell's reading and parsing, not an import.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { LARGE_QUEUE, LARGE_SLOTS } from '../../electron/browser-shell/server';
import { testDir } from '../helpers/host';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const MB = 1024 * 1024;
/** The ceiling stated in electron/browser-shell/server.ts. */
const RSS_CEILING = 600 * MB;
const CLIENTS = 24;
/** The largest `contentBase64` the contract allows: the biggest real body. */
const CONTENT_CHARS = 70_000_000;

const CHILD = `
import { startBrowserShell } from './electron/browser-shell/server';

let peak = 0;
const sample = () => {
  peak = Math.max(peak, process.memoryUsage().rss);
};
setInterval(sample, 10);
const host = {
  async dispatch(channel: string, input: unknown) {
    sample();
    await new Promise((r) => setTimeout(r, 5));
    const content = (input as { contentBase64?: unknown } | null)?.contentBase64;
    return { ok: true, value: { channel, chars: typeof content === 'string' ? content.length : 0 } };
  },
};
void startBrowserShell(host as never, { staticDir: process.argv[2] }).then((shell) => {
  process.send!({ port: shell.port, token: shell.token, rss: process.memoryUsage().rss });
});
process.on('message', (m) => {
  if (m === 'peak') {
    sample();
    process.send!({ peak, rss: process.memoryUsage().rss });
  }
});
`;

interface Started {
  child: ChildProcess;
  port: number;
  token: string;
  rss: number;
}

async function startChild(): Promise<Started> {
  const dir = testDir('fd-shell-mem-');
  const staticDir = path.join(dir, 'static');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>FrontDesk</title>');
  const outfile = path.join(dir, 'shell-child.cjs');
  await build({
    stdin: { contents: CHILD, resolveDir: REPO, loader: 'ts', sourcefile: 'shell-child.ts' },
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    logLevel: 'warning',
  });
  const child = spawn(process.execPath, [outfile, staticDir], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const info = await new Promise<{ port: number; token: string; rss: number }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as { port: number; token: string; rss: number }));
    child.once('exit', (code) => reject(new Error(`shell child exited (${code})`)));
  });
  return { child, ...info };
}

function ask<T>(child: ChildProcess, message: string): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (m) => resolve(m as T));
    child.send(message);
  });
}

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  ms: number;
}

/** A POST whose body is `prefix`, then `fill` bytes of 'A', then `suffix`, streamed with back-pressure from one shared chunk. */
function upload(port: number, headers: Record<string, string>, prefix: string, fill: number, suffix: string): Promise<Reply> {
  const chunk = Buffer.alloc(MB, 'A');
  const length = Buffer.byteLength(prefix) + fill + Buffer.byteLength(suffix);
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: '/api/import.preview', method: 'POST', headers: { ...headers, 'Content-Type': 'application/json', 'Content-Length': String(length) } },
      (res) => {
        // An early answer (503, 413): stop sending; the shell closes the connection without reading the rest.
        answered = true;
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, ms: Date.now() - t0 });
          req.destroy();
        });
      },
    );
    let answered = false;
    req.on('error', (e) => {
      if (!answered) reject(e);
    });
    req.write(prefix);
    let left = fill;
    const pump = () => {
      while (left > 0 && !answered) {
        const n = Math.min(left, chunk.length);
        left -= n;
        if (!req.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return void req.once('drain', pump);
      }
      if (!answered) req.end(suffix);
    };
    pump();
  });
}

function small(port: number, opts: { path: string; method?: string; headers: Record<string, string>; body?: string }): Promise<Reply> {
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: opts.path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body, ms: Date.now() - t0 }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('browser shell memory', () => {
  it(`keeps RSS under ${RSS_CEILING / MB} MB with ${CLIENTS} maximum-size import bodies at once, and small calls still answer`, async () => {
    const { child, port, token, rss: startRss } = await startChild();
    try {
      const host = `127.0.0.1:${port}`;
      const login = await small(port, { path: `/?t=${token}`, headers: { Host: host } });
      expect(login.status).toBe(302);
      const cookie = String(login.headers['set-cookie']).split(';')[0];
      const headers = { Host: host, Cookie: cookie };
      const status = () => small(port, { path: '/api/app.status', method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: '{}' });

      const big = (i: number) => upload(port, headers, `{"fileName":"big-${i}.csv","contentBase64":"`, CONTENT_CHARS, '"}');
      const t0 = Date.now();
      const uploads = Array.from({ length: CLIENTS }, (_, i) => big(i));
      // Small calls while the big ones are in flight: answered at once, not queued behind them.
      await new Promise((r) => setTimeout(r, 300));
      const during = [await status(), await small(port, { path: '/', headers }), await status()];
      const done = await Promise.all(uploads);
      const elapsed = Date.now() - t0;
      const after = await status();
      // A refused client that comes back later is served.
      const again = await big(CLIENTS);
      const { peak, rss } = await ask<{ peak: number; rss: number }>(child, 'peak');

      const statuses = done.map((r) => r.status);
      console.log(
        `browser shell: ${CLIENTS} concurrent import bodies of ${(done.length && CONTENT_CHARS / 1e6).toFixed(0)}M characters: ` +
          `peak RSS ${(peak / MB).toFixed(0)} MB (ceiling ${RSS_CEILING / MB} MB; ${(startRss / MB).toFixed(0)} MB at start, ${(rss / MB).toFixed(0)} MB after), ` +
          `${elapsed} ms in all, ${LARGE_SLOTS} slots + ${LARGE_QUEUE} queued, statuses ${JSON.stringify(Object.fromEntries([...new Set(statuses)].map((s) => [s, statuses.filter((x) => x === s).length])))}, ` +
          `small calls during ${during.map((r) => `${r.status}/${r.ms} ms`).join(', ')}`,
      );

      for (const r of during) expect(r.status).toBe(200);
      for (const r of during) expect(r.ms).toBeLessThan(3000);
      expect(JSON.parse(during[0].body)).toMatchObject({ ok: true, value: { channel: 'app.status' } });
      expect(during[1].body).toContain('<title>FrontDesk</title>');
      // Each upload was either read whole (in a slot, or after waiting in the queue) or refused at once
      // with 503 + Retry-After without being read. At least the slots and the queue were served.
      for (const r of done) {
        expect([200, 503]).toContain(r.status);
        if (r.status === 200) expect(JSON.parse(r.body)).toEqual({ ok: true, value: { channel: 'import.preview', chars: CONTENT_CHARS } });
        else expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
      }
      expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(LARGE_SLOTS + LARGE_QUEUE);
      expect(after.status).toBe(200);
      expect(again.status).toBe(200);
      expect(peak).toBeLessThan(RSS_CEILING);
    } finally {
      child.kill();
    }
  });
});
