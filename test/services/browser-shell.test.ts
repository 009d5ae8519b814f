import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startBrowserShell } from '../../electron/browser-shell/server';
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
