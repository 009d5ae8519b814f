import { can } from '../../../shared/kernel/permissions';
import type { SearchHit } from '../../../shared/master/schema';
import type { RecordKindDef } from '../../kit/records';
import { MOVE_IN_FORMS, MOVING_IN_FORMS } from './print';
import { moveInByNumber, movingInByNumber } from './service';

/** Move-ins in the record kit: their RH numbers open the record from the global search; 入伙流程表, 钥匙签收表, 房屋验收记录表. */
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
  forms: MOVE_IN_FORMS,
};

/** Moving-ins (入住), numbered apart (RZ): the number on a 入住知会单 opens the record; 入住知会单, 租户信息表. */
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
  forms: MOVING_IN_FORMS,
};
