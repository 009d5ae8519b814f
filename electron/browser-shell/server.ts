import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Host } from '../host/host';

export interface BrowserShell {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.pdf': 'application/pdf',
};

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

const MAX_BODY = 100 * 1024 * 1024;
const COOKIE = 'fd_session';

/**
 * The app over loopback HTTP: 127.0.0.1 only, a random per-launch token in the launch URL that is traded
 * for an HttpOnly cookie, a Host-header check (against DNS rebinding) and an Origin check on API calls.
 * Anything else gets 403.
 */
export async function startBrowserShell(host: Host, opts: { staticDir: string; port?: number }): Promise<BrowserShell> {
  const token = randomBytes(24).toString('base64url');
  const sessions = new Set<string>();
  const root = path.resolve(opts.staticDir);
  let port = 0;

  const forbid = (res: http.ServerResponse) => {
    res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end('403 Forbidden — open FrontDesk from the address printed by `npm start` (the link is new at every launch).\n');
  };
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const sessionOf = (req: http.IncomingMessage): string | null => {
    const m = new RegExp(`(?:^|;\\s*)${COOKIE}=([A-Za-z0-9_-]+)`).exec(req.headers.cookie ?? '');
    return m && sessions.has(m[1]) ? m[1] : null;
  };

  const server = http.createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    if (!req.headers.host || !allowedHosts().has(req.headers.host)) return forbid(res);
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const security = {
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
    };

    if (req.method === 'GET' && url.searchParams.has('t')) {
      if (url.searchParams.get('t') !== token) return forbid(res);
      const sid = randomBytes(24).toString('base64url');
      sessions.add(sid);
      res.writeHead(302, { ...security, 'Set-Cookie': `${COOKIE}=${sid}; HttpOnly; SameSite=Strict; Path=/`, Location: '/', 'Cache-Control': 'no-store' });
      return res.end();
    }
    const sid = sessionOf(req);
    if (!sid) return forbid(res);

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return forbid(res);
      const origin = req.headers.origin;
      if (origin && !allowedHosts().has(origin.replace(/^http:\/\//, ''))) return forbid(res);
      const body = await readBody(req);
      if (body === null) {
        res.writeHead(413);
        return res.end();
      }
      let input: unknown;
      try {
        input = body.length ? JSON.parse(body) : {};
      } catch {
        input = Symbol('unparseable');
      }
      const channel = decodeURIComponent(url.pathname.slice(5));
      const result = typeof input === 'symbol'
        ? { ok: false, error: { code: 'VALIDATION', message: 'error.VALIDATION' } }
        : await host.dispatch(channel, input, `web:${sid}`);
      res.writeHead(200, { ...security, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
      return res.end(JSON.stringify(result));
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return forbid(res);
    let rel = decodeURIComponent(url.pathname);
    if (rel === '/' || rel === '') rel = '/index.html';
    const file = path.resolve(root, `.${rel}`);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, security);
      return res.end();
    }
    const ext = path.extname(file);
    res.writeHead(200, {
      ...security,
      'Content-Type': MIME[ext] ?? 'application/octet-stream',
      'Cache-Control': ext === '.html' ? 'no-store' : 'max-age=3600',
    });
    if (req.method === 'HEAD') return res.end();
    fs.createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/?t=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) tooBig = true;
      else chunks.push(c);
    });
    req.on('end', () => resolve(tooBig ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
