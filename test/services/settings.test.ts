import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../electron/services/settings';
import { testEnv } from '../helpers/host';

const LOGO = `data:image/png;base64,${'iVBORw0KGgo='.repeat(10)}`;

describe('settings', () => {
  it('defaults, partial update with audit, validation with field errors', async () => {
    const env = testEnv();
    await env.init();
    expect(await env.ok('settings.get', {})).toEqual({ ...DEFAULT_SETTINGS, siteName: '阳光花园服务中心' });
    expect(DEFAULT_SETTINGS).toMatchObject({ idleLockMinutes: 10, signInMaxAttempts: 5, signInLockMinutes: 5, backupKeepDaily: 14, backupKeepMonthly: 12, slowQueryMs: 40 });

    env.clock.advanceMinutes(1);
    const next = await env.ok('settings.update', { hotline: ' 400-800-1234 ', logoDataUrl: LOGO, language: 'zh-CN' });
    expect(next).toMatchObject({ hotline: '400-800-1234', logoDataUrl: LOGO, language: 'zh-CN', siteName: '阳光花园服务中心' });
    expect(await env.ok('settings.get', {})).toEqual(next);
    expect((await env.ok('app.status', {})).language).toBe('zh-CN');
    const audit = env.rows<{ before: string; after: string }>("SELECT before, after FROM audit_log WHERE entity = 'settings' ORDER BY id");
    expect(audit.map((a) => [JSON.parse(a.before), JSON.parse(a.after)]).at(-1)).toEqual([
      { hotline: '', logoDataUrl: null, language: 'auto' },
      { hotline: '400-800-1234', logoDataUrl: '(image)', language: 'zh-CN' },
    ]);

    // No change, no audit row; a key sent as undefined is no change either.
    const n = env.count('SELECT count(*) FROM audit_log');
    await env.ok('settings.update', { hotline: '400-800-1234' });
    await env.ok('settings.update', { hotline: undefined, siteName: undefined });
    await env.ok('settings.update', {});
    expect(env.count('SELECT count(*) FROM audit_log')).toBe(n);
    expect((await env.ok('settings.get', {})).hotline).toBe('400-800-1234');

    const err = await env.fail('settings.update', { idleLockMinutes: 0, signInMaxAttempts: 2.5, logoDataUrl: 'data:image/gif;base64,AAAA', siteName: '', backupKeepDaily: 366 });
    expect(err).toEqual({
      code: 'VALIDATION',
      message: 'error.VALIDATION',
      fieldErrors: {
        siteName: { message: 'v.required' },
        logoDataUrl: { message: 'v.logoFormat' },
        idleLockMinutes: { message: 'v.tooSmall', params: { min: 1 } },
        signInMaxAttempts: { message: 'v.invalidType' },
        backupKeepDaily: { message: 'v.tooBig', params: { max: 365 } },
      },
    });
    expect((await env.fail('settings.update', { theme: 'dark' } as never)).fieldErrors).toEqual({ _: { message: 'v.unknownField' } });
    expect((await env.ok('settings.get', {})).idleLockMinutes).toBe(10);

    // Settings live in the database: a restart keeps them.
    env.restart();
    await env.signIn('admin', 'mgr');
    expect((await env.ok('settings.get', {})).hotline).toBe('400-800-1234');
  });

  it('a damaged settings row falls back to its default without resetting the others or breaking the app', async () => {
    const env = testEnv();
    await env.init();
    await env.ok('settings.update', { idleLockMinutes: 30, signInLockMinutes: 9, hotline: '110' });
    env.db().prepare("UPDATE settings SET value = '\"not a number\"' WHERE key = 'idleLockMinutes'").run();
    env.db().prepare("UPDATE settings SET value = '{broken json' WHERE key = 'hotline'").run();
    env.restart();
    await env.signIn('admin', 'mgr');
    const s = await env.ok('settings.get', {});
    expect(s).toEqual({ ...DEFAULT_SETTINGS, siteName: '阳光花园服务中心', signInLockMinutes: 9 });
    expect((await env.ok('app.status', {})).siteName).toBe('阳光花园服务中心');
    // Writing a setting again repairs the row.
    expect((await env.ok('settings.update', { hotline: '120' })).hotline).toBe('120');
  });
});
