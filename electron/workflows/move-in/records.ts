import { can } from '../../../shared/kernel/permissions';
import type { SearchHit } from '../../../shared/master/schema';
import type { RecordKindDef } from '../../kit/records';
import { moveInByNumber, movingInByNumber } from './service';

/** Move-ins in the record kit: their RH numbers open the record from the global search. (Forms come with the printing part.) */
export const moveInRecords: RecordKindDef = {
  kind: 'move-in',
  title: { 'zh-CN': '入伙', en: 'move-in' },
  byNumber: (ctx, number) => {
    const m = moveInByNumber(ctx, number.canonical);
    return m ? { id: m.id, number: m.number } : null;
  },
  search: (ctx, number): SearchHit[] => {
    if (!can(ctx.user?.role, 'move-in.read')) return [];
    const m = moveInByNumber(ctx, number.canonical);
    return m ? [{ kind: 'move-in', id: m.id, title: m.number, subtitle: m.unit_code, unitId: m.unit_id, state: m.state, route: `/move-in/${m.id}` }] : [];
  },
  forms: [],
};

/** Moving-ins (入住), numbered apart (RZ): the number on a 入住知会单 opens the record. */
export const movingInRecords: RecordKindDef = {
  kind: 'moving-in',
  title: { 'zh-CN': '入住', en: 'moving in' },
  byNumber: (ctx, number) => {
    const m = movingInByNumber(ctx, number.canonical);
    return m ? { id: m.id, number: m.number } : null;
  },
  search: (ctx, number): SearchHit[] => {
    if (!can(ctx.user?.role, 'move-in.read')) return [];
    const m = movingInByNumber(ctx, number.canonical);
    return m ? [{ kind: 'moving-in', id: m.id, title: m.number, subtitle: `${m.unit_code} · ${m.person_name}`, unitId: m.unit_id, state: m.state, route: `/moving-in/${m.id}` }] : [];
  },
  forms: [],
};
