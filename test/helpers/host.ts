/**
 * A real host on a real SQLite file in a fresh temp folder, with a fixed clock the test advances.
 * Nothing of our own code is mocked: every call goes through `host.dispatch`, as from the shells.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import type { Db } from '../../db/connection';
import { createHost, type Host, type HostOptions } from '../../electron/host/host';
import type { Channel, ChannelInput, ChannelOutput, SessionUser } from '../../shared/contract';
import type { AppErrorShape, Result } from '../../shared/kernel/errors';
import type { Role } from '../../shared/master/enums';

/** 12:00 in Beijing, 04:00 UTC: the same calendar day in either time zone, far from midnight. */
export const START = '2026-03-15T04:00:00.000Z';
export const PASSWORD = 'Counter2026';
export const MINUTE = 60_000;
export const DAY = 86_400_000;

export class TestClock {
  private t: number;
  constructor(iso: string = START) {
    this.t = Date.parse(iso);
  }
  now = (): Date => new Date(this.t);
  advance(ms: number): void {
    this.t += ms;
  }
  advanceMinutes(n: number): void {
    this.advance(n * MINUTE);
  }
  advanceDays(n: number): void {
    this.advance(n * DAY);
  }
  set(iso: string): void {
    this.t = Date.parse(iso);
  }
}

/** A temp folder removed when the current test ends (or by the returned function, outside a test). */
export function tempDir(prefix = 'frontdesk-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export class CallFailed extends Error {
  constructor(
    readonly channel: string,
    readonly result: Result<unknown>,
  ) {
    super(`${channel}: expected ${result.ok ? 'a failure' : 'ok'}, got ${JSON.stringify(result)}`);
  }
}

export interface EnvOptions {
  dir?: string;
  clock?: TestClock;
  autoBackup?: boolean;
  /** Keep the folder after dispose (to reopen it in another env). */
  keepDir?: boolean;
}

export class TestEnv {
  readonly dir: string;
  readonly clock: TestClock;
  readonly logs: string[] = [];
  host: Host;
  private readonly keepDir: boolean;
  private readonly autoBackup: boolean;
  private disposed = false;

  constructor(opts: EnvOptions = {}) {
    this.dir = opts.dir ?? tempDir();
    this.clock = opts.clock ?? new TestClock();
    this.keepDir = opts.keepDir ?? !!opts.dir;
    this.autoBackup = opts.autoBackup ?? false;
    this.host = this.make();
  }

  private make(): Host {
    const options: HostOptions = {
      dataDir: this.dir,
      clock: this.clock,
      autoBackup: this.autoBackup,
      log: (level, message) => void this.logs.push(`${level} ${message}`),
    };
    return createHost(options);
  }

  get paths() {
    return this.host.paths;
  }

  /** The live connection of the host (for reading what services wrote). */
  db(): Db {
    return this.host.ctx(null).db;
  }

  /** Closes the host and opens a new one on the same folder: an app restart. */
  restart(): Host {
    this.host.close();
    this.host = this.make();
    return this.host;
  }

  call(channel: unknown, input: unknown, session = 'mgr'): Promise<Result<unknown>> {
    return this.host.dispatch(channel, input, session);
  }

  async ok<C extends Channel>(channel: C, input: ChannelInput<C>, session = 'mgr'): Promise<ChannelOutput<C>> {
    const r = await this.host.dispatch(channel, input, session);
    if (!r.ok) throw new CallFailed(channel, r);
    return r.value as ChannelOutput<C>;
  }

  async fail(channel: Channel | string, input: unknown, session = 'mgr'): Promise<AppErrorShape> {
    const r = await this.host.dispatch(channel, input, session);
    if (r.ok) throw new CallFailed(channel, r);
    return r.error;
  }

  /** `setup.init` on session `mgr`: the first manager account. */
  init(over: Partial<ChannelInput<'setup.init'>> = {}, session = 'mgr'): Promise<SessionUser> {
    return this.ok('setup.init', { siteName: '阳光花园服务中心', username: 'admin', displayName: '王经理', password: PASSWORD, demo: false, ...over }, session);
  }

  signIn(username: string, session: string, password = PASSWORD): Promise<SessionUser> {
    return this.ok('auth.signIn', { username, password }, session);
  }

  /** Creates a user with `role` (as the manager on `mgr`) and signs them in on session `session` (default: the role's name). */
  async addUser(role: Role, username: string = role, session: string = role): Promise<SessionUser> {
    await this.ok('users.create', { username, displayName: `${role} 用户`, role, password: PASSWORD });
    return this.signIn(username, session);
  }

  /** Rows of a table, read through the host's own connection. */
  rows<T = Record<string, unknown>>(sql: string, ...params: unknown[]): T[] {
    return this.db().prepare(sql).all(...params) as T[];
  }

  count(sql: string, ...params: unknown[]): number {
    return this.db().prepare(sql).pluck().get(...params) as number;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.host.close();
    if (!this.keepDir) fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A test env disposed when the current test ends. */
export function testEnv(opts: EnvOptions = {}): TestEnv {
  const env = new TestEnv(opts);
  onTestFinished(() => env.dispose());
  return env;
}

/** A temp folder removed when the current test ends. */
export function testDir(prefix?: string): string {
  const d = tempDir(prefix);
  onTestFinished(() => fs.rmSync(d, { recursive: true, force: true }));
  return d;
}

export const b64 = (text: string | Uint8Array): string => Buffer.from(text).toString('base64');

/** The local-time stamp backup names carry (frontdesk-YYYYMMDD-HHMMSS-kind.db), computed independently of the code under test. */
export function localStamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}
