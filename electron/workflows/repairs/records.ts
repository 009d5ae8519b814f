import { can } from '../../../shared/kernel/permissions';
import type { SearchHit } from '../../../shared/master/schema';
import type { RecordKindDef } from '../../kit/records';
import { workOrderForm } from './print';
import { repairByNumber } from './service';

/** Repair orders in the record kit: their BX numbers (typed or scanned from the work order's QR), their search hits and the work order. */
export const repairRecords: RecordKindDef = {
  kind: 'repair',
  title: { 'zh-CN': '报修单', en: 'repair order' },
  byNumber: (ctx, number) => {
    const r = repairByNumber(ctx, number.canonical);
    return r ? { id: r.id, number: r.number } : null;
  },
  search: (ctx, number): SearchHit[] => {
    if (!can(ctx.user?.role, 'repairs.read')) return [];
    const r = repairByNumber(ctx, number.canonical);
    return r ? [{ kind: 'repair', id: r.id, title: r.number, subtitle: r.place_name, unitId: r.unit_id, state: r.state, route: `/repairs/${r.id}` }] : [];
  },
  forms: [workOrderForm],
};
