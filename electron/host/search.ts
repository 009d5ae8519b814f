import { parseRecordNumber } from '../../shared/kernel/record-number';
import type { SearchHit } from '../../shared/master/schema';
import { searchByNumber } from '../kit/records';
import { searchMaster } from '../workflows/master/service';
import { RECORD_KINDS } from '../workflows/records';
import type { ServiceCtx } from './context';

/**
 * The global search (Ctrl+K). A query that reads as a record number (shared/kernel/record-number.ts: any case,
 * full-width, dashes or zeros left out, a scanner's trailing Enter) asks every kind of record; a number that
 * names a record opens it, with no unit or person hits beside it. Otherwise units and people.
 */
export function globalSearch(ctx: ServiceCtx, text: string): SearchHit[] {
  const number = parseRecordNumber(text);
  const byNumber = number ? searchByNumber(RECORD_KINDS, ctx, number) : [];
  return byNumber.length > 0 ? byNumber : searchMaster(ctx, text);
}
