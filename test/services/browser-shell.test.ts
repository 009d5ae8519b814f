import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BODY_MAX, IMPORT_BODY_MAX, LARGE_QUEUE, LARGE_SLOTS, startBrowserShell } from '../../electron/browser-shell/server';
import { testDir, testEnv } from '../helpers/host';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw HTTP request, so the Host and Origin headers can be anything an attacker's page could send. */
function request(port: number, opts: { path: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: opts.path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

async function start() {
  const env = testEnv();
  const staticDir = testDir('fd-static-');
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>FrontDesk</title>');
  fs.mkdirSync(path.join(staticDir, 'assets'));
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  const shell = await startBrowserShell(env.host, { staticDir });
  const host = `127.0.0.1:${shell.port}`;
  return { env, shell, host, staticDir };
}

async function signedCookie(port: number, host: string, token: string): Promise<string> {
  const r = await request(port, { path: `/?t=${token}`, headers: { Host: host } });
  expect(r.status).toBe(302);
  return String(r.headers['set-cookie']).split(';')[0];
}

describe('browser shell', () => {
  it('listens on 127.0.0.1 only and trades the launch token for an HttpOnly cookie', async () => {
    const { shell, host } = await start();
    try {
      expect(shell.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${shell.port}/\\?t=[\\w-]{32}$`));
      const r = await request(shell.port, { path: `/?t=${shell.token}`, headers: { Host: host } });
      expect(r.status).toBe(302);
      expect(r.headers.location).toBe('/');
      expect(String(r.headers['set-cookie'])).toMatch(/^fd_session=[\w-]+; HttpOnly; SameSite=Strict; Path=\/$/);
      const cookie = String(r.headers['set-cookie']).split(';')[0];
      const page = await request(shell.port, { path: '/', headers: { Host: host, Cookie: cookie } });
      expect(page.status).toBe(200);
      expect(page.body).toContain('<title>FrontDesk</title>');
      expect(page.headers['content-security-policy']).toContain("default-src 'self'");
      expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(page.headers['x-frame-options']).toBe('DENY');
    } finally {
      await shell.close();
    }
  });

  it('refuses with 403: no token, a wrong token, a stale cookie, a foreign Host header or Origin', async () => {
    const { shell, host } = await start();
    try {
      expect((await request(shell.port, { path: '/', headers: { Host: host } })).status).toBe(403);
      expect((await request(shell.port, { path: '/?t=wrong', headers: { Host: host } })).status).toBe(403);
      expect((await request(shell.port, { path: '/', headers: { Host: host, Cookie: 'fd_session=madeup' } })).status).toBe(403);
      // DNS rebinding: the right token and cookie, but a page on another host name.
      expect((await request(shell.port, { path: `/?t=${shell.token}`, headers: { Host: `evil.example:${shell.port}` } })).status).toBe(403);
      const cookie = await signedCookie(shell.port, host, shell.token);
      expect((await request(shell.port, { path: '/', headers: { Host: `evil.example:${shell.port}`, Cookie: cookie } })).status).toBe(403);
      const api = (headers: Record<string, string>) =>
        request(shell.port, { path: '/api/app.status', method: 'POST', headers: { Host: host, 'Content-Type': 'application/json', ...headers }, body: '{}' });
      expect((await api({})).status).toBe(403);
      expect((await api({ Cookie: cookie, Origin: 'http://evil.example' })).status).toBe(403);
      expect((await api({ Cookie: cookie, Origin: `http://${host}` })).status).toBe(200);
      // The API takes POST only.
      expect((await request(shell.port, { path: '/api/app.status', headers: { Host: host, Cookie: cookie } })).status).toBe(403);
    } finally {
      await shell.close();
    }
  });

  it('answers API calls with the result envelope, including for garbage bodies and unknown channels', async () => {
    const { shell, host } = await start();
    try {
      const cookie = await signedCookie(shell.port, host, shell.token);
      const post = (channel: string, body: string) =>
        request(shell.port, { path: `/api/${channel}`, method: 'POST', headers: { Host: host, Cookie: cookie, 'Content-Type': 'application/json' }, body });
      const status = JSON.parse((await post('app.status', '{}')).body);
      expect(status).toMatchObject({ ok: true, value: { db: 'ok', setupNeeded: true, session: null } });
      expect(JSON.parse((await post('app.status', '{not json')).body)).toEqual({ ok: false, error: { code: 'VALIDATION', message: 'error.VALIDATION' } });
      expect(JSON.parse((await post('nope.nothing', '{}')).body)).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'error.UNKNOWN_CHANNEL' } });
      expect(JSON.parse((await post('units.list', '{}')).body)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    } finally {
      await shell.close();
    }
  });

  it('serves only files inside the renderer folder', async () => {
    const { shell, host, staticDir } = await start();
    try {
      fs.writeFileSync(path.join(path.dirname(staticDir), 'secret.txt'), 'secret');
      const cookie = await signedCookie(shell.port, host, shell.token);
      const get = (p: string) => request(shell.port, { path: p, headers: { Host: host, Cookie: cookie } });
      expect((await get('/assets/app.js')).status).toBe(200);
      for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/../../secret.txt', '/%2e%2e%2fsecret.txt']) {
        const r = await get(p);
        expect(r.status, p).not.toBe(200);
        expect(r.body).not.toContain('secret');
      }
    } finally {
      await shell.close();
    }
  });
});

/** A raw connection, for request targets node:http would not send and for bodies sent in pieces (or never). */
class Raw {
  readonly socket: net.Socket;
  private data = Buffer.alloc(0);
  private waiters: Array<() => void> = [];
  closed = false;

  constructor(port: number) {
    this.socket = net.connect(port, '127.0.0.1');
    this.socket.on('data', (c: Buffer) => {
      this.data = Buffer.concat([this.data, c]);
      this.wake();
    });
    this.socket.on('error', () => {});
    this.socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
  }

  private wake() {
    for (const w of this.waiters.splice(0)) w();
  }

  send(text: string | Buffer): this {
    if (!this.socket.destroyed) this.socket.write(text);
    return this;
  }

  /** Whether a whole response has come back yet. */
  get answered(): boolean {
    return this.parse() !== null;
  }

  private parse(): { status: number; headers: string; body: string } | null {
    const text = this.data.toString('latin1');
    const end = text.indexOf('\r\n\r\n');
    if (end < 0) return null;
    const headers = text.slice(0, end);
    const status = Number(headers.slice(9, 12));
    if (/\r\ntransfer-encoding: *chunked/i.test(headers)) {
      let body = '';
      for (let at = end + 4; ; ) {
        const eol = text.indexOf('\r\n', at);
        if (eol < 0) return null;
        const size = parseInt(text.slice(at, eol), 16);
        if (text.length < eol + 2 + size + 2) return null;
        if (size === 0) return { status, headers, body: Buffer.from(body, 'latin1').toString('utf8') };
        body += text.slice(eol + 2, eol + 2 + size);
        at = eol + 2 + size + 2;
      }
    }
    const length = Number(/\r\ncontent-length: *(\d+)/i.exec(headers)?.[1] ?? 0);
    if (text.length < end + 4 + length) return null;
    return { status, headers, body: Buffer.from(text.slice(end + 4, end + 4 + length), 'latin1').toString('utf8') };
  }

  /** The first response, as soon as it is complete (the connection may stay open). */
  async response(timeoutMs = 5000): Promise<{ status: number; headers: string; body: string }> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const r = this.parse();
      if (r) return r;
      if (this.closed) throw new Error(`connection closed without a response: ${JSON.stringify(this.data.toString('latin1').slice(0, 200))}`);
      if (Date.now() > until) throw new Error('no response in time');
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  async whenClosed(timeoutMs: number): Promise<boolean> {
    const until = Date.now() + timeoutMs;
    while (!this.closed && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    return this.closed;
  }

  end() {
    this.socket.destroy();
  }
}

/** POST `total` bytes of filler with Transfer-Encoding: chunked (no length up front); stops sending once answered. */
function chunkedUpload(port: number, headers: Record<string, string>, channel: string, total: number): Promise<Reply & { sent: number }> {
  const chunk = Buffer.alloc(256 * 1024, 'A');
  return new Promise((resolve, reject) => {
    let answered = false;
    let sent = 0;
    const req = http.request({ host: '127.0.0.1', port, path: `/api/${channel}`, method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' } }, (res) => {
      answered = true;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, sent });
        req.destroy();
      });
    });
    req.on('error', (e) => {
      if (!answered) reject(e);
    });
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

const importBody = (chars: number) => `{"fileName":"a.csv","contentBase64":"${'A'.repeat(chars)}"}`;
const preamble = (host: string, cookie: string, channel: string, length: number | string) =>
  `POST /api/${channel} HTTP/1.1\r\nHost: ${host}\r\nCookie: ${cookie}\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`;

describe('browser shell: malformed requests and request bodies', () => {
  it('answers 400 to request targets it cannot parse, with a session or without, and goes on answering', async () => {
    const { shell, host } = await start();
    try {
      const cookie = await signedCookie(shell.port, host, shell.token);
      const bad = ['/%', '/%E0%A4%A', '/api/%', '/api/app.status%', '/assets/%zz.js', '/%C0%AF', '/%00', '/?t=%', '/?q=%E0%A4%A', '/api/app.status?x=%'];
      for (const p of bad) {
        for (const headers of [{ Host: host }, { Host: host, Cookie: cookie }] as Record<string, string>[]) {
          const get = await request(shell.port, { path: p, headers });
          expect(get.status, `GET ${p} ${headers.Cookie ? 'with' : 'without'} a session`).toBe(400);
          expect(get.body).not.toContain('Error');
          const post = await request(shell.port, { path: p, method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: '{}' });
          expect(post.status, `POST ${p}`).toBe(400);
        }
      }
      // The Host check comes first: a foreign Host learns nothing else, whatever the path.
      expect((await request(shell.port, { path: '/%', headers: { Host: `evil.example:${shell.port}`, Cookie: cookie } })).status).toBe(403);

      // Targets that are not origin-form, and one far too long.
      for (const line of ['GET * HTTP/1.1', 'OPTIONS * HTTP/1.1', 'GET http://evil.example/ HTTP/1.1', `GET http://${host}/ HTTP/1.1`, 'GET index.html HTTP/1.1']) {
        const raw = new Raw(shell.port).send(`${line}\r\nHost: ${host}\r\nCookie: ${cookie}\r\n\r\n`);
        expect((await raw.response()).status, line).toBe(400);
        raw.end();
      }
      const long = new Raw(shell.port).send(`GET /${'a'.repeat(9000)} HTTP/1.1\r\nHost: ${host}\r\nCookie: ${cookie}\r\n\r\n`);
      expect((await long.response()).status).toBe(414);
      long.end();

      // Well-formed escapes still work, and a parseable target without a session is still 403.
      expect((await request(shell.port, { path: '/%61ssets/app.js?v=%E2%9C%93', headers: { Host: host, Cookie: cookie } })).status).toBe(200);
      expect((await request(shell.port, { path: '/assets/app.js?v=%E2%9C%93', headers: { Host: host } })).status).toBe(403);
      expect((await request(shell.port, { path: '/api/app%2Estatus', method: 'POST', headers: { Host: host }, body: '{}' })).status).toBe(403);
      const ok = await request(shell.port, { path: '/api/app%2Estatus', method: 'POST', headers: { Host: host, Cookie: cookie, 'Content-Type': 'application/json' }, body: '{}' });
      expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { db: 'ok' } });
    } finally {
      await shell.close();
    }
  });

  it('answers 413 to a Content-Length over the cap at once, without waiting for (or reading) the body', async () => {
    const { shell, host } = await start();
    try {
      const cookie = await signedCookie(shell.port, host, shell.token);
      for (const [channel, length] of [
        ['app.status', BODY_MAX + 1],
        ['settings.update', BODY_MAX + 1],
        ['import.preview', IMPORT_BODY_MAX + 1],
        ['import.preview', '999999999999999'],
      ] as const) {
        // Only the headers are sent: the answer cannot depend on the body.
        const raw = new Raw(shell.port).send(preamble(host, cookie, channel, length));
        const r = await raw.response(2000);
        expect(r.status, `${channel} ${length}`).toBe(413);
        raw.end();
      }
      // Without a session: 403, also without reading.
      const anon = new Raw(shell.port).send(`POST /api/import.preview HTTP/1.1\r\nHost: ${host}\r\nContent-Length: ${IMPORT_BODY_MAX}\r\n\r\n`);
      expect((await anon.response(2000)).status).toBe(403);
      // The rest of a refused body is never waited for: the connection is dropped after a short linger.
      const held = new Raw(shell.port).send(preamble(host, cookie, 'app.status', BODY_MAX + 1));
      expect((await held.response(2000)).status).toBe(413);
      expect(await held.whenClosed(5000)).toBe(true);
      expect(await anon.whenClosed(5000)).toBe(true);

      // Up to the cap is fine: a 1.9 MB call reaches the host (which rejects its shape), a 3 MB import is over the
      // general cap but within the import's (and the host answers that nobody is signed in).
      const post = (channel: string, body: string) =>
        request(shell.port, { path: `/api/${channel}`, method: 'POST', headers: { Host: host, Cookie: cookie, 'Content-Type': 'application/json' }, body });
      const nearCap = await post('app.status', JSON.stringify({ pad: 'x'.repeat(1_900_000) }));
      expect(nearCap.status).toBe(200);
      expect(JSON.parse(nearCap.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      const bigImport = await post('import.preview', importBody(3_000_000));
      expect(bigImport.status).toBe(200);
      expect(JSON.parse(bigImport.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      expect((await post('app.status', JSON.stringify({ pad: 'x'.repeat(BODY_MAX) }))).status).toBe(413);
    } finally {
      await shell.close();
    }
  });

  it('stops reading a chunked body as soon as it passes the cap, answers 413 and goes on answering', async () => {
    const { shell, host } = await start();
    try {
      const cookie = await signedCookie(shell.port, host, shell.token);
      const headers = { Host: host, Cookie: cookie };
      const small = await chunkedUpload(shell.port, headers, 'app.status', 64 * 1024 * 1024);
      expect(small.status).toBe(413);
      // Answered near the cap, not after the 64 MB (the client stops sending when it sees the answer).
      expect(small.sent).toBeLessThan(BODY_MAX + 16 * 1024 * 1024);
      const big = await chunkedUpload(shell.port, headers, 'import.preview', IMPORT_BODY_MAX + 8 * 1024 * 1024);
      expect(big.status).toBe(413);
      expect(big.sent).toBeGreaterThan(IMPORT_BODY_MAX);
      const status = await request(shell.port, { path: '/api/app.status', method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: '{}' });
      expect(JSON.parse(status.body)).toMatchObject({ ok: true, value: { db: 'ok' } });
      expect((await request(shell.port, { path: '/', headers })).status).toBe(200);
    } finally {
      await shell.close();
    }
  });

  it(`reads at most ${LARGE_SLOTS} large bodies at once, queues ${LARGE_QUEUE}, refuses more with 503 + Retry-After, and small calls pass meanwhile`, async () => {
    const { shell, host } = await start();
    const clients: Raw[] = [];
    const open = (length: number) => {
      const c = new Raw(shell.port).send(preamble(host, cookie, 'import.preview', length));
      clients.push(c);
      return c;
    };
    const settle = () => new Promise((r) => setTimeout(r, 300));
    let cookie = '';
    try {
      cookie = await signedCookie(shell.port, host, shell.token);
      const body = Buffer.from(importBody(3_000_000));
      // Large bodies whose clients send the headers and then nothing (yet): two in the slots, the rest queued.
      const held = Array.from({ length: LARGE_SLOTS + LARGE_QUEUE }, () => open(body.length));
      await settle();
      const refused = open(body.length);
      const r503 = await refused.response(2000);
      expect(r503.status).toBe(503);
      expect(r503.headers).toMatch(/\r\nRetry-After: \d+/i);
      for (const c of held) expect(c.answered).toBe(false);
      // Small calls are not queued behind them.
      const status = await request(shell.port, { path: '/api/app.status', method: 'POST', headers: { Host: host, Cookie: cookie, 'Content-Type': 'application/json' }, body: '{}' });
      expect(JSON.parse(status.body)).toMatchObject({ ok: true });

      // A slot holder and a queued client leave: the slot and the queue place are given back.
      held[0].end();
      held[held.length - 1].end();
      await settle();
      // held[2] moved into the freed slot: it is read and answered while held[1] still holds the other.
      held[2].send(body);
      const served = await held[2].response();
      expect(served.status).toBe(200);
      expect(JSON.parse(served.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      // Now held[1] and held[3] are in the slots and held[4] waits: three more fit in the queue, the fourth does not.
      const more = [open(body.length), open(body.length), open(body.length)];
      await settle();
      const over = open(body.length);
      expect((await over.response(2000)).status).toBe(503);
      for (const c of more) expect(c.answered).toBe(false);
      // Everyone still waiting is served once the bodies come.
      for (const c of [held[1], held[3], held[4], ...more]) c.send(body);
      for (const c of [held[1], held[3], held[4], ...more]) expect((await c.response(10_000)).status).toBe(200);
    } finally {
      for (const c of clients) c.end();
      await shell.close();
    }
  });
});
