import { q } from '../../db/statements';
import { formatRecordNumber } from '../../shared/kernel/record-number';
import type { ServiceCtx } from '../host/context';

/**
 * The next number of a kind's per-prefix, per-year sequence (FX-2026-000017), taken inside the caller's
 * transaction: the record and its number commit together, so there are no gaps and no duplicates however
 * many counters write at once (the write transaction is BEGIN IMMEDIATE).
 */
export function nextNumber(ctx: ServiceCtx, prefix: string, year: number): string {
  const row = q(ctx.db, `INSERT INTO sequences (prefix, year, value) VALUES (?, ?, 1)
                         ON CONFLICT (prefix, year) DO UPDATE SET value = value + 1 RETURNING value`).get<{ value: number }>(prefix, year);
  return formatRecordNumber(prefix, year, row!.value);
}
