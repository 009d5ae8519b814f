// Types for electron-sqlite.mjs (imported by test/scripts).
import type { BuildResult } from './electron-runtime.mjs';

export const BINDING_ENV: 'FRONTDESK_SQLITE_BINDING';
export function abiBuildFile(version: string, arch?: string): string;
export function findAbiBuild(version: string): string | null;
export function verifyAbiBuild(
  binary: string,
  file: string,
  opts?: { timeoutMs?: number },
): Promise<{ ok: true; sqlite: string; modules: string } | { ok: false; error: string }>;
export function buildAbi(binary: string, version: string, opts?: { timeoutMs?: number; log?: (line: string) => void }): Promise<BuildResult>;
