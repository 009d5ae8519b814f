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

const COOKIE = 'fd_session';

/**
 * Request bodies, per channel. The largest real input is an import file in `import.preview`: the contract
 * (shared/contract.ts) allows `contentBase64` up to 70,000,000 characters, and the import page refuses files
 * over 50 MiB (whose base64 is 69,905,068 characters), so its cap is the contract's maximum plus 64 KiB for
 * the JSON around it (the file name is at most 255 characters: 1.5 KB even if every one is \u-escaped).
 * Every other channel: 2 MiB. The biggest of those are `slips.issue` (three signature data URLs of at most
 * 300,000 characters each: 0.9 MB) and `settings.update` (a logo data URL of at most 400,000 characters).
 * `file.save`/`pdf.print` (20,000,000 characters in the contract) are answered by the Electron shell's
 * native dialogs only: the renderer never sends them here, and the host refuses them (error.nativeOnly).
 * A Content-Length over the cap gets 413 before anything is read; a chunked body is counted as it
 * streams and gets 413 as soon as it passes the cap (what was collected is dropped). Either way the rest
 * is never kept: it is discarded for at most LINGER_MS, then the connection is dropped.
 */
export const IMPORT_BODY_MAX = 70_000_000 + 64 * 1024;
export const BODY_MAX = 2 * 1024 * 1024;
const bodyCap = (channel: string) => (channel === 'import.preview' ? IMPORT_BODY_MAX : BODY_MAX);

/**
 * Memory. While a body is read, turned into text, parsed and dispatched, the shell holds about two copies of
 * it (the bytes and the text, then the text and the parsed value): ~140 MB for a maximum import, plus what
 * the host needs to preview it. So bodies over BODY_MAX (only `import.preview` can be that big, or a chunked
 * `import.preview` whose size is not known) are handled at most LARGE_SLOTS at a time, from the first byte
 * read until the answer is sent; bodies over MID_BODY at most MID_SLOTS at a time. A request that finds no
 * free slot waits without being read (TCP back-pressure keeps its bytes on the client's side) in a queue of
 * at most *_QUEUE requests; beyond that it gets 503 with Retry-After. Two slots: one person imports one file
 * at a time, a second tab need not wait; the queue is short because a queued import waits for whole
 * previews ahead of it. Small bodies (the usual API call, under MID_BODY) are never queued, so the app
 * stays responsive while an import uploads.
 * Ceiling: 600 MB RSS with 24 clients each sending a maximum import body at once
 * (test/services/browser-shell-memory.test.ts: ~420 MB measured, against ~1.5 GB for the same test without
 * these limits and 2.9 GB in a trial). Most of that peak is garbage waiting for V8's next full GC, so it
 * hardly depends on LARGE_SLOTS (one slot measured the same).
 */
export const LARGE_SLOTS = 2;
export const LARGE_QUEUE = 4;
const MID_BODY = 64 * 1024;
const MID_SLOTS = 8;
const MID_QUEUE = 64;
const RETRY_AFTER_S = 5;
/** How long the rest of a refused body is discarded before the connection is dropped (see `linger`). */
const LINGER_MS = 2000;

/** Longer request targets get 414. Browsers send short ones here: the routes and channel names are short. */
const MAX_TARGET = 8 * 1024;

/**
 * The app over loopback HTTP: 127.0.0.1 only, a random per-launch token in the launch URL that is traded
 * for an HttpOnly cookie, a Host-header check (against DNS rebinding) and an Origin check on API calls.
 * Anything else gets 403.
 *
 * Order of the checks: a foreign Host header gets 403 first (a rebinding page learns nothing else). Then a
 * request target that cannot be parsed (not origin-form, bad percent-encoding in the path or the query,
 * over MAX_TARGET) gets 400/414 whether or not the client holds a session: the answer depends only on the
 * bytes the client sent itself, so it reveals nothing, and it keeps malformed input away from the code
 * that routes. Every target that does parse still gets 403 without a session, except the token exchange.
 * Body limits come after the session and Origin checks, so a client without a session never makes the
 * shell buffer anything.
 */
export async function startBrowserShell(host: Host, opts: { staticDir: string; port?: number }): Promise<BrowserShell> {
  const token = randomBytes(24).toString('base64url');
  const sessions = new Set<string>();
  const root = path.resolve(opts.staticDir);
  const largeGate = new Gate(LARGE_SLOTS, LARGE_QUEUE);
  const midGate = new Gate(MID_SLOTS, MID_QUEUE);
  let port = 0;

  const plain = (req: http.IncomingMessage, res: http.ServerResponse, status: number, text: string, headers: http.OutgoingHttpHeaders = {}) => {
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
    res.end(text);
    if (hasBody(req) && !req.complete) linger(req);
  };
  const forbid = (req: http.IncomingMessage, res: http.ServerResponse) =>
    plain(req, res, 403, '403 Forbidden — open FrontDesk from the address printed by `npm start` (the link is new at every launch).\n');
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const sessionOf = (req: http.IncomingMessage): string | null => {
    const m = new RegExp(`(?:^|;\\s*)${COOKIE}=([A-Za-z0-9_-]+)`).exec(req.headers.cookie ?? '');
    return m && sessions.has(m[1]) ? m[1] : null;
  };

  const server = http.createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { Connection: 'close' });
      res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    if (!req.headers.host || !allowedHosts().has(req.headers.host)) return forbid(req, res);
    const target = parseTarget(req.url);
    if (typeof target === 'number') return plain(req, res, target, target === 414 ? '414 URI Too Long\n' : '400 Bad Request\n');
    const { url, path: decodedPath } = target;
    const security = {
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
    };

    if (req.method === 'GET' && url.searchParams.has('t')) {
      if (url.searchParams.get('t') !== token) return forbid(req, res);
      const sid = randomBytes(24).toString('base64url');
      sessions.add(sid);
      res.writeHead(302, { ...security, 'Set-Cookie': `${COOKIE}=${sid}; HttpOnly; SameSite=Strict; Path=/`, Location: '/', 'Cache-Control': 'no-store' });
      return res.end();
    }
    const sid = sessionOf(req);
    if (!sid) return forbid(req, res);

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return forbid(req, res);
      const origin = req.headers.origin;
      if (origin && !allowedHosts().has(origin.replace(/^http:\/\//, ''))) return forbid(req, res);
      const channel = decodedPath.slice('/api/'.length);
      const cap = bodyCap(channel);
      const declared = declaredLength(req);
      if (declared !== null && declared > cap) return plain(req, res, 413, '413 Payload Too Large\n');

      // Unknown length (chunked): assume the channel's cap.
      const expected = declared ?? cap;
      const gate = expected > BODY_MAX ? largeGate : expected > MID_BODY ? midGate : null;
      if (gate) {
        const entered = await gate.enter(res);
        if (entered === 'gone') return;
        if (entered === 'full') return plain(req, res, 503, '503 Busy — try again in a moment\n', { 'Retry-After': String(RETRY_AFTER_S) });
        // Held until the answer is sent or the connection drops: parsing and dispatch need the memory too.
        res.once('close', entered);
        if (res.closed) return entered();
      }

      let body: Buffer | typeof TOO_BIG | typeof ABORTED | null = await readBody(req, declared, cap);
      if (body === ABORTED) return;
      if (body === TOO_BIG) return plain(req, res, 413, '413 Payload Too Large\n');
      // Each form is let go as soon as the next exists, the bytes once they are text, the text once it is
      // parsed: locals of this function would otherwise stay alive across the dispatch below.
      let text: string | null = body === null || body.length === 0 ? null : body.toString('utf8');
      body = null;
      let input: unknown;
      try {
        input = text === null ? {} : JSON.parse(text);
      } catch {
        input = UNPARSEABLE;
      }
      text = null;
      const result =
        input === UNPARSEABLE
          ? { ok: false, error: { code: 'VALIDATION', message: 'error.VALIDATION' } }
          : await host.dispatch(channel, input, `web:${sid}`);
      res.writeHead(200, { ...security, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
      return res.end(JSON.stringify(result));
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return forbid(req, res);
    let rel = decodedPath;
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

const UNPARSEABLE = Symbol('unparseable');
const TOO_BIG = Symbol('too big');
const ABORTED = Symbol('aborted');

/**
 * The request target as a URL and its percent-decoded path, or the status to answer: 400 for anything
 * but origin-form (`/path?query`; no absolute-form, no `*`), bad percent-encoding in the path or the
 * query, or a NUL in the path; 414 over MAX_TARGET. The target is appended to a fixed origin rather than
 * resolved against one, so `//other.host/x` stays a path. The URL parser still resolves dot segments.
 */
function parseTarget(raw: string | undefined): { url: URL; path: string } | 400 | 414 {
  if (!raw || !raw.startsWith('/')) return 400;
  if (raw.length > MAX_TARGET) return 414;
  try {
    const url = new URL(`http://frontdesk.invalid${raw}`);
    const decoded = decodeURIComponent(url.pathname);
    // URLSearchParams would keep a bad escape as it is; the token exchange should not see one either.
    decodeURIComponent(url.search.slice(1));
    if (decoded.includes('\0')) return 400;
    return { url, path: decoded };
  } catch {
    return 400;
  }
}

/**
 * The rest of a body that was answered without being read (403, 400, 413, 503) is discarded as it
 * arrives, never kept, for at most LINGER_MS; then the connection is dropped. Closing at once would reset
 * the connection under a client that is still sending, and many clients (Node's among them) then report
 * the reset instead of the answer; this is the "lingering close" of Apache and nginx. A client that stops
 * sending, or finishes within the time, keeps its connection.
 */
function linger(req: http.IncomingMessage) {
  req.removeAllListeners('data');
  req.resume();
  const socket = req.socket;
  const timer = setTimeout(() => {
    if (!req.complete) socket.destroy();
  }, LINGER_MS);
  timer.unref();
  const stop = () => {
    clearTimeout(timer);
    req.off('end', stop);
    socket.off('close', stop);
  };
  req.once('end', stop);
  socket.once('close', stop);
}

function hasBody(req: http.IncomingMessage): boolean {
  return req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0');
}

/** The Content-Length (Node's parser has checked it is digits and agrees with itself); null for chunked. */
function declaredLength(req: http.IncomingMessage): number | null {
  if (req.headers['transfer-encoding'] !== undefined) return null;
  const n = Number(req.headers['content-length'] ?? 0);
  return Number.isSafeInteger(n) && n >= 0 ? n : Number.MAX_SAFE_INTEGER;
}

/**
 * The whole body, or TOO_BIG as soon as a chunked body passes `cap` (reading stops there, nothing is kept),
 * or ABORTED if the client went away. A declared length (at most `cap`, checked before) is read straight
 * into one buffer of that size; a chunked body is collected and concatenated once at the end.
 */
function readBody(req: http.IncomingMessage, declared: number | null, cap: number): Promise<Buffer | typeof TOO_BIG | typeof ABORTED> {
  if (req.destroyed) return Promise.resolve(ABORTED);
  return new Promise((resolve) => {
    let into: Buffer | null = declared !== null ? Buffer.allocUnsafeSlow(declared) : null;
    let chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (value: Buffer | typeof TOO_BIG | typeof ABORTED) => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onGone);
      req.off('close', onGone);
      into = null;
      chunks = [];
      if (value !== ABORTED) req.pause();
      resolve(value);
    };
    const onData = (c: Buffer) => {
      if (into) {
        if (size + c.length > into.length) return finish(TOO_BIG);
        c.copy(into, size);
        size += c.length;
      } else {
        size += c.length;
        if (size > cap) return finish(TOO_BIG);
        chunks.push(c);
      }
    };
    const onEnd = () => {
      if (into) return finish(size === into.length ? into : into.subarray(0, size));
      return finish(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size));
    };
    const onGone = () => finish(ABORTED);
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onGone);
    req.on('close', onGone);
  });
}

/**
 * At most `slots` holders at once; later callers wait in order, at most `maxWaiting` of them. `enter`
 * resolves with the release function, with 'full' when the queue is full, or with 'gone' when the
 * response closed (the client left) while waiting.
 */
class Gate {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly slots: number,
    private readonly maxWaiting: number,
  ) {}

  enter(res: http.ServerResponse): Promise<(() => void) | 'full' | 'gone'> {
    if (this.active < this.slots) {
      this.active++;
      return Promise.resolve(this.releaser());
    }
    if (this.waiting.length >= this.maxWaiting) return Promise.resolve('full');
    return new Promise((resolve) => {
      const wake = () => {
        res.off('close', gone);
        this.active++;
        resolve(this.releaser());
      };
      const gone = () => {
        const i = this.waiting.indexOf(wake);
        if (i >= 0) this.waiting.splice(i, 1);
        resolve('gone');
      };
      this.waiting.push(wake);
      res.once('close', gone);
    });
  }

  private releaser(): () => void {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.active--;
      this.waiting.shift()?.();
    };
  }
}
