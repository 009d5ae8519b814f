import { can } from '../../../shared/kernel/permissions';
import type { SearchHit } from '../../../shared/master/schema';
import type { RecordKindDef } from '../../kit/records';
import { callbackByNumber } from './service';

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
