// Types for electron-runtime.mjs (imported by test/scripts).
export const root: string;
export const INSTALL_TIMEOUT_MS: number;
export const BUILD_TIMEOUT_MS: number;
export function electronDistDir(): string;
export function electronBinary(): string | null;
export function electronVersion(): string;
export function formatMs(ms: number): string;

export interface RunResult {
  ok: boolean;
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  interrupted: NodeJS.Signals | null;
  error: string | null;
  ms: number;
}
export interface RunOptions {
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  graceMs?: number;
  stdio?: import('node:child_process').StdioOptions;
}
export function runTimed(command: string, args: string[], opts?: RunOptions): Promise<RunResult>;
export function runElectronInstaller(opts?: { timeoutMs?: number; env?: NodeJS.ProcessEnv }): Promise<RunResult>;

export type InstallResult = Partial<RunResult> & { ok: boolean };
export type VerifyResult = { ok: true } | { ok: false; error: string };
export type BuildResult = { ok: true; file: string } | { ok: false; error?: string; timedOut?: boolean; interrupted?: NodeJS.Signals | null };
export type Decision =
  | { mode: 'electron'; binary: string; binding: string }
  | { mode: 'browser'; reason: string }
  | { mode: 'interrupted'; signal: NodeJS.Signals };

export interface DecideDeps {
  findBinary: () => string | null;
  runInstaller?: (() => Promise<InstallResult>) | null;
  electronVersion: () => string;
  findAbiBuild: (version: string) => string | null;
  verifyAbi: (binary: string, file: string) => Promise<VerifyResult>;
  buildAbi?: ((binary: string, version: string) => Promise<BuildResult>) | null;
  log?: (line: string) => void;
  installTimeoutMs?: number;
  buildTimeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}
export function decideStart(deps: DecideDeps): Promise<Decision>;
