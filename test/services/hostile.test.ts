/**
 * Hostile input at every channel (property-based): whatever arrives through `dispatch`, the answer is a
 * clean result envelope — never a throw, never a stack trace, never INTERNAL — and a refused call leaves
 * the database exactly as it was.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, contract, type Channel } from '../../shared/contract';
import { ERROR_CODES, type Result } from '../../shared/kernel/errors';
import { createSite, digest, MISSING_ID, validInputs, type Site } from '../helpers/fixtures';
import { MINUTE, PASSWORD, TestEnv, testEnv } from '../helpers/host';

/** Channels whose valid input costs a password hash (~100 ms): fewer runs. */
const SLOW = new Set<Channel>(['setup.init', 'auth.signIn', 'auth.unlock', 'auth.changePassword', 'users.create', 'users.resetPassword']);
const RUNS = 40;
const SLOW_RUNS = 12;
/** An i18n key (error.*, v.*, import.error.*, slip.*…), never prose or a stack. */
const KEY = /^[a-z]+(\.[A-Za-z0-9_]+)+$/;
const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'then'];

let env: TestEnv;
let site: Site;
let spareUserId: string;

beforeAll(async () => {
  env = new TestEnv();
  await env.init();
  await env.ok('settings.update', { idleLockMinutes: 240, signInMaxAttempts: 20, signInLockMinutes: 1 });
  spareUserId = (await env.ok('users.create', { username: 'spare', displayName: '备用', role: 'clerk', password: 'Spare2026x' })).id;
  site = await createSite(env);
});
afterAll(() => env?.dispose());

/** Valid inputs to mutate; the password change carries a wrong current password so the account stays usable. */
function baseInputs(): Record<Channel, unknown> {
  const v = validInputs(site, { userId: spareUserId, missingId: MISSING_ID }) as Record<Channel, unknown>;
  return { ...v, 'auth.changePassword': { current: 'NotThePassword1', next: 'Another2026x' } };
}

/** Keeps the manager's session signed in and unlocked between runs (garbage may be a valid signOut or lock). */
async function ensureSession(): Promise<boolean> {
  const st = await env.call('app.status', {}, 'mgr');
  const session = st.ok ? (st.value as { session: { locked: boolean } | null }).session : null;
  if (session && !session.locked) return false;
  for (let attempt = 0; attempt < 3; attempt++) {
    const r = session ? await env.call('auth.unlock', { password: PASSWORD }, 'mgr') : await env.call('auth.signIn', { username: 'admin', password: PASSWORD }, 'mgr');
    if (r.ok) return true;
    // Garbage sign-ins may have locked the account: wait it out on the test clock.
    env.clock.advance(2 * MINUTE);
  }
  throw new Error('could not restore the manager session');
}

function nest(depth: number, kind: 'object' | 'array'): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = kind === 'object' ? { a: v } : [v];
  return v;
}

const controlString = fc.string({ unit: fc.integer({ min: 0, max: 0x9f }).filter((c) => c < 0x20 || c >= 0x7f).map((c) => String.fromCharCode(c)), maxLength: 40 });
const weirdString = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  controlString,
  fc.string({ minLength: 1000, maxLength: 10_000 }),
  fc.constant('长'.repeat(10_000)),
  fc.constantFrom('', ' ', '\u0000', '\u2028', '\ud800', '../../etc/passwd', "'; DROP TABLE people; --", '%', '<script>alert(1)</script>', '${process.exit()}', 'NaN', '1e309', '019cefa6-9e00-7000-8000-00000000000'),
);
const weirdNumber = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, -0, Number.MAX_VALUE, Number.MIN_VALUE, Number.MAX_SAFE_INTEGER + 2, -1, -1e308, 2 ** 31, 0.1 + 0.2),
  fc.double(),
  fc.integer(),
);
const pollution = fc.constantFrom(
  JSON.parse('{"__proto__": {"polluted": true}}') as unknown,
  JSON.parse('{"constructor": {"prototype": {"polluted": true}}}') as unknown,
  JSON.parse('{"__proto__": {"polluted": true}, "id": "x", "q": "x"}') as unknown,
  Object.create(null) as unknown,
);
const deep = fc.oneof(fc.integer({ min: 50, max: 3000 }).map((d) => nest(d, 'object')), fc.integer({ min: 50, max: 3000 }).map((d) => nest(d, 'array')));
const anything = fc.anything({
  maxDepth: 4,
  maxKeys: 6,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withTypedArray: true,
  withSparseArray: true,
  key: fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom(...POLLUTION_KEYS)),
});
const garbage: fc.Arbitrary<unknown> = fc.oneof(anything, weirdString, weirdNumber, pollution, deep, fc.constantFrom(undefined, null, true, [], {}, () => 1, Symbol('s')));

/** A valid input with one thing broken: a value replaced, a key removed, or a key added. */
function mutated(channel: Channel): fc.Arbitrary<unknown> {
  const base = baseInputs()[channel] as Record<string, unknown>;
  const keys = Object.keys(base);
  const replace = keys.length
    ? fc.tuple(fc.constantFrom(...keys), garbage).map(([k, v]) => ({ ...baseInputs()[channel] as object, [k]: v }))
    : garbage.map((v) => ({ x: v }));
  const remove = keys.length ? fc.constantFrom(...keys).map((k) => Object.fromEntries(Object.entries(baseInputs()[channel] as object).filter(([key]) => key !== k))) : fc.constant({});
  const add = fc.tuple(fc.oneof(fc.constantFrom(...POLLUTION_KEYS), fc.string({ maxLength: 8 })), garbage).map(([k, v]) => {
    const o = { ...(baseInputs()[channel] as object) } as Record<string, unknown>;
    Object.defineProperty(o, k, { value: v, enumerable: true, configurable: true, writable: true });
    return o;
  });
  return fc.oneof(replace, remove, add);
}

function checkEnvelope(channel: unknown, input: unknown, r: Result<unknown>) {
  try {
    expect(typeof r).toBe('object');
    expect(typeof r.ok).toBe('boolean');
    if (r.ok) {
      expect(Object.keys(r).sort()).toEqual(['ok', 'value']);
    } else {
      expect(Object.keys(r).sort()).toEqual(['error', 'ok']);
      const e = r.error;
      expect(ERROR_CODES).toContain(e.code);
      expect(e.code, JSON.stringify(e)).not.toBe('INTERNAL');
      expect(e.message).toMatch(KEY);
      for (const fe of Object.values(e.fieldErrors ?? {})) expect(fe.message).toMatch(KEY);
      for (const v of Object.values(e.params ?? {})) expect(['string', 'number']).toContain(typeof v);
    }
    // What crosses to the renderer is plain data without a stack trace.
    expect(JSON.stringify(r)).not.toMatch(/\n\s+at |Error:|SqliteError|node_modules/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  } catch (e) {
    // The (costly) description of the input is built only for a failure.
    (e as Error).message = `${String(channel)} ← ${safeShow(input)}: ${(e as Error).message}`;
    throw e;
  }
}

function safeShow(v: unknown): string {
  try {
    return fc.stringify(v).slice(0, 300);
  } catch {
    return String(typeof v);
  }
}

describe('hostile input at every channel, as a signed-in manager', () => {
  it.each(CHANNELS)('%s', async (channel) => {
    let state = digest(env.db());
    const property = fc.asyncProperty(fc.oneof(garbage, mutated(channel)), async (input) => {
      let r: Result<unknown>;
      try {
        r = await env.host.dispatch(channel, input, 'mgr');
      } catch (e) {
        throw new Error(`dispatch threw for ${channel}: ${String(e)}`);
      }
      checkEnvelope(channel, input, r);
      const now = digest(env.db());
      if (!r.ok && JSON.stringify(now) !== JSON.stringify(state)) {
        expect(now, `${channel} refused ${safeShow(input)} with ${JSON.stringify(r.error)} but changed the database`).toEqual(state);
      }
      state = now;
      if (await ensureSession()) state = digest(env.db());
    });
    await fc.assert(property, { numRuns: SLOW.has(channel) ? SLOW_RUNS : RUNS, seed: channel.split('').reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 7) });
    // The app still works normally afterwards.
    expect((await env.ok('today.summary', {})).counts.buildings).toBeGreaterThanOrEqual(1);
  });
});

describe('hostile input without a session', () => {
  it('every channel answers with an envelope; session channels say UNAUTHENTICATED and change nothing', async () => {
    const before = digest(env.db());
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CHANNELS), garbage, fc.string({ maxLength: 20 }), async (channel, input, key) => {
        const r = await env.host.dispatch(channel, input, `anon:${key}`);
        checkEnvelope(channel, input, r);
        const auth = (contract[channel] as { auth?: string }).auth;
        if (auth !== 'none') expect(r).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'error.UNAUTHENTICATED' } });
      }),
      { numRuns: 300, seed: 42 },
    );
    // Sign-in attempts on unknown names may write nothing either.
    expect(digest(env.db())).toEqual(before);
  });
});

describe('unknown channels', () => {
  it('answer UNKNOWN_CHANNEL for any name that is not in the contract', async () => {
    const names = fc.oneof(
      fc.anything({ maxDepth: 2 }),
      fc.string({ maxLength: 40 }),
      fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'app.status ', ' app.status', 'APP.STATUS', 'app', 'app.', '.status', 'users.delete', 'db.exec', 'app.status\u0000'),
    );
    await fc.assert(
      fc.asyncProperty(
        names.filter((n) => !(typeof n === 'string' && (CHANNELS as string[]).includes(n))),
        garbage,
        async (name, input) => {
          const r = await env.host.dispatch(name, input, 'mgr');
          expect(r).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'error.UNKNOWN_CHANNEL' } });
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });
});

describe('file.save names', () => {
  it('takes a Chinese report name and refuses paths, hidden names and other kinds of file before the shell sees them', async () => {
    const env = testEnv();
    await env.init();
    // Valid input reaches the host, which has no native dialog (the Electron shell answers it first).
    for (const fileName of ['月度物业动态信息表-2026-11-草稿.xlsx', 'FX-2026-000001-copy.pdf']) {
      expect((await env.fail('file.save', { fileName, base64: 'JVBERi0xLjcK' })).message).toBe('error.nativeOnly');
    }
    for (const fileName of ['../evil.pdf', 'a/b.pdf', 'C:\\\\x.pdf', '.pdf', 'report.exe', 'report.pdf.exe', 'x'.repeat(120) + '.pdf']) {
      expect((await env.fail('file.save', { fileName, base64: 'JVBERi0xLjcK' })).code, fileName).toBe('VALIDATION');
    }
  });
});
