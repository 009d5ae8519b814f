import { can } from '../../../shared/kernel/permissions';
import type { SearchHit } from '../../../shared/master/schema';
import type { RecordKindDef } from '../../kit/records';
import { workOrderForm } from './print';
import { callbackByNumber, repairByNumber } from './service';

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

/** Callbacks (回访) in the record kit: their HF numbers open the callback's page; they have no printed form. */
export const callbackRecords: RecordKindDef = {
  kind: 'callback',
  title: { 'zh-CN': '回访单', en: 'callback' },
  byNumber: (ctx, number) => {
    const c = callbackByNumber(ctx, number.canonical);
    return c ? { id: c.id, number: c.number } : null;
  },
  search: (ctx, number): SearchHit[] => {
    if (!can(ctx.user?.role, 'callbacks.read')) return [];
    const c = callbackByNumber(ctx, number.canonical);
    return c ? [{ kind: 'callback', id: c.id, title: c.number, subtitle: `${c.place_name} · ${c.source_number}`, unitId: null, state: c.state, route: `/callbacks/${c.id}` }] : [];
  },
  forms: [],
};
