/**
 * Who may call what, table-driven from the contract and shared/kernel/permissions.ts: every channel with a
 * permission, every role, with a valid input; a refused call changes nothing and reveals nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, contract, type Channel } from '../../shared/contract';
import type { Result } from '../../shared/kernel/errors';
import { PERMISSIONS, can, type Permission } from '../../shared/kernel/permissions';
import { ROLES, type Role } from '../../shared/master/enums';
import { createSite, digest, MISSING_ID, validInputs, type Site } from '../helpers/fixtures';
import { TestEnv } from '../helpers/host';

const FORBIDDEN = { code: 'FORBIDDEN', message: 'error.FORBIDDEN' };
const UNAUTH = { code: 'UNAUTHENTICATED', message: 'error.UNAUTHENTICATED' };
const LOCKED = { code: 'LOCKED', message: 'error.LOCKED' };

const permissionOf = (c: Channel): Permission | undefined => (contract[c] as { permission?: Permission }).permission;
const authOf = (c: Channel): 'none' | 'session' => (contract[c] as { auth?: 'none' | 'session' }).auth ?? 'session';
const WITH_PERMISSION = CHANNELS.filter((c) => permissionOf(c));
const SESSION_CHANNELS = CHANNELS.filter((c) => authOf(c) !== 'none');

/** What an allowed caller gets with the valid input of fixtures.validInputs (a business answer, never an access error). */
const ALLOWED_ANSWER: Partial<Record<Channel, (r: Result<unknown>) => void>> = {
  'users.resetPassword': (r) => expect(r).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'error.NOT_FOUND' } }),
  'units.void': (r) => expect(r).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'error.NOT_FOUND' } }),
  'links.void': (r) => expect(r).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'error.NOT_FOUND' } }),
  'import.commit': (r) => expect(r).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'error.NOT_FOUND' } }),
  'import.progress': (r) => expect(r).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'error.NOT_FOUND' } }),
  'backup.restore': (r) => expect(r).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'error.backupNotFound' } }),
  'buildings.void': (r) => expect(r).toEqual({ ok: false, error: { code: 'BAD_STATE', message: 'error.buildingHasUnits', params: { count: 2 } } }),
  ...Object.fromEntries(
    (['slips.get', 'slips.update', 'slips.submit', 'slips.recordCall', 'slips.confirmFees', 'slips.issue', 'slips.refuse', 'slips.void', 'slips.print'] as const).map((c) => [
      c,
      (r: Result<unknown>) => expect(r).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'error.NOT_FOUND' } }),
    ]),
  ),
  ...Object.fromEntries(
    (
      ['repairs.get', 'repairs.dispatch', 'repairs.pickUp', 'repairs.chase', 'repairs.complete', 'repairs.collect', 'repairs.waive', 'repairs.void', 'callbacks.get', 'callbacks.attempt', 'callbacks.reveal'] as const
    ).map((c) => [c, (r: Result<unknown>) => expect(r).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'error.NOT_FOUND' } })]),
  ),
  ...Object.fromEntries(
    (
      [
        'decoration.get', 'decoration.update', 'decoration.check', 'decoration.tellGov', 'decoration.pay', 'decoration.submit', 'decoration.approve', 'decoration.reject',
        'decoration.protect', 'decoration.issuePermit', 'decoration.addPass', 'decoration.revokePass', 'decoration.patrol', 'decoration.violation', 'decoration.noticeCall',
        'decoration.noticeSigned', 'decoration.penalty', 'decoration.rectified', 'decoration.hotWork', 'decoration.requestInspection', 'decoration.inspect',
        'decoration.closeProblem', 'decoration.prepareRefund', 'decoration.payOut', 'decoration.void', 'decoration.reveal',
      ] as const
    ).map((c) => [c, (r: Result<unknown>) => expect(r).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'error.NOT_FOUND' } })]),
  ),
  ...Object.fromEntries(
    (
      [
        'moveIn.get', 'moveIn.identity', 'moveIn.overrideFee', 'moveIn.confirmFees', 'moveIn.copies', 'moveIn.archive', 'moveIn.keys', 'moveIn.inspect', 'moveIn.handover',
        'moveIn.void', 'moveIn.rectFixed', 'moveIn.rectAccepted', 'moveIn.rectReopen', 'moveIn.importCommit', 'movingIn.get', 'movingIn.receipt', 'movingIn.void',
      ] as const
    ).map((c) => [c, (r: Result<unknown>) => expect(r).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'error.NOT_FOUND' } })]),
  ),
  'moveIn.create': (r) => expect(r).toEqual({ ok: false, error: { code: 'VALIDATION', message: 'error.VALIDATION', fieldErrors: { unitId: { message: 'v.notFound' } } } }),
  'movingIn.create': (r) => expect(r).toEqual({ ok: false, error: { code: 'VALIDATION', message: 'error.VALIDATION', fieldErrors: { unitId: { message: 'v.notFound' } } } }),
  'decoration.create': (r) => expect(r).toEqual({ ok: false, error: { code: 'VALIDATION', message: 'error.VALIDATION', fieldErrors: { unitId: { message: 'v.notFound' } } } }),
  'gate.lookup': (r) => expect(r).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'slip.gate.unknown', params: { number: 'ZZ-2026-999999' } } }),
  'gate.exit': (r) => expect(r).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'slip.gate.unknown', params: { number: 'ZZ-2026-999999' } } }),
  'records.print': (r) => expect(r).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'error.noRecordNumbered', params: { number: 'ZZ-2026-999999' } } }),
  // Finalising needs the month's warnings accepted first (another role's call may have done it), and only once.
  'occupancyReport.finalise': (r) => {
    if (!r.ok) expect(r.error).toMatchObject({ code: 'BAD_STATE', message: expect.stringMatching(/^report\.error\.(unresolved|alreadyFinal)$/) });
  },
  'occupancyReport.revise': (r) => {
    if (!r.ok) expect(r.error).toMatchObject({ code: 'BAD_STATE', message: expect.stringMatching(/^report\.error\.(unresolved|notFinal)$/) });
  },
  'links.create': (r) => {
    if (!r.ok) expect(r.error).toEqual({ code: 'VALIDATION', message: 'error.VALIDATION', fieldErrors: { personId: { message: 'v.alreadyLinked' } } });
  },
};
const expectAllowedAnswer = (c: Channel, r: Result<unknown>) => {
  const check = ALLOWED_ANSWER[c];
  if (check) check(r);
  else expect(r, `${c}: ${JSON.stringify(r)}`).toMatchObject({ ok: true });
};

let env: TestEnv;
let site: Site;
let spareUserId: string;
const session = (role: Role) => (role === 'manager' ? 'mgr' : role);
const audits = () => env.count('SELECT count(*) FROM audit_log');

beforeAll(async () => {
  env = new TestEnv();
  await env.init();
  for (const role of ROLES) if (role !== 'manager') await env.addUser(role);
  spareUserId = (await env.ok('users.create', { username: 'spare', displayName: '备用', role: 'clerk', password: 'Spare2026x' })).id;
  site = await createSite(env);
});
afterAll(() => env?.dispose());

const inputs = () => validInputs(site, { userId: spareUserId, missingId: MISSING_ID });

describe('the permission table', () => {
  it('is the product rule (PRODUCT.md "Who uses it")', () => {
    // The foundation's part of the table (other workflows add their own permissions).
    expect(PERMISSIONS).toMatchObject({
      'masterdata.read': ['clerk', 'cashier', 'supervisor', 'manager'],
      'masterdata.write': ['clerk', 'supervisor', 'manager'],
      'masterdata.void': ['supervisor', 'manager'],
      'occupancy.set': ['manager'],
      'pii.reveal': ['clerk', 'supervisor', 'manager'],
      'import.run': ['supervisor', 'manager'],
      'settings.write': ['manager'],
      'users.manage': ['manager'],
      'audit.read': ['manager'],
      'backup.create': ['supervisor', 'manager'],
      'backup.restore': ['manager'],
    });
    expect(can(null, 'masterdata.read')).toBe(false);
    expect(can(undefined, 'masterdata.read')).toBe(false);
    // Every channel that needs a session names a permission, except these that any signed-in user needs.
    // A new channel without a permission must be added here on purpose.
    expect(SESSION_CHANNELS.filter((c) => !permissionOf(c)).sort()).toEqual(['auth.changePassword', 'auth.lock', 'file.save', 'pdf.print', 'settings.get']);
    expect(CHANNELS.filter((c) => authOf(c) === 'none')).toEqual(['app.status', 'setup.init', 'auth.signIn', 'auth.unlock', 'auth.signOut', 'recovery.restore', 'recovery.backups', 'recovery.newSite']);
    for (const c of WITH_PERMISSION) expect(Object.keys(PERMISSIONS)).toContain(permissionOf(c));
  });
});

describe.each(WITH_PERMISSION)('%s', (channel) => {
  const permission = permissionOf(channel)!;
  it.each(ROLES)(`as %s: allowed or FORBIDDEN as ${permission} says`, async (role) => {
    const before = digest(env.db());
    const auditBefore = audits();
    const r = await env.call(channel, inputs()[channel], session(role));
    if (can(role, permission)) {
      expectAllowedAnswer(channel, r);
    } else {
      expect(r).toEqual({ ok: false, error: FORBIDDEN });
      // Refused before the input is looked at: an empty or junk input gets the same answer, not its field errors.
      expect(await env.call(channel, {}, session(role))).toEqual({ ok: false, error: FORBIDDEN });
      expect(await env.call(channel, { junk: '<script>', id: 42 }, session(role))).toEqual({ ok: false, error: FORBIDDEN });
      expect(digest(env.db())).toEqual(before);
      // Nothing else changed, but each of the three refused attempts is in the audit log, with who tried what.
      expect(audits()).toBe(auditBefore + 3);
      const tried = env.db().prepare('SELECT a.action, a.entity, a.entity_id AS entityId, u.role FROM audit_log a LEFT JOIN users u ON u.id = a.user_id ORDER BY a.seq DESC LIMIT 3').all();
      expect(tried).toEqual(Array(3).fill({ action: 'forbidden', entity: 'channel', entityId: channel, role }));
    }
    // The session itself is untouched either way.
    expect((await env.ok('app.status', {}, session(role))).session).toMatchObject({ user: { role }, locked: false });
  });
});

describe('channels that say they read', () => {
  const READS = CHANNELS.filter((c) => contract[c].kind === 'read');
  it('are the ones an import lets through, and there are some of each kind', () => {
    expect(READS.length).toBeGreaterThan(10);
    expect(CHANNELS.filter((c) => contract[c].kind === 'write').length).toBeGreaterThan(10);
  });
  it.each(READS)('%s changes nothing in the database, audit log included', async (channel) => {
    const before = digest(env.db());
    // On a session of its own: auth.lock (which reads nothing and writes nothing) locks the session it is called on.
    await env.signIn('admin', `read-${channel}`);
    const auditBefore = audits();
    const r = await env.call(channel, inputs()[channel], `read-${channel}`);
    // Answers vary (NOT_FOUND for made-up ids, nativeOnly in this shell); none of them writes.
    expect(r.ok || ['NOT_FOUND', 'BAD_STATE', 'FORBIDDEN', 'VALIDATION'].includes(r.error.code)).toBe(true);
    expect(digest(env.db())).toEqual(before);
    expect(audits()).toBe(auditBefore);
  });
});

describe('without a signed-in session', () => {
  it.each(SESSION_CHANNELS)('%s answers UNAUTHENTICATED, whatever the input, and changes nothing', async (channel) => {
    const before = digest(env.db());
    const auditBefore = audits();
    for (const input of [inputs()[channel], {}, undefined, 'x', { __proto__: { admin: true } }]) {
      expect(await env.call(channel, input, 'not-signed-in')).toEqual({ ok: false, error: UNAUTH });
    }
    expect(digest(env.db())).toEqual(before);
    expect(audits()).toBe(auditBefore);
  });

  it('the channels that work before sign-in answer as they should', async () => {
    const anon = 'anonymous';
    const all = inputs();
    expect(await env.call('app.status', all['app.status'], anon)).toMatchObject({ ok: true, value: { db: 'ok', setupNeeded: false, session: null } });
    expect(await env.call('recovery.backups', {}, anon)).toMatchObject({ ok: true });
    expect(await env.call('auth.signOut', {}, anon)).toEqual({ ok: true, value: { done: true } });
    expect(await env.call('setup.init', all['setup.init'], anon)).toEqual({ ok: false, error: { code: 'BAD_STATE', message: 'error.setupDone' } });
    expect(await env.call('auth.signIn', all['auth.signIn'], anon)).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'error.badCredentials' } });
    expect(await env.call('auth.unlock', all['auth.unlock'], anon)).toEqual({ ok: false, error: UNAUTH });
    expect(await env.call('recovery.restore', all['recovery.restore'], anon)).toEqual({ ok: false, error: FORBIDDEN });
    // A working database is never swapped for a blank site.
    expect(await env.call('recovery.newSite', { confirm: true }, anon)).toEqual({ ok: false, error: FORBIDDEN });
  });
});

describe('a locked session', () => {
  it('gets LOCKED on every session channel except auth.lock, for every role', async () => {
    await env.addUser('clerk', 'lockme', 'lockme');
    expect(await env.ok('auth.lock', {}, 'lockme')).toEqual({ done: true });
    const before = digest(env.db());
    for (const channel of SESSION_CHANNELS) {
      if (channel === 'auth.lock') continue;
      expect([channel, await env.call(channel, inputs()[channel], 'lockme')]).toEqual([channel, { ok: false, error: LOCKED }]);
    }
    expect(await env.ok('auth.lock', {}, 'lockme')).toEqual({ done: true });
    expect(digest(env.db())).toEqual(before);
  });
});
