import type { RecordKindDef } from '../../kit/records';
import { releaseSlipForm } from './print';
import { findSlipsByNumber, slipByNumber } from './service';

/** Release slips in the record kit: their numbers, their search hits and their one form. */
export const slipRecords: RecordKindDef = {
  kind: 'slip',
  title: { 'zh-CN': '放行条', en: 'release slip' },
  byNumber: slipByNumber,
  search: findSlipsByNumber,
  forms: [releaseSlipForm],
};
