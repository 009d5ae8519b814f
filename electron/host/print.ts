import type { ChannelParsedInput, ChannelOutput } from '../../shared/contract';
import { AppError } from '../../shared/kernel/errors';
import { can } from '../../shared/kernel/permissions';
import { parseRecordNumber } from '../../shared/kernel/record-number';
import { findRecord, pickForm } from '../kit/records';
import { RECORD_KINDS } from '../workflows/records';
import type { ServiceCtx } from './context';

/**
 * `records.print`: a form of any kind of record from its page, the same way for every kind. The record must
 * be one the user may see (its kind's own rule, as in the global search), and the form's permission, if it
 * has one, is checked too; the form counts the print (a reprint is a copy) as from the CLI.
 */
export async function printRecordForm(ctx: ServiceCtx, input: ChannelParsedInput<'records.print'>): Promise<ChannelOutput<'records.print'>> {
  const found = findRecord(RECORD_KINDS, ctx, input.number);
  const number = parseRecordNumber(found.number);
  if (!number || !found.kind.search(ctx, number).some((h) => h.id === found.id)) throw new AppError('FORBIDDEN');
  const form = pickForm(found, input.form);
  if (form.permission && !can(ctx.user?.role, form.permission)) throw new AppError('FORBIDDEN');
  const { bytes, copy } = await form.print(ctx, found.id, input.lang, input.item);
  return { fileName: `${found.number}${copy ? '-copy' : ''}.pdf`, pdfBase64: bytes.toString('base64'), copy, form: form.name };
}
